package org.webwatch.triage;

import org.webwatch.ingest.CaptureVisitor;

/**
 * One capture the pipeline streams over. {@link #read} must call the visitor in file order
 * (manifest, sites, boards, threads, accounts, posts, messages) and report what it read; it
 * must not depend on any particular reader so that tests can feed records from memory and the
 * CLI can wrap {@code org.webwatch.ingest.CaptureReader}.
 */
public interface CaptureSource {
  /** Name shown in summary.json (e.g. the capture path). */
  String name();

  /** Streams every record into {@code visitor}; rejected records go to {@code visitor.rejected}. */
  SourceCounts read(CaptureVisitor visitor);

  /** A capture on disk (directory, .zip or .tar.gz) read by {@link org.webwatch.ingest.CaptureReader}. */
  static CaptureSource of(java.nio.file.Path path) {
    return new CaptureSource() {
      @Override
      public String name() {
        return path.toString();
      }

      @Override
      public SourceCounts read(CaptureVisitor visitor) {
        org.webwatch.ingest.ReadReport r = new org.webwatch.ingest.CaptureReader().read(path, visitor);
        return new SourceCounts(r.accepted(), r.rejected());
      }
    };
  }
}
