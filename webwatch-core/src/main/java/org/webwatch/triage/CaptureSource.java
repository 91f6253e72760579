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
}
