package org.webwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.webwatch.identity.internal.Csv;
import org.webwatch.identity.network.GraphNetworkAnalyzer;
import org.webwatch.identity.network.NetworkRole;
import org.webwatch.model.Account;
import org.webwatch.model.AccountKey;
import org.webwatch.model.ForumThread;
import org.webwatch.model.IndicatorCode;
import org.webwatch.model.IndicatorSpan;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.TextKind;

/**
 * Runs the network analysis on a population written by {@code webwatch generate} (indicator
 * spans taken from the generator's truth) and compares the gatekeeper flag with the true
 * gatekeeper role. Usage: {@code … org.webwatch.bench.NetworkOnGenerated DIR}.
 */
public final class NetworkOnGenerated {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path cap = dir.resolve("capture");
    GraphNetworkAnalyzer g = new GraphNetworkAnalyzer();
    long t0 = System.nanoTime();
    lines(cap.resolve("accounts.jsonl"), n -> g.account(new Account(n.path("id").asText(), n.path("site").asText(),
        n.path("username").asText(null), null, n.path("role").asText(null), null, Map.of(), Map.of())));
    lines(cap.resolve("threads.jsonl"), n -> g.thread(new ForumThread(n.path("id").asText(), n.path("site").asText(),
        n.path("board").asText(null), n.path("title").asText(null), n.path("author").asText(null), null, Map.of())));
    lines(cap.resolve("posts.jsonl"), n -> {
      if (!n.hasNonNull("author")) return;
      List<String> quotes = new ArrayList<>();
      for (JsonNode q : n.path("quotes")) quotes.add(q.asText());
      g.post(new Post(n.path("id").asText(), n.path("site").asText(), n.path("thread").asText(null), n.path("author").asText(), null,
          null, n.hasNonNull("reply_to") ? n.get("reply_to").asText() : null, quotes, List.of(), Map.of()));
    });
    lines(cap.resolve("messages.jsonl"), n -> {
      if (!n.hasNonNull("author") || !n.has("recipients")) return;
      List<String> to = new ArrayList<>();
      for (JsonNode r : n.path("recipients")) to.add(r.asText());
      g.message(new Message(n.path("id").asText(), n.path("site").asText(), n.path("author").asText(), null, null, to, null, List.of(), Map.of()));
    });
    for (Csv.Row r : Csv.read(dir.resolve("truth/indicators.csv"), "site", "kind", "item", "account", "category", "start", "end", "text")) {
      g.span(new IndicatorSpan(r.get("site"), TextKind.fromCode(r.get("kind")), r.get("item"), r.get("account"),
          IndicatorCode.fromCode(r.get("category")), Integer.parseInt(r.get("start")), Integer.parseInt(r.get("end")), r.get("text"),
          "truth", "truth", "1", 1.0));
    }
    long t1 = System.nanoTime();
    Map<AccountKey, NetworkRole> roles = g.analyze();
    long t2 = System.nanoTime();
    Map<AccountKey, String> trueRole = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "role")) trueRole.put(new AccountKey(r.get("site"), r.get("account")), r.get("role"));
    long tp = 0, fp = 0, fn = 0;
    for (var e : roles.entrySet()) {
      boolean truth = "gatekeeper".equals(trueRole.get(e.getKey()));
      if (e.getValue().gatekeeper() && truth) tp++;
      else if (e.getValue().gatekeeper()) fp++;
      else if (truth) fn++;
    }
    System.out.printf("feed %.1f s, analyze %.1f s; %d accounts, %d edges, %d encouragements%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
        roles.size(), g.accountGraph().edges().size(), g.encouragements().size());
    System.out.printf("gatekeeper: precision %.3f recall %.3f (tp %d, fp %d, fn %d)%n", tp + fp == 0 ? 1.0 : (double) tp / (tp + fp),
        tp + fn == 0 ? 1.0 : (double) tp / (tp + fn), tp, fp, fn);
    Map<String, double[]> byRole = new HashMap<>();
    roles.forEach((k, v) -> {
      double[] s = byRole.computeIfAbsent(trueRole.getOrDefault(k, "?"), x -> new double[3]);
      s[0]++;
      s[1] += v.pagerank();
      s[2] += v.encouraged();
    });
    byRole.forEach((role, s) -> System.out.printf("  %-16s accounts %5.0f  mean pagerank x N %.2f  mean encouraged %.2f%n", role, s[0],
        s[1] / s[0] * roles.size(), s[2] / s[0]));
  }

  private static void lines(Path file, Consumer<JsonNode> f) throws IOException {
    if (!Files.exists(file)) return;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        try {
          if (!line.isBlank()) f.accept(JSON.readTree(line));
        } catch (IOException | RuntimeException e) {
          // planted broken lines are skipped
        }
      }
    }
  }
}
