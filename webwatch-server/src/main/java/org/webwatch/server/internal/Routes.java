package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.util.Optional;
import org.webwatch.server.JobOptions;
import org.webwatch.server.WebwatchServer;
import org.webwatch.server.internal.jobs.JobRunner;

/** Registers every route group; the one list of what the server answers. */
public final class Routes {
  private Routes() {}

  public static void register(RoutesConfig r, Services s, JobRunner jobs, JobOptions jobOptions) {
    new AuthRoutes(s).register(r);
    new QueueRoutes(s).register(r);
    new DossierRoutes(s).register(r);
    new SuggestionRoutes(s).register(r);
    new SearchRoutes(s).register(r);
    new CaseRoutes(s).register(r);
    new AdminRoutes(s).register(r);
    new HashRoutes(s).register(r);
    new HashSetRoutes(s).register(r);
    new JobRoutes(s, jobs, jobOptions).register(r);
    r.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(WebwatchServer.openApi()), Access.READ);
    r.get("/api/me", ctx -> ctx.json(Security.principal(ctx).user()), Access.READ);
  }

  /** The access level an endpoint declared, if exactly one. */
  public static Optional<Access> accessOf(Endpoint e) {
    Roles roles = e.metadata(Roles.class);
    if (roles == null || roles.getRoles().size() != 1) return Optional.empty();
    return roles.getRoles().iterator().next() instanceof Access a ? Optional.of(a) : Optional.empty();
  }
}
