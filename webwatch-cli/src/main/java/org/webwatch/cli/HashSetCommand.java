package org.webwatch.cli;

import org.webwatch.csv.CsvWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.webwatch.media.HashSetInfo;
import org.webwatch.media.HashSetOptions;
import org.webwatch.media.hashset.HashSetSpec;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.media.HashSetRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webwatch hashset import|list|remove}: manage the hash sets kept in the store. */
@Command(
    name = "hashset",
    mixinStandardHelpOptions = true,
    description = "Imports, lists and removes known-material hash sets kept in the data directory.",
    subcommands = {HashSetCommand.Import.class, HashSetCommand.ListSets.class, HashSetCommand.Remove.class},
    footer = {"", "Example: ./webwatch hashset import --name vic-us --source agency-x national.json",
        "         ./webwatch hashset import --negative md5:benign.txt", "         ./webwatch hashset list"})
public final class HashSetCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static class DataOption {
    @Option(names = "--data", defaultValue = WebwatchStore.DEFAULT_DATA_DIR, description = "data directory (default ${DEFAULT-VALUE})")
    Path data;
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Streams a VICS JSON, CSV or plain-list file into the store; a set of the same name is replaced atomically.",
      footer = {"", "Example: ./webwatch hashset import --name ncmec-industry --max-distance 25 sha256:list.txt"})
  static final class Import implements Callable<Integer> {
    @picocli.CommandLine.Mixin DataOption data = new DataOption();

    @Option(names = "--name", description = "set name (default: the file name)")
    String name;

    @Option(names = "--source", description = "who distributes the set (default: the name)")
    String source;

    @Option(names = "--negative", description = "an allow set: its matches suppress hits")
    boolean negative;

    @Option(names = "--max-distance", defaultValue = "31", description = "PDQ threshold for this set (default ${DEFAULT-VALUE})")
    int maxDistance;

    @Parameters(index = "0", paramLabel = "SET", description = "PATH, or TYPE:PATH for a plain list (md5:list.txt)")
    String set;

    @Override
    public Integer call() {
      HashSetSpec spec = HashSetSpec.parse(set);
      String n = name != null ? name : spec.path().getFileName().toString();
      try (WebwatchStore store = WebwatchStore.open(data.data)) {
        var result = new HashSetRepository(store).importSet(spec, new HashSetOptions(n, source, negative, maxDistance));
        HashSetInfo i = result.info();
        System.out.println("imported " + i.name() + ": " + i.entries() + " entries, " + i.rejected() + " rejected ("
            + i.format() + (i.version() == null ? "" : " " + i.version()) + (i.profile() == null ? "" : " " + i.profile()) + ")");
        result.summary().errors().forEach(e -> System.err.println("  " + e));
        return i.rejected() > 0 ? WebwatchCli.EXIT_WITH_REJECTS : WebwatchCli.EXIT_OK;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists stored hash sets as CSV.",
      footer = {"", "Example: ./webwatch hashset list --data webwatch-data"})
  static final class ListSets implements Callable<Integer> {
    @picocli.CommandLine.Mixin DataOption data = new DataOption();

    @Override
    public Integer call() {
      try (WebwatchStore store = WebwatchStore.open(data.data)) {
        System.out.println("name,source,format,version,profile,negative,pdq_threshold,imported_at,entries,rejected");
        for (HashSetInfo i : new HashSetRepository(store).list()) {
          System.out.println(CsvWriter.line(java.util.List.of(i.name(), i.options().source(), i.format().name(),
              i.version() == null ? "" : i.version(), i.profile() == null ? "" : i.profile(),
              Boolean.toString(i.options().negative()), Integer.toString(i.options().pdqThreshold()),
              i.importedAt().toString(), Long.toString(i.entries()), Long.toString(i.rejected()))));
        }
        return WebwatchCli.EXIT_OK;
      }
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a stored hash set.",
      footer = {"", "Example: ./webwatch hashset remove vic-us"})
  static final class Remove implements Callable<Integer> {
    @picocli.CommandLine.Mixin DataOption data = new DataOption();

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (WebwatchStore store = WebwatchStore.open(data.data)) {
        if (!new HashSetRepository(store).remove(name)) {
          throw new org.webwatch.WebwatchException(org.webwatch.WebwatchException.Kind.NOT_FOUND, "no hash set named " + name);
        }
        System.out.println("removed " + name);
        return WebwatchCli.EXIT_OK;
      }
    }
  }
}
