package org.webwatch.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.webwatch.ingest.CaptureRefusedException;

/**
 * A capture in a zip file, read in place through the JDK's {@link ZipFile} (random access; one
 * entry streamed at a time). Entry names are checked for zip-slip; declared compressed sizes
 * bound the inflation ratio and the bytes actually produced are counted, so a lying header
 * cannot hide a bomb. Symbolic-link entries are indistinguishable through this API: they would
 * be read as their stored text (the link target), never followed.
 */
public final class ZipContainer implements CaptureContainer {
  private final ZipFile zip;
  private final ByteBudget budget;
  private final long archiveSize;
  private final Map<String, ZipEntry> byName = new HashMap<>();
  private final Set<String> files = new TreeSet<>();
  private final Set<String> links = new TreeSet<>();

  public ZipContainer(Path file, ByteBudget budget) throws IOException {
    this.budget = budget;
    this.archiveSize = Files.size(file);
    this.zip = new ZipFile(file.toFile());
    try {
      Map<String, ZipEntry> all = new HashMap<>();
      Set<String> names = new HashSet<>();
      int count = 0;
      for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        if (++count > budget.limits().maxEntries()) {
          throw new CaptureRefusedException(
              "zip holds more than " + budget.limits().maxEntries() + " entries (limit maxEntries); refused");
        }
        String n = EntryPaths.normalise(e.getName());
        if (n.isEmpty()) continue;
        names.add(n);
        if (!e.isDirectory() && all.put(n, e) != null) {
          throw new CaptureRefusedException("zip holds two entries named '" + n + "'; capture refused as ambiguous");
        }
      }
      String root = EntryPaths.root(names);
      if (root == null) return; // no manifest: the reader refuses
      for (String n : names) {
        String rel = EntryPaths.relative(n, root);
        if (rel == null || rel.contains("/")) continue;
        ZipEntry e = all.get(n);
        if (e == null) links.add(rel); // a directory
        else {
          files.add(rel);
          byName.put(rel, e);
        }
      }
    } catch (RuntimeException e) {
      zip.close();
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
  public InputStream open(String file) throws IOException {
    ZipEntry e = byName.get(file);
    if (e == null) throw new IOException("no such file in capture: " + file);
    // a header may lie; the entry cannot really hold more compressed bytes than the archive
    long declared = e.getCompressedSize() >= 0 ? Math.min(e.getCompressedSize(), archiveSize) : archiveSize;
    boolean stored = e.getMethod() == ZipEntry.STORED;
    return new GuardedInputStream(
        zip.getInputStream(e), "zip entry " + file, budget.limits().maxEntryBytes(), stored ? null : () -> declared, budget, true);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
