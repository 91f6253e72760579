package org.webwatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.casework.AuditEntry;
import org.webwatch.casework.Role;
import org.webwatch.generate.GenerateOptions;
import org.webwatch.generate.PopulationGenerator;
import org.webwatch.store.StoredCaptureSource;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.audit.AuditLog;
import org.webwatch.store.users.UserRepository;

/** The Jobs page and /api/jobs over a fresh store filled only through jobs (small generated captures). */
class JobRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long UPLOAD_LIMIT = 1L << 20;
  @TempDir static Path dir;
  static WebwatchStore store;
  static WebwatchServer server;
  static Path importDir;
  static Path uploadZip;
  static Client admin;

  @BeforeAll
  static void start() throws Exception {
    store = WebwatchStore.open(dir.resolve("data"));
    UserRepository users = new UserRepository(store, UserRepository.TEST_ARGON2);
    for (Role r : Role.values()) users.add(r.code(), r, Fixture.password(r.code()), Fixture.T0);
    PopulationGenerator gen = new PopulationGenerator(1);
    gen.generate(new GenerateOptions(30, 11L, 8.0, 2, GenerateOptions.OutputFormat.ZIP), dir.resolve("gen-a"));
    uploadZip = dir.resolve("gen-a").resolve("capture.zip");
    importDir = Files.createDirectories(dir.resolve("imports"));
    gen.generate(new GenerateOptions(25, 12L, 8.0, 2, GenerateOptions.OutputFormat.DIR), importDir.resolve("gen-b"));
    Files.createSymbolicLink(importDir.resolve("escape"), dir.resolve("gen-a"));
    JobOptions jobs = JobOptions.defaults(store.dataDir()).withImportDir(importDir).withMaxUploadBytes(UPLOAD_LIMIT);
    server = WebwatchServer.create(store, users, WebwatchServer.defaultOptions(store, false), jobs).start("127.0.0.1", 0);
    admin = as("admin");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Client as(String role) {
    return Client.loggedIn(server.port(), role);
  }

  /** A multipart POST; a {@code byte[]} value is sent as a file part named after the key's "filename" entry. */
  static HttpResponse<String> multipart(Client c, String path, Map<String, String> fields, String fileName, byte[] file) {
    String b = "----wwjob" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((k, v) -> body.writeBytes(("--" + b + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
        .getBytes(StandardCharsets.UTF_8)));
    if (file != null) {
      body.writeBytes(("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + b).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  static Map<String, String> csrf(Client c, String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("_csrf", c.csrf());
    for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  /** Polls the job until it has finished (generous deadline: the machine may be loaded). */
  static JsonNode await(long id) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (true) {
      JsonNode j = JSON.readTree(admin.get("/api/jobs/" + id).body());
      String state = j.path("state").asText();
      if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) return j;
      if (System.currentTimeMillis() > deadline) throw new AssertionError("job " + id + " did not finish: " + j);
      Thread.sleep(100);
    }
  }

  static long startedJob(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode jobs = JSON.readTree(r.body());
    assertThat(jobs).hasSize(1);
    return jobs.get(0).path("id").asLong();
  }

  @Test
  void onlyAdminsStartJobsAndEveryRoleSeesThem() throws Exception {
    Client anon = new Client(server.port());
    assertThat(anon.postJson("/api/jobs/triage", "{}", false).statusCode()).isEqualTo(401);
    assertThat(anon.get("/api/jobs").statusCode()).isEqualTo(401);
    assertThat(anon.get("/jobs").statusCode()).isEqualTo(302);
    byte[] zip = Files.readAllBytes(uploadZip);
    for (String role : List.of("viewer", "investigator")) {
      Client c = as(role);
      assertThat(c.postJson("/api/jobs/triage", "{}", true).statusCode()).as(role).isEqualTo(403);
      assertThat(c.post("/jobs/triage", Map.of(), true).statusCode()).as(role).isEqualTo(403);
      assertThat(multipart(c, "/jobs/capture-import", csrf(c), "capture.zip", zip).statusCode()).as(role).isEqualTo(403);
      assertThat(multipart(c, "/api/jobs/hashset-import", csrf(c, "name", "x"), "set.csv", "md5\n".getBytes(StandardCharsets.UTF_8))
          .statusCode()).as(role).isEqualTo(403);
      assertThat(c.postJson("/api/jobs/1/cancel", "{}", true).statusCode()).as(role).isEqualTo(403);
      assertThat(c.get("/api/jobs").statusCode()).as(role).isEqualTo(200);
      String page = c.get("/jobs").body();
      assertThat(page).contains("<h1>Jobs</h1>").doesNotContain("Start import").doesNotContain("Start triage run");
    }
    assertThat(admin.get("/jobs").body()).contains("Start import").contains("Start triage run").contains("Start hash-set import")
        .contains("<select name=\"linking\"")
        .contains("<option value=\"gen-b\">");
    // CSRF on every POST of a session
    assertThat(admin.postJson("/api/jobs/triage", "{}", false).statusCode()).isEqualTo(403);
    assertThat(multipart(admin, "/jobs/capture-import", Map.of("_csrf", "forged"), "capture.zip", zip).statusCode()).isEqualTo(403);
  }

  /**
   * A refused upload (role, then CSRF) is answered, not reset: the server reads the unread body of
   * a refused request before closing, so every client sees its 403 (the race once failed CI).
   */
  @Test
  void refusedUploadsAlwaysGetTheirAnswer() {
    byte[] body = new byte[768 << 10];
    Client viewer = as("viewer");
    for (int i = 0; i < 40; i++) {
      assertThat(multipart(viewer, "/jobs/capture-import", csrf(viewer), "capture.zip", body).statusCode()).as("try " + i).isEqualTo(403);
    }
  }

  @Test
  void adminImportsAnUploadedCaptureThenRunsTriageAndTheQueueShowsTheRun() throws Exception {
    HttpResponse<String> started = multipart(admin, "/jobs/capture-import", csrf(admin), "forum-a.zip", Files.readAllBytes(uploadZip));
    assertThat(started.statusCode()).isEqualTo(303);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/jobs/\\d+");
    JsonNode job = await(Long.parseLong(location.substring("/jobs/".length())));
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.path("kind").asText()).isEqualTo("capture-import");
    assertThat(job.path("started_by").asText()).isEqualTo("admin");
    assertThat(job.path("label").asText()).isEqualTo("upload forum-a.zip");
    JsonNode summary = job.path("summary");
    assertThat(summary.path("capture").asText()).isEqualTo("synthetic-11-30");
    long accepted = summary.path("accepted").asLong();
    assertThat(accepted).isPositive();
    // the generator plants broken records: they are located errors of the job, all counted
    assertThat(summary.path("rejected").asLong()).isPositive().isEqualTo(job.path("error_count").asLong());
    assertThat(job.path("errors")).isNotEmpty();
    job.path("errors").forEach(e -> assertThat(e.asText()).matches("[a-z]+\\.jsonl(\\.gz)?:\\d+: [^:]+: .+"));
    assertThat(new StoredCaptureSource(store, null).records()).isGreaterThanOrEqualTo(accepted);
    assertThat(store.dataDir().resolve("staging")).isEmptyDirectory();
    String page = admin.get(location).body();
    assertThat(page).contains("id=\"job-state\">succeeded").contains(job.path("errors").get(0).asText().split(":")[0]);
    assertThat(page).doesNotContain("hx-trigger"); // finished: the page stops polling

    long triage = startedJob(admin.postJson("/api/jobs/triage", "{}", true));
    JsonNode run = await(triage);
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("succeeded");
    long runId = run.path("summary").path("run").asLong();
    assertThat(run.path("summary").path("persons").asLong()).isPositive();
    assertThat(run.path("summary").path("linking").asText()).isEqualTo("strict"); // the default operating point
    HttpResponse<String> badPoint = admin.postJson("/api/jobs/triage?linking=loose", "{}", true);
    assertThat(badPoint.statusCode()).isEqualTo(400);
    assertThat(badPoint.body()).contains("linking: unknown linking operating point 'loose' (strict or balanced)");
    JsonNode runs = JSON.readTree(admin.get("/api/runs").body());
    assertThat(runs.findValuesAsText("id")).contains(String.valueOf(runId));
    Client viewer = as("viewer");
    JsonNode queue = JSON.readTree(viewer.get("/api/queue/persons?limit=5").body());
    assertThat(queue.path("run").asLong()).isEqualTo(runId);
    assertThat(queue.path("items")).isNotEmpty();
    assertThat(Files.isRegularFile(Path.of(run.path("summary").path("output").asText()).resolve("accounts.csv"))).isTrue();

    List<AuditEntry> audit = new AuditLog(store).page(Long.MAX_VALUE, 1000, null);
    assertThat(audit).extracting(AuditEntry::action).contains("job.submit", "job.start", "job.end", "import.capture", "import.triage");
    assertThat(audit).filteredOn(e -> e.action().equals("job.end") && e.target().equals("job:" + triage))
        .singleElement().satisfies(e -> assertThat(e.detail()).contains("succeeded").contains("\"run\":" + runId));
    assertThat(new AuditLog(store).verify().intact()).isTrue();
  }

  @Test
  void serverSidePathsStayInsideTheImportDirectory() throws Exception {
    for (String bad : List.of("../data/webwatch.db", "/etc/passwd", "gen-b/../../data", "escape/capture.zip", "..")) {
      HttpResponse<String> r = admin.postJson("/api/jobs/capture-import", JSON.writeValueAsString(Map.of("path", bad)), true);
      assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(403);
    }
    assertThat(admin.postJson("/api/jobs/capture-import", "{\"path\":\"missing.zip\"}", true).statusCode()).isEqualTo(404);
    assertThat(admin.postJson("/api/jobs/capture-import", "{}", true).statusCode()).isEqualTo(400);
    long id = startedJob(admin.postJson("/api/jobs/capture-import", "{\"path\":\"gen-b/capture\"}", true));
    JsonNode job = await(id);
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.path("summary").path("capture").asText()).isEqualTo("synthetic-12-25");
    assertThat(job.path("label").asText()).isEqualTo("import directory: gen-b/capture");
    assertThat(Files.isDirectory(importDir.resolve("gen-b/capture"))).as("a server-side capture is left in place").isTrue();
    // the same capture again changes nothing
    JsonNode again = await(startedJob(admin.postJson("/api/jobs/capture-import", "{\"path\":\"gen-b/capture\"}", true)));
    assertThat(again.path("summary").path("outcome").asText()).startsWith("already imported");
  }

  @Test
  void uploadsMustBeCapturesWithinTheLimit() throws Exception {
    HttpResponse<String> jsonl = multipart(admin, "/api/jobs/capture-import", csrf(admin), "posts.jsonl", "{}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(jsonl.statusCode()).isEqualTo(400);
    assertThat(jsonl.body()).contains("no manifest");
    // a file that is no capture: the job fails, names the uploaded file, stores nothing and leaves no staged copy
    JsonNode refused = await(startedJob(multipart(admin, "/api/jobs/capture-import", csrf(admin), "broken.zip",
        "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.UTF_8))));
    assertThat(refused.path("state").asText()).isEqualTo("failed");
    assertThat(refused.path("failure").asText()).contains("broken.zip").doesNotContain("capture-");
    HttpResponse<String> big = multipart(admin, "/api/jobs/capture-import", csrf(admin), "big.zip", new byte[(int) UPLOAD_LIMIT + 1024]);
    assertThat(big.statusCode()).isEqualTo(413);
    // far above the limit: a client that asks first (Expect: 100-continue, as curl does for large
    // uploads) is refused before it sends a byte of the body (a raw socket: Java 17's HttpClient
    // waits forever on a final answer to Expect)
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("POST /api/jobs/capture-import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (64L << 20) + "\r\nExpect: 100-continue\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
    }
    assertThat(store.dataDir().resolve("staging")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void hashSetImportJobBehavesLikeTheHashSetsPage() throws Exception {
    String md5 = "0123456789abcdef0123456789abcdef";
    HttpResponse<String> r = multipart(admin, "/api/jobs/hashset-import", csrf(admin, "name", "jobset", "source", "test agency"), "set.csv",
        ("md5,category\n" + md5 + ",1\nnot-a-hash,1\n").getBytes(StandardCharsets.UTF_8));
    JsonNode job = await(startedJob(r));
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.path("summary").path("entries").asLong()).isEqualTo(1);
    assertThat(job.path("summary").path("rejected").asLong()).isEqualTo(1);
    // the reader's located messages about line 3 (the dropped field and the rejected row), named by the uploaded file
    assertThat(job.path("errors")).isNotEmpty().allSatisfy(e -> assertThat(e.asText()).startsWith("set.csv:3:").doesNotContain("staging"));
    assertThat(job.path("errors").toString()).contains("no valid hash");
    assertThat(job.path("error_count").asLong()).isEqualTo(job.path("errors").size());
    assertThat(admin.get("/api/hashsets").body()).contains("jobset").contains("test agency");
    assertThat(new AuditLog(store).page(Long.MAX_VALUE, 1000, "hashset.import")).extracting(AuditEntry::target).contains("hashset:jobset");
    // a finished job cannot be cancelled; an unknown one is not found
    assertThat(admin.postJson("/api/jobs/" + job.path("id").asLong() + "/cancel", "{}", true).statusCode()).isEqualTo(409);
    assertThat(admin.postJson("/api/jobs/9999/cancel", "{}", true).statusCode()).isEqualTo(404);
    assertThat(admin.get("/jobs/9999").statusCode()).isEqualTo(404);
  }

  @Test
  void theOpenApiDocumentDescribesTheJobEndpoints() throws Exception {
    JsonNode paths = JSON.readTree(admin.get("/api/openapi.json").body()).path("paths");
    assertThat(paths.path("/api/jobs").has("get")).isTrue();
    assertThat(paths.path("/api/jobs/{id}").has("get")).isTrue();
    for (String p : List.of("/api/jobs/capture-import", "/api/jobs/hashset-import", "/api/jobs/triage", "/api/jobs/{id}/cancel")) {
      assertThat(paths.path(p).has("post")).as(p).isTrue();
      assertThat(paths.path(p).path("post").path("description").asText()).as(p).contains("admin");
    }
  }
}
