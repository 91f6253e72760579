package org.webwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.IdentityResult;
import org.webwatch.identity.LinkingEvaluation;
import org.webwatch.identity.internal.Csv;
import org.webwatch.model.Account;
import org.webwatch.model.AccountKey;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IdentifierType;
import org.webwatch.model.MediaResult;
import org.webwatch.model.MediaStatus;
import org.webwatch.model.TextItem;
import org.webwatch.model.TextKind;

/**
 * Measures linking on a population written by {@code webwatch generate}: reads the capture's
 * accounts, posts and messages (plain JSON lines, no ingest stage needed), takes identifiers
 * and media statuses from the generator's truth files (standing in for the signals and media
 * stages), links, and prints {@link LinkingEvaluation}. Usage:
 * {@code java -cp webwatch-bench/target/benchmarks.jar org.webwatch.bench.LinkingOnGenerated DIR [--rules | --model FILE]
 * [--no-mutual-best | --mutual-best FLOOR GAP UNSEEN] [--boosted MODEL.json [--threshold LOGODDS]] [--linking strict|balanced] [--diag] [links.csv]}.
 */
public final class LinkingOnGenerated {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    long t0 = System.nanoTime();
    boolean styleOnly = java.util.Arrays.asList(args).contains("--style-only");
    EvidenceAccountLinker linker = feed(dir, styleOnly);
    String out = null;
    boolean diag = false;
    for (int k = 1; k < args.length; k++) {
      switch (args[k]) {
        case "--diag" -> diag = true;
        case "--style-only" -> { }
        case "--rules" -> linker.combiner(null);
        case "--linking" -> linker.operatingPoint(org.webwatch.identity.OperatingPoint.parse(args[++k]));
        case "--no-mutual-best" -> linker.mutualBest(null);
        case "--mutual-best" -> linker.mutualBest(new org.webwatch.identity.internal.MutualBestMatcher(Double.parseDouble(args[++k]),
            Double.parseDouble(args[++k]), Double.parseDouble(args[++k])));
        case "--boosted" -> {
          try (var in = Files.newInputStream(Path.of(args[++k]))) {
            org.webwatch.identity.internal.BoostedTrees m = org.webwatch.identity.internal.BoostedTrees.fromJson(in, args[k]);
            // --boosted MODEL.json --threshold LOGODDS: the same trees at another threshold (tuning the --save threshold on fold models)
            if (k + 2 < args.length && args[k + 1].equals("--threshold")) {
              m = m.withThreshold(Double.parseDouble(args[k + 2]));
              k += 2;
            }
            linker.boostedWeak(m);
          }
        }
        case "--model" -> {
          try (var in = Files.newInputStream(Path.of(args[++k]))) {
            linker.combiner(org.webwatch.identity.internal.LogisticCombiner.fromJson(in, args[k]));
          }
        }
        default -> out = args[k];
      }
    }
    long t1 = System.nanoTime();
    if (diag) {
      diagnose(linker, dir);
      return;
    }
    IdentityResult result = linker.link();
    long t2 = System.nanoTime();
    LinkingEvaluation.Report rep = LinkingEvaluation.evaluate(result, dir.resolve("truth"));
    System.out.printf("feed %.1f s, link %.1f s; %s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, linker.lastStats());
    System.out.printf("pairwise precision %.4f recall %.4f (predicted %d, true %d, correct %d)%n", rep.precision(), rep.recall(),
        rep.predictedPairs(), rep.truePairs(), rep.correctPairs());
    rep.byEvidence().forEach(b -> System.out.printf("  recall %-15s %.3f (%d/%d)%n", b.evidence(), b.recall(), b.found(), b.truePairs()));
    System.out.printf("  recall %-15s %.3f (%d/%d)%n", rep.hardCases().evidence(), rep.hardCases().recall(), rep.hardCases().found(), rep.hardCases().truePairs());
    strata(linker, result, dir);
    byRole(result, dir);
    mutualBestPrecision(result, dir, org.webwatch.identity.internal.MutualBestMatcher.METHOD);
    mutualBestPrecision(result, dir, org.webwatch.identity.internal.BoostedTrees.METHOD);
    suggestions(result, dir);
    System.out.printf("false links %d, of which on decoy values %d%n", rep.falseLinks(), rep.decoyFalseLinks());
    List<String> sample = rep.falseLinkSample();
    sample.stream().limit(30).forEach(s -> System.out.println("  FALSE " + s));
    if (out != null) {
      try (var w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
        org.webwatch.identity.IdentityCsvWriter.writeLinks(result, w);
      }
    }
  }

