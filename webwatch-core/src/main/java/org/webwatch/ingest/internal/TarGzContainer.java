package org.webwatch.ingest.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.webwatch.ingest.CaptureRefusedException;

/**
 * A capture in a {@code .tar.gz}. A gzip stream cannot be sought, so the archive is listed in one
 * pass and each file is read in a further pass that decompresses up to it (at most one pass per
 * capture file, i.e. O(7 × archive) decompression, O(1) memory). Links and special entries are
 * listed but never opened: a tar cannot make the reader follow anything.
 */
public final class TarGzContainer implements CaptureContainer {
  private final Path file;
  private final ByteBudget budget;
  private final Set<String> files = new TreeSet<>();
  private final Set<String> links = new TreeSet<>();
  private final Map<String, Integer> index = new HashMap<>(); // relative name -> entry ordinal

  public TarGzContainer(Path file, ByteBudget budget) throws IOException {
    this.file = file;
    this.budget = budget;
    Map<String, Integer> fileOrdinals = new HashMap<>();
    Set<String> nonFiles = new HashSet<>();
    Set<String> names = new HashSet<>();
    try (InputStream in = openArchive()) {
      TarReader tar = new TarReader(in);
      int ordinal = 0;
      TarReader.Entry e;
      try {
        while ((e = tar.next()) != null) {
          if (ordinal + 1 > budget.limits().maxEntries()) {
            throw new CaptureRefusedException(
                "tar holds more than " + budget.limits().maxEntries() + " entries (limit maxEntries); refused");
          }
          String n = EntryPaths.normalise(e.name());
          if (!n.isEmpty()) {
            names.add(n);
            if (e.isFile()) {
              if (fileOrdinals.put(n, ordinal) != null) {
                throw new CaptureRefusedException("tar holds two entries named '" + n + "'; capture refused as ambiguous");
              }
            } else {
              nonFiles.add(n);
            }
          }
          ordinal++;
        }
      } catch (EOFException eof) {
        // a truncated archive: keep what was listed; the file cut short reports a located error
      }
    }
    String root = EntryPaths.root(names);
    if (root == null) return;
    for (String n : names) {
      String rel = EntryPaths.relative(n, root);
      if (rel == null || rel.contains("/")) continue;
      if (nonFiles.contains(n) || !fileOrdinals.containsKey(n)) links.add(rel);
      else {
        files.add(rel);
        index.put(rel, fileOrdinals.get(n));
      }
    }
  }

  private InputStream openArchive() throws IOException {
    CountingInputStream raw = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    try {
      GZIPInputStream gz = new GZIPInputStream(raw, 1 << 16);
      return new GuardedInputStream(
          new BufferedInputStream(gz, 1 << 16), file.getFileName().toString(), Long.MAX_VALUE, raw::count, budget, false);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  @Override
  public Set<String> files() {
    return files;
  }

  @Override
  public Set<String> links() {
    return links;
  }

  @Override
  public InputStream open(String name) throws IOException {
    Integer target = index.get(name);
    if (target == null) throw new IOException("no such file in capture: " + name);
    InputStream archive = openArchive();
    try {
      TarReader tar = new TarReader(archive);
      for (int i = 0; i <= target; i++) {
        if (tar.next() == null) throw new EOFException("archive changed while reading");
      }
      InputStream data = new GuardedInputStream(tar.data(), name, budget.limits().maxEntryBytes(), null, budget, true);
      return new FilterInputStream(data) {
        @Override
        public void close() throws IOException {
          archive.close();
        }
      };
    } catch (IOException | RuntimeException e) {
      archive.close();
      throw e;
    }
  }

  @Override
  public void close() {}
}
