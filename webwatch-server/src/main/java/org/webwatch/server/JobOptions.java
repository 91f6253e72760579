package org.webwatch.server;

import java.nio.file.Path;

/**
 * How the server's background jobs (capture import, hash-set import, triage run) are limited.
 *
 * @param importDir the only directory whose files an admin may import by server-side path
 *     ({@code null}: server-side paths are refused, uploads only)
 * @param maxUploadBytes largest accepted capture or hash-set upload to the Jobs page / API
 * @param maxQueued jobs that may wait behind the running one; more are refused with 409
 * @param triageThreads worker threads of a triage run (outputs do not depend on it)
 */
public record JobOptions(Path importDir, long maxUploadBytes, int maxQueued, int triageThreads) {
  /** 2 GiB: a large forum capture, compressed. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L << 30;
  public static final int DEFAULT_MAX_QUEUED = 8;
  public static final int DEFAULT_TRIAGE_THREADS = 2;
  /** Default import directory, under the data directory. */
  public static final String DEFAULT_IMPORT_DIR = "imports";

  public JobOptions {
    if (maxUploadBytes < 1) throw new IllegalArgumentException("maxUploadBytes must be >= 1: " + maxUploadBytes);
    if (maxQueued < 1) throw new IllegalArgumentException("maxQueued must be >= 1: " + maxQueued);
    if (triageThreads < 1 || triageThreads > 256) throw new IllegalArgumentException("triageThreads must be 1..256: " + triageThreads);
  }

  /** Defaults with {@code dataDir/imports} as the import directory. */
  public static JobOptions defaults(Path dataDir) {
    return new JobOptions(dataDir.resolve(DEFAULT_IMPORT_DIR), DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_QUEUED, DEFAULT_TRIAGE_THREADS);
  }

  public JobOptions withImportDir(Path dir) {
    return new JobOptions(dir, maxUploadBytes, maxQueued, triageThreads);
  }

  public JobOptions withMaxUploadBytes(long bytes) {
    return new JobOptions(importDir, bytes, maxQueued, triageThreads);
  }
}
