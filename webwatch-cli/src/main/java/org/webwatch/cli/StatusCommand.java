package org.webwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.webwatch.WebwatchException;
import org.webwatch.store.CaptureInfo;
import org.webwatch.store.ImportService;
import org.webwatch.store.StoreSummary;
import org.webwatch.store.WebwatchStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code webwatch status}: what the store holds. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows the captures in the store with their status, rows per record type, rejected records and the full-text index size.",
    footer = {"", "Example:", "  ./webwatch status --data ./webwatch-data"})
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory of the store (default: ${DEFAULT-VALUE}).",
      defaultValue = WebwatchStore.DEFAULT_DATA_DIR)
  Path data;

  @Override
  public Integer call() {
    Quiet.silenceLibraryLogging();
    if (!Files.isRegularFile(data.resolve(WebwatchStore.DATABASE_FILE))) {
      throw new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no store at " + data + " (run ./webwatch ingest first)");
    }
    PrintWriter out = spec.commandLine().getOut();
    StoreSummary s;
    try (WebwatchStore store = WebwatchStore.open(data)) {
      s = new ImportService(store).summary();
    }
    out.printf("store %s%n", data.toAbsolutePath());
    out.printf("captures: %d%n", s.captures().size());
    for (CaptureInfo c : s.captures()) {
      out.printf("  %-30s %-9s %s %,12d records %,10d rejected  %s%n", c.id(), c.status(), c.indexed() ? "indexed  " : "unindexed",
          c.records(), c.rejected(), c.sourcePath() == null ? "" : c.sourcePath());
    }
    out.println("rows:");
    for (Map.Entry<String, Long> e : s.rowsPerTable().entrySet()) out.printf("  %-16s %,12d%n", e.getKey(), e.getValue());
    out.printf("full-text index: %,d documents, %,d bytes%n", s.indexDocs(), s.indexBytes());
    return WebwatchCli.EXIT_OK;
  }
}
