package org.webwatch.ingest.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * The files of a capture, whatever holds them (directory, zip, tar.gz). Names are relative to
 * the capture root (the container root, or its single top-level folder), '/'-separated and
 * already checked not to escape it. Nothing is ever extracted or written.
 */
public interface CaptureContainer extends Closeable {
  /** Regular files under the root, by relative name. */
  Set<String> files();

  /** Names under the root that are links or special files: never opened, never followed. */
  Set<String> links();

  /** The file's bytes as stored (still gzip-compressed for {@code .gz} names), guarded by the limits. */
  InputStream open(String file) throws IOException;

  @Override
  void close() throws IOException;
}
