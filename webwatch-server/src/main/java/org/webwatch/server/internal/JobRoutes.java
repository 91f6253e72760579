package org.webwatch.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.webwatch.WebwatchException;
import org.webwatch.identity.OperatingPoint;
import org.webwatch.casework.Permission;
import org.webwatch.server.JobOptions;
import org.webwatch.server.internal.jobs.Job;
import org.webwatch.server.internal.jobs.JobKind;
import org.webwatch.server.internal.jobs.JobRunner;

/**
 * The Jobs page and {@code /api/jobs}: an admin starts a capture import (upload and/or a path in
 * the import directory), a hash-set import or a triage run over the store; every signed-in user
 * sees the jobs and their progress. Pages refresh by htmx polling ({@code hx-select} of the same
 * page, no inline script) while a job is active; a plain Refresh link works without JavaScript.
 */
public final class JobRoutes {
  /** Capture containers an upload may be (a lone JSON Lines file has no capture.json, so it is no capture). */
  static final List<String> CAPTURE_SUFFIXES = List.of(".zip", ".tar.gz", ".tgz");
  /** Room for the form fields around an upload of the maximum size. */
  static final long FORM_OVERHEAD = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Services s;
  private final JobRunner runner;
  private final JobOptions options;

  JobRoutes(Services s, JobRunner runner, JobOptions options) {
    this.s = s;
    this.runner = runner;
    this.options = options;
    if (options.importDir() != null) {
      try {
        Files.createDirectories(options.importDir());
      } catch (IOException e) {
        // the page then offers nothing to import by path and a path import is answered 404
      }
    }
  }

  /** The Jobs page. {@code importable}: entries of the import directory offered for a server-side import. */
  public record JobsView(List<Job> jobs, boolean canRun, String importDir, List<String> importable, long maxUploadMiB) {
    public boolean polling() {
      return jobs.stream().anyMatch(Job::active);
    }
  }

  public record JobView(Job job, boolean canRun) {}

  void register(RoutesConfig r) {
    // before the access check, which may read the multipart body for its CSRF field: refuse a too large upload unread
    r.before("/jobs/*", this::refuseTooLargeUpload);
    r.before("/api/jobs/*", this::refuseTooLargeUpload);
    r.get("/jobs", this::page, Access.READ);
    r.get("/jobs/{id}", ctx -> s.templates().render(ctx, "job.jte", "Job " + id(ctx), "jobs", new JobView(job(ctx), canRun(ctx))),
        Access.READ);
    r.get("/api/jobs", ctx -> ctx.json(runner.list().stream().map(JobRoutes::json).toList()), Access.READ);
    r.get("/api/jobs/{id}", ctx -> ctx.json(json(job(ctx))), Access.READ);
    for (String base : List.of("/jobs", "/api/jobs")) {
      r.post(base + "/capture-import", ctx -> started(ctx, captureImport(ctx)), Access.RUN_JOBS);
      r.post(base + "/hashset-import", ctx -> started(ctx, List.of(hashSetImport(ctx))), Access.RUN_JOBS);
      r.post(base + "/triage", ctx -> started(ctx, List.of(triage(ctx))), Access.RUN_JOBS);
      r.post(base + "/{id}/cancel", this::cancel, Access.RUN_JOBS);
    }
  }

  private void page(Context ctx) {
    s.templates().render(ctx, "jobs.jte", "Jobs", "jobs",
        new JobsView(runner.list(), canRun(ctx), options.importDir() == null ? null : options.importDir().toString(), importable(),
            options.maxUploadBytes() >> 20));
  }

  private static boolean canRun(Context ctx) {
    return Security.principal(ctx).may(Permission.RUN_JOBS);
  }

  private static String actor(Context ctx) {
    return Security.principal(ctx).user().name();
  }

