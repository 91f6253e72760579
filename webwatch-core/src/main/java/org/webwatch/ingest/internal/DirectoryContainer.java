package org.webwatch.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.TreeSet;
import org.webwatch.ingest.CaptureRefusedException;

/**
 * A capture unpacked in a directory (or in its single sub-folder). Only the root level is read;
 * symbolic links are listed but never followed, and files are opened with {@code NOFOLLOW_LINKS}
 * so that a link swapped in after listing is not followed either.
 */
public final class DirectoryContainer implements CaptureContainer {
  private final Path root;
  private final ByteBudget budget;
  private final Set<String> files = new TreeSet<>();
  private final Set<String> links = new TreeSet<>();

  public DirectoryContainer(Path dir, ByteBudget budget) throws IOException {
    this.budget = budget;
    Path r = dir;
    if (!Files.exists(r.resolve(EntryPaths.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
      Path only = null;
      int count = 0;
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          count++;
          only = p;
        }
      }
      if (count == 1 && Files.isDirectory(only, LinkOption.NOFOLLOW_LINKS)) r = only;
    }
    this.root = r;
    int entries = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      for (Path p : ds) {
        if (++entries > budget.limits().maxEntries()) {
          throw new CaptureRefusedException(
              "capture directory holds more than " + budget.limits().maxEntries() + " entries (limit maxEntries); refused");
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String name = p.getFileName().toString();
        if (a.isRegularFile()) files.add(name);
        else links.add(name);
      }
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
    if (!files.contains(file)) throw new IOException("no such file in capture: " + file);
    Path p = root.resolve(file);
    InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS);
    return new GuardedInputStream(in, file, budget.limits().maxEntryBytes(), null, budget, true);
  }

  @Override
  public void close() {}
}
