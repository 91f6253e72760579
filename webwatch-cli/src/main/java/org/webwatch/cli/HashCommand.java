package org.webwatch.cli;

import org.webwatch.csv.CsvWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.webwatch.media.Dihedral;
import org.webwatch.media.FileHasher;
import org.webwatch.media.FileHashes;
import org.webwatch.media.ImageDecoder;
import org.webwatch.media.PdqPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webwatch hash}: MD5/SHA-1/SHA-256 of every file and PDQ of every image, as CSV. */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = {
      "Hashes files (directories recursively): MD5, SHA-1, SHA-256 and, for images, PDQ with its quality and policy.",
      "Writes CSV path,md5,sha1,sha256,pdq,quality,policy,error (with --dihedral also the 7 other variants).",
      "Image bytes are never stored; a file that cannot be read or decoded gets an error and the batch goes on."
    },
    footer = {"", "Example: ./webwatch hash --policy full --out hashes.csv ./evidence/"})
public final class HashCommand implements Callable<Integer> {
  @Option(names = "--policy", defaultValue = "full", description = "PDQ pre-resize policy: full (default) or nn512")
  String policy;

  @Option(names = "--dihedral", description = "also output the 8 dihedral PDQ variants")
  boolean dihedral;

  @Option(names = "--out", description = "CSV file to write (default: standard output)")
  Path out;

  @Option(names = "--max-pixels", defaultValue = "100000000", description = "refuse images above this many pixels (default ${DEFAULT-VALUE})")
  long maxPixels;

  @Option(names = "--threads", description = "worker threads (default: all cores)")
  Integer threads;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or directories")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    PdqPolicy p = PdqPolicy.fromCode(policy);
    FileHasher hasher = new FileHasher(p, dihedral, new ImageDecoder(maxPixels, ImageDecoder.DEFAULT_TIMEOUT));
    List<Path> files = expand(paths);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
    ForkJoinPool pool = new ForkJoinPool(n);
    List<FileHashes> results;
    try {
      results = pool.submit(() -> files.parallelStream().map(hasher::hash).toList()).get();
    } finally {
      pool.shutdown();
    }
    int errors = 0;
    try (PrintStream w = out == null ? new PrintStream(System.out, false, StandardCharsets.UTF_8)
        : new PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder("path,md5,sha1,sha256,pdq,quality,policy,error");
      if (dihedral) for (Dihedral d : Dihedral.values()) if (d != Dihedral.ORIGINAL) header.append(',').append(d.name().toLowerCase());
      w.println(header);
      for (FileHashes h : results) {
        if (!h.ok()) errors++;
        List<String> row = new ArrayList<>(List.of(h.path().toString(), nz(h.md5()), nz(h.sha1()), nz(h.sha256()),
            h.pdq() == null ? "" : h.pdq().hash().toHex(), h.pdq() == null ? "" : Integer.toString(h.pdq().quality()),
            h.pdq() == null ? "" : h.pdq().policy().code(), nz(h.error())));
        if (dihedral) {
          for (int i = 1; i < 8; i++) row.add(h.pdq() == null ? "" : h.pdq().dihedral().get(i).toHex());
        }
        w.println(CsvWriter.line(row));
      }
      if (out != null) System.out.flush();
    }
    if (errors > 0) System.err.println("webwatch: " + errors + " of " + results.size() + " files with an error (see the error column)");
    return errors > 0 ? WebwatchCli.EXIT_WITH_REJECTS : WebwatchCli.EXIT_OK;
  }

  static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
