package org.webwatch.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.webwatch.server.internal.jobs.Job;
import org.webwatch.server.internal.jobs.JobRunner;
import org.webwatch.store.audit.AuditLog;

/**
 * Writes a job's life to the audit log: {@code job.submit}, {@code job.start},
 * {@code job.cancel} (by whoever asked) and {@code job.end} (state, result counts, error count,
 * failure), target {@code job:ID}. The work itself appends the domain row
 * ({@code import.capture}, {@code hashset.import}, {@code import.triage}).
 */
public final class JobAudit {
  private JobAudit() {}

  public static JobRunner.Events of(AuditLog audit) {
    return (action, job, actor) -> audit.append(System.currentTimeMillis(), actor, action, "job:" + job.id(), detail(action, job));
  }

  static Map<String, Object> detail(String action, Job j) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("kind", j.kind().code());
    d.put("label", j.label());
    d.put("state", j.state().code());
    if (action.equals("job.end")) {
      d.put("errors", j.errorCount());
      if (j.failure() != null) d.put("failure", j.failure());
      j.summary().forEach((k, v) -> {
        if (v instanceof Number || v instanceof Boolean) d.put(k, v);
        else if (k.equals("capture")) d.put(k, String.valueOf(v));
      });
    }
    return d;
  }
}
