package org.webwatch.server.internal;

import io.javalin.http.Context;
import java.util.Map;
import org.webwatch.server.ServerOptions;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.audit.AuditLog;
import org.webwatch.store.casework.CaseRepository;
import org.webwatch.store.casework.DecisionRepository;
import org.webwatch.store.triage.DossierQueries;
import org.webwatch.store.triage.TriageRepository;
import org.webwatch.store.users.UserRepository;

/** What the route classes share: repositories over one store, templates, options. */
public record Services(WebwatchStore store, UserRepository users, AuditLog audit, TriageRepository triage,
    DossierQueries dossier, CaseRepository cases, DecisionRepository decisions, Templates templates, LuceneSearch search,
    ServerOptions options, Security security) {

  public static Services create(WebwatchStore store, UserRepository users, ServerOptions options) {
    return new Services(store, users, new AuditLog(store), new TriageRepository(store), new DossierQueries(store),
        new CaseRepository(store), new DecisionRepository(store), new Templates(), new LuceneSearch(store),
        options, new Security(users, options));
  }

  /** Appends to the audit log as the request's user. */
  public void audit(Context ctx, String action, String target, Map<String, ?> detail) {
    Principal p = Security.principalOrNull(ctx);
    audit.append(System.currentTimeMillis(), p == null ? "-" : p.user().name(), action, target, detail);
  }

  /** The newest triage run id, or -1 when none is imported. */
  public long runId() {
    return triage.currentRunId();
  }

  /** A local path to go back to after a form post; anything else becomes {@code fallback}. */
  static String localPath(String back, String fallback) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains("\n")) return fallback;
    return back;
  }
}
