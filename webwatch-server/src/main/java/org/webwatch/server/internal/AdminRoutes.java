package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.casework.AuditEntry;
import org.webwatch.casework.AuditVerification;
import org.webwatch.casework.Role;
import org.webwatch.store.triage.TriageResultImporter;
import org.webwatch.store.triage.TriageRun;
import org.webwatch.store.users.User;

/** Users (admin), audit log (admin), hash sets (admin), triage import (investigator). */
public final class AdminRoutes {
  static final int AUDIT_PAGE = 100;
  private final Services s;

  AdminRoutes(Services s) {
    this.s = s;
  }

  /** {@code newToken} is shown exactly once, right after it was created. */
  public record UsersView(List<User> users, List<String> roles, String newToken, String tokenUser) {}

  public record AuditView(List<AuditEntry> entries, AuditVerification verification, String action, long nextBefore) {}

  public record RunsView(List<TriageRun> runs) {}

  void register(RoutesConfig r) {
    r.get("/admin/users", ctx -> users(ctx, null, null), Access.MANAGE_USERS);
    r.get("/api/users", ctx -> ctx.json(s.users().list()), Access.MANAGE_USERS);
    r.post("/admin/users", ctx -> {
      String name = ctx.formParam("name");
      Role role = Role.fromCode(ctx.formParam("role") == null ? "" : ctx.formParam("role"));
      s.users().add(name, role, ctx.formParam("password"), System.currentTimeMillis());
      s.audit(ctx, "user.add", "user:" + name, Map.of("role", role.code()));
      ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }, Access.MANAGE_USERS);
    r.post("/admin/users/{name}/disable", ctx -> {
      s.users().disable(ctx.pathParam("name"));
      s.audit(ctx, "user.disable", "user:" + ctx.pathParam("name"), Map.of());
      ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }, Access.MANAGE_USERS);
    r.post("/admin/users/{name}/token", ctx -> {
      String token = s.users().newApiToken(ctx.pathParam("name"), System.currentTimeMillis());
      s.audit(ctx, "user.token", "user:" + ctx.pathParam("name"), Map.of());
      users(ctx, token, ctx.pathParam("name"));
    }, Access.MANAGE_USERS);
    r.get("/audit", ctx -> s.templates().render(ctx, "audit.jte", "Audit log", "audit", audit(ctx)), Access.AUDIT);
    r.get("/api/audit", ctx -> ctx.json(audit(ctx)), Access.AUDIT);
    r.get("/api/audit/verify", ctx -> ctx.json(s.audit().verify()), Access.AUDIT);
    r.get("/runs", ctx -> s.templates().render(ctx, "runs.jte", "Triage runs", "runs", new RunsView(s.triage().runs())), Access.READ);
    r.get("/api/runs", ctx -> ctx.json(s.triage().runs()), Access.READ);
    r.post("/api/runs", this::importRun, Access.IMPORT);
  }

  private void users(Context ctx, String token, String tokenUser) {
    List<String> roles = java.util.Arrays.stream(Role.values()).map(Role::code).toList();
    s.templates().render(ctx, "users.jte", "Users", "users", new UsersView(s.users().list(), roles, token, tokenUser));
  }

  private AuditView audit(Context ctx) {
    long before = QueueRoutes.longParam(ctx, "before", Long.MAX_VALUE);
    String action = ctx.queryParam("action");
    List<AuditEntry> page = s.audit().page(before, AUDIT_PAGE, action);
    long next = page.size() == AUDIT_PAGE ? page.get(page.size() - 1).seq() : -1;
    return new AuditView(page, s.audit().verify(), action == null ? "" : action, next);
  }

  /** Imports a triage output directory that lies on the server (JSON body {"dir": "..."}). */
  private void importRun(Context ctx) {
    String dir;
    try {
      dir = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ctx.body()).path("dir").asText("");
    } catch (java.io.IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "body must be JSON {\"dir\": PATH}");
    }
    if (dir.isBlank()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "dir missing");
    TriageRun run = new TriageResultImporter(s.store()).importRun(Path.of(dir));
    s.audit(ctx, "import.triage", "run:" + run.id(), Map.of("dir", dir, "accounts", run.accounts(), "persons", run.persons()));
    ctx.status(201).json(run);
  }
}
