package org.webwatch.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.ingest.RecordError;
import org.webwatch.server.internal.jobs.JobProgress;
import org.webwatch.server.internal.jobs.JobWork;
import org.webwatch.store.ImportOptions;
import org.webwatch.store.ImportResult;
import org.webwatch.store.ImportService;

/**
 * A capture import job: the CLI's {@code ingest} ({@link ImportService}) over one capture, an
 * uploaded file staged under {@code staging/} (deleted afterwards) or a path inside the import
 * directory (left in place). Rejected records become the job's located errors; a refused capture
 * fails the job and stores nothing; cancelling rolls the import back (one transaction).
 */
final class CaptureImportWork implements JobWork {
  private final Services s;
  private final Path capture;
  private final String label;
  private final String shownName;
  private final String actor;
  private final boolean stagedUpload;
  private final boolean reimport;

  /** {@code shownName}: how errors name the capture (the uploaded file's name for a staged upload). */
  CaptureImportWork(Services s, Path capture, String shownName, String label, String actor, boolean stagedUpload, boolean reimport) {
    this.s = s;
    this.capture = capture;
    this.shownName = shownName;
    this.label = label;
    this.actor = actor;
    this.stagedUpload = stagedUpload;
    this.reimport = reimport;
  }

  @Override
  public Map<String, Object> run(JobProgress p) {
    p.phase("importing records", -1, "records");
    p.checkCancelled();
    ImportOptions options = ImportOptions.defaults().withReimport(reimport).withProgress(n -> {
      p.done(n);
      p.checkCancelled();
    });
    ImportResult r;
    try {
      r = new ImportService(s.store()).importCapture(capture, options);
    } catch (WebwatchException e) {
      throw new WebwatchException(e.kind(), shownName(e.getMessage()), e);
    }
    p.done(r.accepted());
    if (r.report() != null) {
      for (RecordError e : r.report().errors()) p.error(e.toString());
    }
    p.errorCount(r.rejected());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("capture", r.captureId());
    summary.put("outcome", r.outcome() == ImportResult.Outcome.IMPORTED ? "imported" : "already imported (nothing changed)");
    summary.put("accepted", r.accepted());
    summary.put("rejected", r.rejected());
    summary.put("indexed", r.indexed());
    if (r.report() != null) {
      for (Map.Entry<String, Long> e : r.report().acceptedByFile().entrySet()) {
        summary.put("accepted." + e.getKey(), e.getValue());
      }
    }
    s.audit().append(System.currentTimeMillis(), actor, "import.capture", "capture:" + r.captureId(),
        Map.of("source", label, "outcome", summary.get("outcome"), "accepted", r.accepted(), "rejected", r.rejected()));
    return summary;
  }

  /** A refusal names the staged copy of an upload; the admin knows it by the uploaded file's name. */
  private String shownName(String message) {
    if (message == null || !stagedUpload) return message;
    return message.replace(capture.toString(), shownName).replace(capture.getFileName().toString(), shownName);
  }

  @Override
  public void discard() {
    if (!stagedUpload) return;
    try {
      Files.deleteIfExists(capture);
    } catch (IOException ignored) {
      // a leftover staged capture is never read again; the next server start does not depend on it
    }
  }
}