  /** The suggested links against the truth: their precision, and account pairs had an analyst confirmed the correct ones. */
  private static void suggestions(IdentityResult result, Path dir) {
    Map<String, String> truth = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) truth.put(r.get("site") + ":" + r.get("account"), r.get("person"));
    Map<String, String> predicted = new HashMap<>();
    result.assignments().forEach(a -> predicted.put(a.account().toString(), a.person()));
    List<String[]> pairs = result.suggestions().stream().map(l -> new String[] {l.a().toString(), l.b().toString()}).toList();
    var s = org.webwatch.triage.Evaluation.reviewSuggestions(predicted, truth, pairs);
    System.out.printf("suggestions %d, correct %d (precision %.3f, %.3f of the true pairs missed); correct ones confirmed: precision %.4f recall %.4f; "
        + "all merged: precision %.4f recall %.4f%n", s.suggested().predicted(), s.suggested().truePositives(), s.suggested().precision(),
        s.suggested().recall(), s.afterReview().precision(), s.afterReview().recall(), s.ifAllMerged().precision(), s.ifAllMerged().recall());
    // the precision–recall curve below the threshold: merging only the suggestions whose model log-odds reach a floor
    StringBuilder curve = new StringBuilder("suggestions merged from log-odds:");
    for (double floor = 0; floor <= 3.01; floor += 0.5) {
      final double f = floor;
      List<String[]> above = result.suggestions().stream().filter(l -> Math.log(l.confidence() / (1 - l.confidence())) >= f)
          .map(l -> new String[] {l.a().toString(), l.b().toString()}).toList();
      var m = org.webwatch.triage.Evaluation.reviewSuggestions(predicted, truth, above).ifAllMerged();
      curve.append(String.format(java.util.Locale.ROOT, " %.1f:%d=%.4f/%.4f", f, above.size(), m.precision(), m.recall()));
    }
    System.out.println(curve);
  }

  /**
   * Recall of the true pairs by the role of their person (truth/accounts.csv), and over the motivated roles together: the
   * persons an investigator looks for first are not the lurkers most missed pairs belong to.
   */
  private static void byRole(IdentityResult result, Path dir) {
    Map<AccountKey, String[]> truth = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "role", "motivated")) {
      truth.put(new AccountKey(r.get("site"), r.get("account")), new String[] {r.get("role"), r.get("motivated")});
    }
    Map<AccountKey, String> predicted = new HashMap<>();
    result.assignments().forEach(a -> predicted.put(a.account(), a.person()));
    Map<String, long[]> count = new java.util.TreeMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b")) {
      AccountKey a = new AccountKey(r.get("site_a"), r.get("account_a"));
      AccountKey b = new AccountKey(r.get("site_b"), r.get("account_b"));
      String[] t = truth.get(a);
      if (t == null) continue;
      boolean hit = predicted.get(a) != null && predicted.get(a).equals(predicted.get(b));
      for (String key : new String[] {"role " + t[0], Boolean.parseBoolean(t[1]) ? "motivated roles" : "other roles"}) {
        long[] c = count.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        if (hit) c[1]++;
      }
    }
    count.forEach((k, c) -> System.out.printf(java.util.Locale.ROOT, "  recall %-22s %.3f (%d/%d)%n", k, (double) c[1] / c[0], c[1], c[0]));
  }

  /** How many links the mutual-best stage made and how many of them join two accounts of one true person. */
  private static void mutualBestPrecision(IdentityResult result, Path dir, String method) {
    Map<AccountKey, String> person = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) person.put(new AccountKey(r.get("site"), r.get("account")), r.get("person"));
    long links = 0;
    long correct = 0;
    for (var l : result.links()) {
      if (!l.method().equals(method)) continue;
      links++;
      if (person.get(l.a()) != null && person.get(l.a()).equals(person.get(l.b()))) correct++;
      else System.out.println("  FALSE " + method + " " + l.a() + " ~ " + l.b() + " " + l.evidence().get(l.evidence().size() - 1).value());
    }
    System.out.printf("%s links %d, correct %d, precision %.3f%n", method, links, correct, links == 0 ? 1.0 : (double) correct / links);
  }

  /**
   * Recall over true pairs whose two accounts both have at least 5 / 10 / 25 texts (stylometry needs text; the field notes
   * put unsupervised linking at ≳ 25 posts per user), for all true pairs and for the hard ones (style and/or timing only).
   */
  private static void strata(EvidenceAccountLinker linker, IdentityResult result, Path dir) {
    org.webwatch.identity.internal.FeatureTable t = linker.features();
    Map<AccountKey, Integer> texts = new HashMap<>();
    for (int i = 0; i < t.size(); i++) texts.put(t.key(i), t.texts(i));
    Map<AccountKey, String> predicted = new HashMap<>();
    result.assignments().forEach(a -> predicted.put(a.account(), a.person()));
    int[] minTexts = {0, 5, 10, 25};
    int n = minTexts.length;
    long[] total = new long[2 * n];
    long[] found = new long[2 * n];
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      boolean hard = java.util.Arrays.stream(r.get("evidence").split("[;|]")).allMatch(e -> e.isEmpty() || e.equals("style") || e.equals("timing"));
      AccountKey a = new AccountKey(r.get("site_a"), r.get("account_a"));
      AccountKey b = new AccountKey(r.get("site_b"), r.get("account_b"));
      int m = Math.min(texts.getOrDefault(a, 0), texts.getOrDefault(b, 0));
      boolean hit = predicted.get(a) != null && predicted.get(a).equals(predicted.get(b));
      if (!hit && System.getProperty("missed") != null && r.get("evidence").matches(".*(" + System.getProperty("missed") + ").*")) {
        System.out.printf("  MISSED %s ~ %s texts %d/%d evidence %s%n", a, b, texts.getOrDefault(a, 0), texts.getOrDefault(b, 0), r.get("evidence"));
      }
      for (int k = 0; k < n; k++) {
        if (m < minTexts[k]) continue;
        for (int j : hard ? new int[] {k, n + k} : new int[] {k}) {
          total[j]++;
          if (hit) found[j]++;
        }
      }
    }
    for (int j = 0; j < 2 * n; j++) {
      System.out.printf("  recall %s both>=%-2d texts %.3f (%d/%d)%n", j < n ? "all " : "hard", minTexts[j % n],
          total[j] == 0 ? 0 : (double) found[j] / total[j], found[j], total[j]);
    }
  }

  /** Feeds accounts, texts, identifiers and NEW media statuses of a generated population (truth stands in for signals/media). */
  public static EvidenceAccountLinker feed(Path dir) throws IOException {
    return feed(dir, false);
  }

  /**
   * As {@link #feed(Path)}; with {@code styleOnly} an ablation that leaves the linker only writing style and timing: no
   * identifiers, no media, each username replaced by an opaque name (also inside its own texts and signature), and every
   * identifier value the truth lists masked out of the texts — the setting of published stylometric linking.
   */
  public static EvidenceAccountLinker feed(Path dir, boolean styleOnly) throws IOException {
    Path cap = dir.resolve("capture");
    EvidenceAccountLinker linker = new EvidenceAccountLinker();
    Map<String, String> attachmentKey = new HashMap<>();
    Map<String, List<String>> masks = new HashMap<>();
    Map<String, String[]> names = new HashMap<>(); // site/account -> {username, opaque name}
    if (styleOnly) {
      for (Csv.Row r : Csv.read(dir.resolve("truth/identifiers.csv"), "site", "kind", "item", "value")) {
        masks.computeIfAbsent(r.get("site") + "/" + r.get("kind") + "/" + r.get("item"), k -> new java.util.ArrayList<>()).add(r.get("value"));
      }
    }
    java.util.function.BiFunction<String, String, String> clean = (key, text) -> {
      if (!styleOnly || text == null) return text;
      String t = text;
      for (String v : masks.getOrDefault(key, List.of())) if (!v.isEmpty()) t = t.replace(v, "[id]");
      return t;
    };
    lines(cap.resolve("accounts.jsonl"), n -> {
      String site = n.path("site").asText();
      String id = n.path("id").asText();
      String username = n.path("username").asText(null);
      String signature = clean.apply(site + "/signature/" + id, n.path("signature").asText(null));
      if (styleOnly && username != null) {
        String anon = String.format("member%08x", (site + "/" + id).hashCode());
        names.put(site + "/" + id, new String[] {username, anon});
        if (signature != null) signature = signature.replace(username, anon);
        username = anon;
      }
      linker.account(new Account(id, site, username, null, n.path("role").asText(null), signature, Map.of(), Map.of()));
    });
    java.util.function.Function<JsonNode, String> text = n -> {
      String site = n.path("site").asText();
      String kind = n.has("recipients") ? "message" : "post";
      String t = clean.apply(site + "/" + kind + "/" + n.path("id").asText(), n.path("text").asText());
      String[] name = names.get(site + "/" + n.path("author").asText());
      return name == null ? t : t.replace(name[0], name[1]);
    };
    lines(cap.resolve("posts.jsonl"), n -> {
      if (!n.hasNonNull("author") || !n.hasNonNull("text")) return;
      String site = n.path("site").asText();
      Instant t = time(n);
      String author = n.path("author").asText();
      linker.text(new TextItem(site, TextKind.POST, n.path("id").asText(), author, null, t, text.apply(n)));
      if (styleOnly) return;
      for (JsonNode a : n.path("attachments")) {
        String key = a.hasNonNull("sha256") ? "sha256:" + a.get("sha256").asText() : a.hasNonNull("md5") ? "md5:" + a.get("md5").asText() : null;
        if (key != null) attachmentKey.put(site + "/" + n.path("id").asText() + "/" + a.path("id").asText(), key);
      }
    });
    lines(cap.resolve("messages.jsonl"), n -> {
      if (!n.hasNonNull("author") || !n.hasNonNull("text")) return;
      linker.text(new TextItem(n.path("site").asText(), TextKind.MESSAGE, n.path("id").asText(), n.path("author").asText(), null,
          time(n), text.apply(n)));
    });
    if (styleOnly) return linker;
    for (Csv.Row r : Csv.read(dir.resolve("truth/identifiers.csv"), "site", "kind", "item", "account", "type", "value", "valid")) {
      IdentifierType type;
      String value = r.get("value");
      String note = r.fields().getOrDefault("note", "");
      if (r.get("type").equals("pgp-key")) {
        // an armoured key block: the signals stage reads its fingerprint (PgpKeyBlockReader); the truth notes it
        int f = note.indexOf("fingerprint ");
        if (f < 0) continue;
        type = IdentifierType.PGP_FINGERPRINT;
        value = note.substring(f + "fingerprint ".length()).trim().split("\\s+")[0];
      } else {
        try {
          type = IdentifierType.fromCode(r.get("type"));
        } catch (IllegalArgumentException e) {
          continue;
        }
      }
      String start = r.fields().getOrDefault("start", "0");
      String end = r.fields().getOrDefault("end", "0");
      linker.identifier(new IdentifierOccurrence(r.get("site"), TextKind.fromCode(r.get("kind")), r.get("item"), r.get("account"), type,
          value, Boolean.parseBoolean(r.get("valid")), Integer.parseInt(start.isEmpty() ? "0" : start),
          Integer.parseInt(end.isEmpty() ? "0" : end)));
    }
    for (Csv.Row r : Csv.read(dir.resolve("truth/media.csv"), "site", "post", "account", "attachment", "status")) {
      if (!r.get("status").equals("new")) continue;
      String key = attachmentKey.get(r.get("site") + "/" + r.get("post") + "/" + r.get("attachment"));
      linker.media(new MediaResult(r.get("site"), r.get("post"), r.get("account"), r.get("attachment"), MediaStatus.NEW, null, null,
          null, null, "sha256", key));
    }
    return linker;
  }

  /** Prints quantiles of raw similarities for true pairs and random pairs (calibration). */
  private static void diagnose(EvidenceAccountLinker linker, Path dir) {
    org.webwatch.identity.internal.FeatureTable t = linker.features();
    Map<AccountKey, Integer> idx = new HashMap<>();
    for (int i = 0; i < t.size(); i++) idx.put(t.key(i), i);
    var scorer = new org.webwatch.identity.internal.PairScorer(t, new int[t.size()]);
    java.util.List<double[]> pos = new java.util.ArrayList<>();
    java.util.List<double[]> posF = new java.util.ArrayList<>();
    java.util.List<double[]> negF = new java.util.ArrayList<>();
    Map<String, Integer> stems = new HashMap<>();
    int[] freq = new int[t.size()];
    for (int i = 0; i < t.size(); i++) stems.merge(t.stem(i), 1, Integer::sum);
    for (int i = 0; i < t.size(); i++) freq[i] = stems.get(t.stem(i));
    Map<String, Integer> buckets = new java.util.TreeMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b")) {
      Integer a = idx.get(new AccountKey(r.get("site_a"), r.get("account_a")));
      Integer b = idx.get(new AccountKey(r.get("site_b"), r.get("account_b")));
      if (a != null && b != null) {
        pos.add(scorer.raw(a, b));
        if (Math.min(t.texts(a), t.texts(b)) >= 3) posF.add(new org.webwatch.identity.internal.PairFeatures(t, scorer, freq).of(a, b));
        var sc = new org.webwatch.identity.internal.PairScorer(t, freq).score(a, b);
        String bucket = (sc.qualifies() ? "LINK " : "miss ") + (sc.strong() > 0 ? "S" : "-") + (sc.username() > 0.5 ? "U" : "-")
            + (sc.style() > 0.5 ? "Y" : sc.style() < -0.5 ? "y" : "-") + (sc.timing() > 0.5 ? "T" : sc.timing() < -0.5 ? "t" : "-");
        buckets.merge(bucket, 1, Integer::sum);
      }
    }
    Map<AccountKey, String> person = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) person.put(new AccountKey(r.get("site"), r.get("account")), r.get("person"));
    java.util.Random rnd = new java.util.Random(1);
    java.util.List<double[]> neg = new java.util.ArrayList<>();
    while (neg.size() < 200_000) {
      int a = rnd.nextInt(t.size());
      int b = rnd.nextInt(t.size());
      if (a == b || java.util.Objects.equals(person.get(t.key(a)), person.get(t.key(b)))) continue;
      neg.add(scorer.raw(a, b));
      if (Math.min(t.texts(a), t.texts(b)) >= 3 && negF.size() < 100_000) negF.add(new org.webwatch.identity.internal.PairFeatures(t, scorer, freq).of(a, b));
    }
    for (String f : List.of("habit_token_idf", "habit_contradiction", "habit_token_jaccard", "habit_category_agree", "offset_agree_few")) {
      int kk = org.webwatch.identity.internal.PairFeatures.NAMES.indexOf(f);
      for (var set : List.of(posF, negF)) {
        double[] v = set.stream().mapToDouble(x -> x[kk]).sorted().toArray();
        StringBuilder sb = new StringBuilder(f + (set == posF ? " TRUE(>=3 texts) " : " RANDOM(>=3 texts) ") + v.length + ":");
        for (double q : new double[] {0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999}) {
          if (v.length > 0) sb.append(String.format(" q%s=%.3f", q, v[Math.min(v.length - 1, (int) (q * v.length))]));
        }
        System.out.println(sb);
      }
    }
    System.out.println("true pairs by signals (S strong, U username, Y/y style +/-, T/t timing +/-): " + buckets);
    String[] names = {"style", "timing", "jw"};
    for (int k = 0; k < 3; k++) {
      for (var set : List.of(pos, neg)) {
        final int kk = k;
        double[] v = set.stream().mapToDouble(x -> x[kk]).filter(x -> !Double.isNaN(x)).sorted().toArray();
        StringBuilder sb = new StringBuilder(names[k] + (set == pos ? " TRUE " : " RANDOM ") + v.length + ":");
        for (double q : new double[] {0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999}) {
          if (v.length > 0) sb.append(String.format(" q%s=%.3f", q, v[Math.min(v.length - 1, (int) (q * v.length))]));
        }
        System.out.println(sb);
      }
    }
  }

  /** {@code created_at} in every form the capture format allows (ISO-8601 with Z or an offset, integer Unix seconds). */
  static Instant time(JsonNode n) {
    JsonNode c = n.get("created_at");
    if (c == null || c.isNull()) return null;
    if (c.isIntegralNumber()) return Instant.ofEpochSecond(c.longValue());
    try {
      return java.time.OffsetDateTime.parse(c.asText()).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static void lines(Path file, Consumer<JsonNode> f) throws IOException {
    if (!Files.exists(file)) return;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (IOException e) {
          continue; // the generator plants broken lines on purpose
        }
        f.accept(n);
      }
    }
  }
}
