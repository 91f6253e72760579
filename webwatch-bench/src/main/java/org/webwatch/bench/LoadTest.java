package org.webwatch.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.webwatch.casework.Role;
import org.webwatch.server.WebwatchServer;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.triage.TriageResultImporter;
import org.webwatch.store.users.UserRepository;

/**
 * Bounded loopback load test of the web application: seeds a store with N accounts (a triage
 * run plus capture posts), starts the server on 127.0.0.1, logs in C clients (one session each)
 * and has them fetch queue pages (random keyset depth, with and without filters) and person and
 * account dossiers for S seconds. Prints latency percentiles per page type and the error count.
 * Bounded: at most S seconds of load, C clients, one request in flight per client.
 *
 * <pre>java -cp webwatch-bench/target/benchmarks.jar org.webwatch.bench.LoadTest [accounts] [clients] [seconds]</pre>
 */
public final class LoadTest {
  public static final int DEFAULT_ACCOUNTS = 100_000;
  public static final int DEFAULT_CLIENTS = 50;
  public static final int DEFAULT_SECONDS = 60;
  public static final int POSTS_PER_ACCOUNT = 3;
  private static final String[] BANDS = {"critical", "high", "medium", "low"};
  private static final String[] CODES = {"entry-by-production", "access-claim", "opsec", "normalisation"};

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ACCOUNTS;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_CLIENTS;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_SECONDS;
    if (accounts < 10 || clients < 1 || seconds < 1 || seconds > 600) throw new IllegalArgumentException("bad arguments");
    Path dir = Files.createTempDirectory("webwatch-load");
    long t0 = System.nanoTime();
    WebwatchStore store = WebwatchStore.open(dir.resolve("data"));
    seed(store, dir.resolve("out"), accounts);
    UserRepository users = new UserRepository(store, UserRepository.TEST_ARGON2);
    users.add("bench", Role.INVESTIGATOR, "bench-password-1", 0);
    System.out.printf("seeded %d accounts in %.1f s%n", accounts, (System.nanoTime() - t0) / 1e9);
    try (WebwatchServer server = WebwatchServer.create(store, users, WebwatchServer.defaultOptions(store, false)).start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + server.port();
      List<HttpClient> sessions = new ArrayList<>();
      for (int i = 0; i < clients; i++) sessions.add(login(base));
      AtomicLong errors = new AtomicLong();
      java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      AtomicLong clientCpu = new AtomicLong();
      long cpu0 = processCpuNanos();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      List<Thread> threads = new ArrayList<>();
      Map<String, List<Long>> samples = new ConcurrentHashMap<>();
      for (int i = 0; i < clients; i++) {
        HttpClient http = sessions.get(i);
        SplittableRandom rnd = new SplittableRandom(i);
        Thread t = new Thread(() -> {
          Map<String, List<Long>> mine = new java.util.HashMap<>();
          while (System.nanoTime() < end) {
            int pick = rnd.nextInt(5);
            String kind;
            String path;
            switch (pick) {
              case 0 -> { kind = "queue"; path = "/queue?view=accounts&after=" + rnd.nextInt(accounts); }
              case 1 -> { kind = "queue"; path = "/queue?view=persons&band=" + BANDS[rnd.nextInt(4)] + "&after=" + rnd.nextInt(accounts / 2); }
              case 2 -> { kind = "queue"; path = "/queue?view=accounts&indicator=" + CODES[rnd.nextInt(4)]; }
              case 3 -> { kind = "account"; int a = rnd.nextInt(accounts); path = "/account/s" + (a % 3) + "/a" + a; }
              default -> { kind = "person"; path = "/person/P" + rnd.nextInt(accounts / 2); }
            }
            long s = System.nanoTime();
            try {
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 200) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, r.statusCode() + " " + path);
              }
            } catch (IOException | InterruptedException e) {
              errors.incrementAndGet();
              firstError.compareAndSet(null, e + " " + path);
            }
            mine.computeIfAbsent(kind, k -> new ArrayList<>()).add(System.nanoTime() - s);
          }
          clientCpu.addAndGet(mx.getCurrentThreadCpuTime());
          mine.forEach((k, v) -> samples.computeIfAbsent(k, x -> java.util.Collections.synchronizedList(new ArrayList<>())).addAll(v));
        });
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) t.join();
      long cpu = processCpuNanos() - cpu0;
      if (Boolean.getBoolean("loadtest.threads")) {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
          if (ti != null) byName.merge(ti.getThreadName().replaceAll("[0-9]+", "#"), mx.getThreadCpuTime(ti.getThreadId()) / 1_000_000, Long::sum);
        }
        System.out.println("thread CPU ms (alive threads, whole run): " + byName);
      }
      // the client side: the request threads above plus java.net.http's own selector threads
      long client = clientCpu.get();
      for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
        if (ti != null && ti.getThreadName().contains("HttpClient")) client += Math.max(0, mx.getThreadCpuTime(ti.getThreadId()));
      }
      System.out.printf("%n%d clients, %d s, %d accounts, errors: %d%s%n%n", clients, seconds, accounts, errors.get(),
          firstError.get() == null ? "" : " (first: " + firstError.get() + ")");
      System.out.println("| page | requests | req/s | p50 ms | p95 ms | p99 ms | max ms |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      List<Long> all = new ArrayList<>();
      for (String k : List.of("queue", "account", "person")) {
        List<Long> v = samples.getOrDefault(k, List.of());
        all.addAll(v);
        row(k, v, seconds);
      }
      row("all", all, seconds);
      System.out.printf("%nCPU during the load: process %.1f s = %.2f ms per request; of which client threads %.1f s, "
          + "server and JVM (Jetty, SQLite, GC, JIT) %.1f s = %.2f ms per request%n", cpu / 1e9, cpu / 1e6 / all.size(),
          client / 1e9, (cpu - client) / 1e9, (cpu - client) / 1e6 / all.size());
    }
  }

  /** CPU time of the whole process (all threads), as the OS counts it. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void row(String name, List<Long> v, int seconds) {
    long[] a = v.stream().mapToLong(Long::longValue).sorted().toArray();
    if (a.length == 0) return;
    System.out.printf("| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f |%n", name, a.length, a.length / (double) seconds, pct(a, 50), pct(a, 95),
        pct(a, 99), a[a.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }

  private static HttpClient login(String base) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(page);
    if (!m.find()) throw new IllegalStateException("no login form");
    String form = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&username=bench&password=bench-password-1&next=%2Fqueue";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 302) throw new IllegalStateException("login failed: " + r.statusCode());
    return http;
  }

  /** Synthetic triage run: account a{i} on site s{i%3}, person P{i/2}, bands by rank quartile. */
  static void seed(WebwatchStore store, Path out, int n) throws Exception {
    Files.createDirectories(out);
    try (Writer acc = Files.newBufferedWriter(out.resolve("accounts.csv")); Writer per = Files.newBufferedWriter(out.resolve("persons.csv"));
        Writer ids = Files.newBufferedWriter(out.resolve("identities.csv")); Writer ind = Files.newBufferedWriter(out.resolve("indicators.csv"));
        Writer med = Files.newBufferedWriter(out.resolve("media.csv"))) {
      acc.write("rank,site,account,username,person,score,band,reasons\n");
      per.write("rank,person,score,band,accounts,reasons\n");
      ids.write("person,site,account,confidence,evidence\n");
      ind.write("site,kind,item,account,category,start,end,text\n");
      med.write("site,post,account,attachment,status,source,category,distance\n");
      for (int i = 0; i < n; i++) {
        String band = BANDS[Math.min(3, i * 4 / n)];
        String code = CODES[i % 4];
        acc.write((i + 1) + ",s" + (i % 3) + ",a" + i + ",user" + i + ",P" + (i / 2) + "," + (n - i) + "," + band + "," + code + "=1\n");
        ids.write("P" + (i / 2) + ",s" + (i % 3) + ",a" + i + ",0.8,username\n");
        if (i % 10 == 0) ind.write("s" + (i % 3) + ",post,p" + i + "_0,a" + i + "," + code + ",0,8,Followers\n");
        if (i % 20 == 0) med.write("s" + (i % 3) + ",p" + i + "_0,a" + i + ",at" + i + ",new,,,\n");
      }
      for (int p = 0; p < n / 2; p++) {
        String band = BANDS[Math.min(3, p * 8 / n)];
        per.write((p + 1) + ",P" + p + "," + (n - 2 * p) + "," + band + ",s" + ((2 * p) % 3) + ":a" + (2 * p) + "|s" + ((2 * p + 1) % 3) + ":a" + (2 * p + 1)
            + "," + CODES[p % 4] + "=1\n");
      }
    }
    new TriageResultImporter(store).importRun(out);
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement a = c.prepareStatement("INSERT INTO account (site, id, username, capture) VALUES (?,?,?,'load')");
          PreparedStatement p = c.prepareStatement("INSERT INTO post (site, id, thread, author, created_at, text, reply_to, capture) VALUES (?,?,'t',?,?,?,?,'load')")) {
        for (int i = 0; i < n; i++) {
          a.setString(1, "s" + (i % 3));
          a.setString(2, "a" + i);
          a.setString(3, "user" + i);
          a.addBatch();
          for (int k = 0; k < POSTS_PER_ACCOUNT; k++) {
            p.setString(1, "s" + (i % 3));
            p.setString(2, "p" + i + "_" + k);
            p.setString(3, "a" + i);
            p.setLong(4, 1_700_000_000_000L + (long) i * 60_000L + k * 86_400_000L);
            p.setString(5, "Followers of this board share schedules and rules, message " + k);
            p.setString(6, i > 0 && k == 1 ? "p" + (i - 1) + "_0" : null);
            p.addBatch();
          }
          if (i % 5_000 == 0) {
            a.executeBatch();
            p.executeBatch();
          }
        }
        a.executeBatch();
        p.executeBatch();
      }
      c.commit();
    }
  }
}
