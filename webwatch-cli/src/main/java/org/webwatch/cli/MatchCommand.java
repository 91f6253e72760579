package org.webwatch.cli;

import org.webwatch.csv.CsvWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.webwatch.WebwatchException;
import org.webwatch.media.FileHasher;
import org.webwatch.media.FileHashes;
import org.webwatch.media.HashSetOptions;
import org.webwatch.media.ImageDecoder;
import org.webwatch.media.KnownMedia;
import org.webwatch.media.MediaMatch;
import org.webwatch.media.PdqHash;
import org.webwatch.media.PdqPolicy;
import org.webwatch.media.hashset.HashSetSpec;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.media.HashSetRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webwatch match}: files or hashes against hash sets; one CSV row per match. */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Matches files (hashed on the fly, directories recursively) or hash values against known-material hash sets.",
      "A 32/40-hex query is MD5/SHA-1; 64 hex is tried as SHA-256 and as PDQ.",
      "Writes CSV query,set,entry,method,distance,policy,category,series,source,negative; a query without a match",
      "gets one row with the match columns empty."
    },
    footer = {"", "Example: ./webwatch match --hashes vics.json --hashes md5:list.txt --dihedral ./evidence/",
        "         ./webwatch match --data webwatch-data f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"})
public final class MatchCommand implements Callable<Integer> {
  @Option(names = "--hashes", paramLabel = "SET", description = "hash-set file: PATH (VICS/CSV detected) or TYPE:PATH for a plain list")
  List<String> hashes = new ArrayList<>();

  @Option(names = "--allow", paramLabel = "SET", description = "negative (allow) set whose matches suppress hits")
  List<String> allow = new ArrayList<>();

  @Option(names = "--data", description = "also match against the hash sets stored in this data directory")
  Path data;

  @Option(names = "--max-distance", defaultValue = "31", description = "PDQ match threshold for the --hashes sets (default ${DEFAULT-VALUE})")
  int maxDistance;

  @Option(names = "--policy", defaultValue = "full", description = "PDQ policy for hashing files: full or nn512")
  String policy;

  @Option(names = "--dihedral", description = "match all 8 rotations/flips of each file's PDQ")
  boolean dihedral;

  @Option(names = "--out", description = "CSV file to write (default: standard output)")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "files, directories or hash values")
  List<String> queries;

  @Override
  public Integer call() throws Exception {
    if (hashes.isEmpty() && allow.isEmpty() && data == null) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "give at least one --hashes SET, --allow SET or --data DIR");
    }
    KnownMedia known = new KnownMedia();
    if (data != null) {
      try (WebwatchStore store = WebwatchStore.open(data)) {
        HashSetRepository repo = new HashSetRepository(store);
        for (var info : repo.list()) known.addSet(info, sink -> repo.forEachEntry(info.name(), sink));
      }
    }
    for (String s : hashes) {
      HashSetSpec spec = HashSetSpec.parse(s);
      known.addSet(spec, HashSetOptions.of(spec.path()).withThreshold(maxDistance));
    }
    for (String s : allow) {
      HashSetSpec spec = HashSetSpec.parse(s);
      known.addSet(spec, HashSetOptions.of(spec.path()).withThreshold(maxDistance).asNegative());
    }
    PdqPolicy p = PdqPolicy.fromCode(policy);
    FileHasher hasher = new FileHasher(p, dihedral, new ImageDecoder());
    int matched = 0;
    try (PrintStream w = out == null ? new PrintStream(System.out, false, StandardCharsets.UTF_8)
        : new PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8)) {
      w.println("query,set,entry,method,distance,policy,category,series,source,negative");
      for (String q : queries) {
        for (var entry : resolve(q, hasher, known)) {
          List<MediaMatch> ms = entry.matches();
          if (ms.isEmpty()) {
            w.println(CsvWriter.line(List.of(entry.query(), "", "", "", "", "", "", "", "", "")));
            continue;
          }
          matched++;
          for (MediaMatch m : ms) {
            w.println(CsvWriter.line(List.of(entry.query(), m.set(), m.entry(), m.method(), Integer.toString(m.distance()),
                m.policy() == null ? "" : m.policy(), nz(m.category()), nz(m.series()), nz(m.source()),
                Boolean.toString(m.negative()))));
          }
        }
      }
    }
    System.err.println("webwatch: " + matched + " queries matched");
    return WebwatchCli.EXIT_OK;
  }

  private record Answer(String query, List<MediaMatch> matches) {}

  private static List<Answer> resolve(String q, FileHasher hasher, KnownMedia known) throws Exception {
    Path path = Path.of(q);
    if (Files.exists(path)) {
      List<Answer> out = new ArrayList<>();
      for (Path f : HashCommand.expand(List.of(path))) {
        FileHashes h = hasher.hash(f);
        out.add(new Answer(f.toString(), known.match(h)));
      }
      return out;
    }
    String v = q.trim().toLowerCase(Locale.ROOT);
    if (!v.matches("[0-9a-f]+")) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, q + ": neither an existing file nor a hex hash");
    }
    List<MediaMatch> m = switch (v.length()) {
      case 32 -> known.match(v, null, null, null, null, null, null, List.of());
      case 40 -> known.match(null, v, null, null, null, null, null, List.of());
      case 64 -> known.match(null, null, v, null, PdqHash.parse(v), null, PdqPolicy.DEFAULT, List.of());
      default -> throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT,
          q + ": a hash must have 32 (MD5), 40 (SHA-1) or 64 (SHA-256 / PDQ) hex digits");
    };
    return List.of(new Answer(q, m));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
