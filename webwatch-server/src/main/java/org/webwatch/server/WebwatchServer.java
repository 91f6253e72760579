package org.webwatch.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.webwatch.WebwatchException;
import org.webwatch.server.internal.Access;
import org.webwatch.server.internal.HashSetLookup;
import org.webwatch.server.internal.JobAudit;
import org.webwatch.server.internal.jobs.JobRunner;
import org.webwatch.server.internal.MediaFileHasher;
import org.webwatch.server.internal.ErrorMapping;
import org.webwatch.server.internal.Routes;
import org.webwatch.server.internal.Services;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.users.UserRepository;

/**
 * The investigator web application and JSON API over one store. Javalin 7 on Jetty 12; pages
 * are precompiled JTE templates, the browser gets htmx and Cytoscape.js from WebJars and two
 * small static files, nothing else. See docs/server.md for routes, roles and the security model.
 */
public final class WebwatchServer implements AutoCloseable {
  /** A registered route, for documentation and tests. */
  public record Route(String method, String path, String access) {}

  private final Javalin app;
  private final JobRunner jobs;

  private WebwatchServer(Javalin app, JobRunner jobs) {
    this.app = app;
    this.jobs = jobs;
  }

  /** Default lookups: the stored hash sets then hashes seen in captures; uploads get digests and PDQ. */
  public static ServerOptions defaultOptions(WebwatchStore store, boolean tls) {
    return ServerOptions.defaults(tls, new HashSetLookup(store), new MediaFileHasher());
  }

  public static WebwatchServer create(WebwatchStore store, ServerOptions options) {
    return create(store, new UserRepository(store), options);
  }

  /** As {@link #create(WebwatchStore, ServerOptions)} with a given user repository (tests use cheap Argon2 parameters). */
  public static WebwatchServer create(WebwatchStore store, UserRepository users, ServerOptions options) {
    return create(store, users, options, JobOptions.defaults(store.dataDir()));
  }

  /**
   * As {@link #create(WebwatchStore, UserRepository, ServerOptions)} with the limits of the
   * background jobs (import directory, upload size, queue length). Jobs are kept in memory;
   * their submission, start, cancellation and end are appended to the audit log.
   */
  public static WebwatchServer create(WebwatchStore store, UserRepository users, ServerOptions options, JobOptions jobOptions) {
    Services services = Services.create(store, users, options);
    JobRunner jobs = new JobRunner(JobAudit.of(services.audit()), jobOptions.maxQueued(), JobRunner.DEFAULT_ERRORS_KEPT);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.staticFiles.enableWebjars();
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/static";
        sf.directory = "/static";
        sf.location = Location.CLASSPATH;
      });
      config.http.maxRequestSize = 60L * 1024 * 1024;
      config.jetty.threadPool = threadPool();
      config.routes.before(services.security()::headers);
      config.routes.beforeMatched(services.security()::check);
      ErrorMapping.install(config.routes, services.templates());
      Routes.register(config.routes, services, jobs, jobOptions);
    });
    return new WebwatchServer(app, jobs);
  }

  /**
   * Request threads. Pages are CPU-bound (SQLite in process, template rendering), so more threads
   * than a few per core only time-slice the CPU and lengthen every request; excess requests wait
   * in Jetty's queue in arrival order instead. Jetty takes its acceptor and selector threads from
   * the same pool, hence the reserve. Four per core (a request waiting on the audit group commit
   * holds its thread without using the CPU); {@code -Dwebwatch.server.threads=N} overrides.
   */
  public static final int REQUEST_THREADS = Integer.getInteger("webwatch.server.threads",
      Math.max(4, 4 * Runtime.getRuntime().availableProcessors()));
  static final int JETTY_RESERVED_THREADS = 6;

  private static org.eclipse.jetty.util.thread.QueuedThreadPool threadPool() {
    int max = REQUEST_THREADS + JETTY_RESERVED_THREADS;
    org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(max, Math.min(max, 8), 60_000);
    pool.setName("webwatch-http");
    return pool;
  }

  public WebwatchServer start(String bind, int port) {
    app.start(bind, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  /** Every registered HTTP route with its access level. */
  public List<Route> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint)
        .filter(e -> e.method.isHttpMethod())
        .map(e -> new Route(e.method.name(), e.path, Routes.accessOf(e).map(Access::name).orElse("NONE"))).toList();
  }

  /** The OpenAPI document served at /api/openapi.json. */
  public static String openApi() {
    try (InputStream in = WebwatchServer.class.getResourceAsStream("/openapi.json")) {
      if (in == null) throw new WebwatchException(WebwatchException.Kind.INTERNAL, "openapi.json missing from the build");
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot read openapi.json", e);
    }
  }

  @Override
  public void close() {
    jobs.close();
    app.stop();
  }
}