  /** Browser: back to the page of the job (or the list when several started); API: 202 with the jobs. */
  private void started(Context ctx, List<Job> jobs) {
    if (Security.isApi(ctx)) {
      if (jobs.size() == 1) ctx.header("Location", "/api/jobs/" + jobs.get(0).id());
      ctx.status(202).json(jobs.stream().map(JobRoutes::json).toList());
    } else {
      ctx.redirect(jobs.size() == 1 ? "/jobs/" + jobs.get(0).id() : "/jobs", HttpStatus.SEE_OTHER);
    }
  }

  private void cancel(Context ctx) {
    Job j = runner.cancel(id(ctx), actor(ctx)).orElseThrow(() -> notFound(ctx));
    if (Security.isApi(ctx)) ctx.json(json(j));
    else ctx.redirect("/jobs/" + j.id(), HttpStatus.SEE_OTHER);
  }

  /** Upload ({@code file}) and/or server-side {@code path}: one job each. JSON bodies give {@code path} only. */
  private List<Job> captureImport(Context ctx) {
    String path;
    boolean reimport;
    UploadedFile file = null;
    if (ctx.isMultipartFormData()) {
      refuseTooLarge(ctx);
      file = ctx.uploadedFile("file");
      if (file != null && file.size() == 0 && (file.filename() == null || file.filename().isEmpty())) file = null; // the form's empty file field
      path = ctx.formParam("path");
      reimport = truthy(ctx.formParam("reimport"));
    } else if (String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded")) {
      path = ctx.formParam("path");
      reimport = truthy(ctx.formParam("reimport"));
    } else {
      JsonNode body = body(ctx);
      path = body.path("path").asText("");
      reimport = body.path("reimport").asBoolean(false);
    }
    boolean hasPath = path != null && !path.isBlank();
    if (file == null && !hasPath) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "give a capture file (field 'file') or a path in the import directory (field 'path')");
    }
    Path resolved = hasPath ? ImportPaths.resolve(options.importDir(), path.strip()) : null;
    List<Job> jobs = new ArrayList<>();
    if (file != null) {
      Path staged = stageCapture(file);
      jobs.add(runner.submit(JobKind.CAPTURE_IMPORT, actor(ctx), "upload " + file.filename(),
          new CaptureImportWork(s, staged, file.filename(), "upload " + file.filename(), actor(ctx), true, reimport)));
    }
    if (resolved != null) {
      String label = "import directory: " + path.strip();
      jobs.add(runner.submit(JobKind.CAPTURE_IMPORT, actor(ctx), label, new CaptureImportWork(s, resolved, path.strip(), label, actor(ctx), false, reimport)));
    }
    return jobs;
  }

  private Job hashSetImport(Context ctx) {
    refuseTooLarge(ctx);
    HashSetUpload upload = HashSetUpload.stage(ctx, s.store().dataDir());
    String label = "hash set " + upload.options().name() + " from " + upload.filename();
    return runner.submit(JobKind.HASHSET_IMPORT, actor(ctx), label, new HashSetImportWork(s, upload, actor(ctx)));
  }

  private Job triage(Context ctx) {
    OperatingPoint point = linking(ctx);
    String label = "all capture records in the store" + (point == OperatingPoint.STRICT ? "" : ", linking " + point.code());
    return runner.submit(JobKind.TRIAGE, actor(ctx), label, new TriageWork(s, actor(ctx), options.triageThreads(), point));
  }

  /** The linking operating point of a triage job: form field or query parameter {@code linking}, default strict. */
  private static OperatingPoint linking(Context ctx) {
    String v = ctx.formParam("linking");
    if (v == null || v.isBlank()) v = ctx.queryParam("linking");
    if (v == null || v.isBlank()) return OperatingPoint.STRICT;
    try {
      return OperatingPoint.parse(v.strip());
    } catch (IllegalArgumentException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "linking: " + e.getMessage());
    }
  }

  private void refuseTooLargeUpload(Context ctx) {
    if (ctx.method() == io.javalin.http.HandlerType.POST && ctx.contentLength() > options.maxUploadBytes() + FORM_OVERHEAD) throw tooLarge();
  }

  /** Refuses an upload larger than the limit before its parts are read (when the client says its length). */
  private void refuseTooLarge(Context ctx) {
    long length = ctx.contentLength();
    if (length > options.maxUploadBytes()) throw tooLarge();
  }

  private HttpResponseException tooLarge() {
    return new HttpResponseException(413, "upload larger than the limit of " + (options.maxUploadBytes() >> 20) + " MiB");
  }

  /** Copies the upload to {@code staging/}, keeping its container suffix, at most the upload limit. */
  private Path stageCapture(UploadedFile f) {
    String name = f.filename() == null ? "" : f.filename().toLowerCase(Locale.ROOT);
    String suffix = CAPTURE_SUFFIXES.stream().filter(name::endsWith).findFirst().orElseThrow(() -> new WebwatchException(
        WebwatchException.Kind.INVALID_INPUT, "a capture upload must be a .zip or .tar.gz holding capture.json and the .jsonl(.gz) files"
            + " (a lone .jsonl file is not a capture: it has no manifest); put a capture directory in the import directory instead"));
    if (f.size() > options.maxUploadBytes()) throw tooLarge();
    Path tmp = null;
    try {
      Path staging = Files.createDirectories(s.store().dataDir().resolve(HashSetRoutes.STAGING_DIR));
      tmp = Files.createTempFile(staging, "capture-", suffix);
      long copied = 0;
      try (InputStream in = f.content(); OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          copied += n;
          if (copied > options.maxUploadBytes()) throw tooLarge();
          out.write(buf, 0, n);
        }
      }
      return tmp;
    } catch (IOException | RuntimeException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing was imported from it
        }
      }
      if (e instanceof IOException io) throw new UncheckedIOException("cannot stage the upload: " + io.getMessage(), io);
      throw (RuntimeException) e;
    }
  }

  /** Top-level entries of the import directory that can be captures (directories, .zip, .tar.gz), sorted. */
  private List<String> importable() {
    Path dir = options.importDir();
    if (dir == null || !Files.isDirectory(dir)) return List.of();
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> Files.isDirectory(p) || CAPTURE_SUFFIXES.stream().anyMatch(x -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(x)))
          .map(p -> p.getFileName().toString()).sorted().limit(500).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private Job job(Context ctx) {
    return runner.find(id(ctx)).orElseThrow(() -> notFound(ctx));
  }

  private static WebwatchException notFound(Context ctx) {
    return new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no job " + ctx.pathParam("id") + " (jobs are kept in memory until the server restarts)");
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no job " + ctx.pathParam("id"));
    }
  }

  private static JsonNode body(Context ctx) {
    String b = ctx.body();
    if (b.isBlank()) return JSON.createObjectNode();
    try {
      return JSON.readTree(b);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "body must be JSON, e.g. {\"path\": \"capture.zip\"}");
    }
  }

  private static boolean truthy(String v) {
    return "on".equals(v) || "true".equals(v);
  }

  /** The API form of a job. */
  static Map<String, Object> json(Job j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("kind", j.kind().code());
    m.put("state", j.state().code());
    m.put("started_by", j.startedBy());
    m.put("label", j.label());
    m.put("submitted_at", j.submittedAt().toString());
    m.put("started_at", j.startedAt() == null ? null : j.startedAt().toString());
    m.put("finished_at", j.finishedAt() == null ? null : j.finishedAt().toString());
    m.put("phase", j.phase());
    m.put("done", j.done());
    m.put("total", j.total());
    m.put("unit", j.unit());
    m.put("percent", j.percent());
    m.put("summary", j.summary());
    m.put("errors", j.errors());
    m.put("error_count", j.errorCount());
    m.put("failure", j.failure());
    m.put("cancel_requested", j.cancelRequested());
    return m;
  }
}
