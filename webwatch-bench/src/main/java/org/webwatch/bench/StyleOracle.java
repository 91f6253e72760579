package org.webwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.webwatch.generate.internal.ActivityProfile;
import org.webwatch.generate.internal.PersonSpec;
import org.webwatch.generate.internal.Population;
import org.webwatch.generate.internal.WritingStyle;
import org.webwatch.identity.internal.Csv;
import org.webwatch.identity.internal.HourProfileLikelihood;

/**
 * Diagnostic: how far writing style and timing could link the accounts of a generated population
 * at best. It rebuilds the population's persons from {@code truth/truth.json} (same size, seed,
 * sites and posting mean, so the same {@link WritingStyle} and {@link ActivityProfile} per person)
 * and plays an <em>oracle</em> that reads every style component an account's texts make visible
 * without error: sentence ending, lower case, line breaks between sentences, favourite opener,
 * sign-off, and each personal misspelling (shown, or visibly absent because the correct word
 * appears). A pair's oracle log-likelihood ratio sums {@code ln(1/prior)} over the components
 * visible on both accounts (a visible disagreement rules the pair out: one person has one style),
 * plus the Bayes timing term with the hour profile unknown (marginalised over the true profiles
 * of the population's persons).
 *
 * <p>It then ranks every cross-site pair of accounts with texts and reports the recall of the
 * hard pairs (style and timing only) an ideal linker could reach while precision stays at 0.95,
 * granting that every other true pair is linked without error — an upper bound on total recall
 * for any linker reading these texts. Usage: {@code DIR}. Cost O(P) for P cross-site pairs.
 */
public final class StyleOracle {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[][] TYPO_POOL = field("TYPO_POOL");
  private static final String[] ENDINGS = field("ENDINGS");
  private static final String[] SIGNOFFS = field("SIGNOFFS");
  private static final String[] FILLERS = field("FILLERS");
  private static final double TYPO_PRIOR = typoPrior();
  /** Hour profiles sampled from the population as the oracle's prior. */
  private static final int MAX_PROFILES = 4000;
  /** Ablations: {@code -Doracle.soft=filler,signoff,...} scores a disagreement there 0 instead of ruling the pair out; {@code -Doracle.drop=...} ignores the component. */
  private static final Set<String> SOFT = Set.of(System.getProperty("oracle.soft", "").split(","));
  private static final Set<String> DROP = Set.of(System.getProperty("oracle.drop", "").split(","));

  private static double disagree(String component) {
    return SOFT.contains(component) ? 0 : Double.NEGATIVE_INFINITY;
  }

  /** What the oracle sees of one account. */
  static final class Seen {
    PersonSpec person;
    String site;
    String key;
    String username;
    String signature;
    final List<String> texts = new ArrayList<>();
    final float[] hours = new float[24];
    boolean ending, lower, separator, filler, signOff;
    final byte[] typo = new byte[TYPO_POOL.length]; // 0 unknown, 1 shows it, 2 visibly lacks it
    int index; // in the list the timing likelihood was fitted on
    final Set<String> sites = new HashSet<>();
    final List<String> keys = new ArrayList<>();

    /** Folds another account of the same person in: what either shows, the cluster shows. */
    void absorb(Seen o) {
      ending |= o.ending;
      lower |= o.lower;
      separator |= o.separator;
      filler |= o.filler;
      signOff |= o.signOff;
      for (int i = 0; i < typo.length; i++) typo[i] = (byte) Math.max(typo[i], o.typo[i]);
      for (int h = 0; h < 24; h++) hours[h] += o.hours[h];
      texts.addAll(o.texts);
      sites.addAll(o.sites);
      keys.addAll(o.keys);
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    JsonNode truth = JSON.readTree(dir.resolve("truth/truth.json").toFile());
    Population pop = new Population(truth.get("persons").asInt(), truth.get("seed").asLong(), truth.get("sites").asInt(),
        truth.get("posts_per_person_mean").asDouble());
    Map<String, PersonSpec> persons = new HashMap<>();
    for (PersonSpec p : pop.persons) persons.put(p.id, p);
    Map<String, Seen> accounts = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) {
      Seen s = new Seen();
      s.person = persons.get(r.get("person"));
      s.site = r.get("site");
      s.key = r.get("site") + ":" + r.get("account");
      s.sites.add(s.site);
      s.keys.add(s.key);
      accounts.put(s.key, s);
    }
    Path cap = dir.resolve("capture");
    LinkingOnGenerated.lines(cap.resolve("accounts.jsonl"), n -> {
      Seen s = accounts.get(n.path("site").asText() + ":" + n.path("id").asText());
      if (s == null) return;
      s.username = n.path("username").asText("");
      s.signature = n.path("signature").asText("");
    });
    for (String f : new String[] {"posts.jsonl", "messages.jsonl"}) {
      LinkingOnGenerated.lines(cap.resolve(f), n -> {
        Seen s = accounts.get(n.path("site").asText() + ":" + n.path("author").asText());
        if (s == null || !n.hasNonNull("text")) return;
        s.texts.add(n.get("text").asText());
        Instant t = LinkingOnGenerated.time(n);
        if (t != null) s.hours[t.atZone(ZoneOffset.UTC).getHour()]++;
      });
    }
    List<Seen> seen = new ArrayList<>();
    for (Seen s : accounts.values()) {
      if (s.person == null || s.texts.isEmpty()) continue;
      observe(s);
      seen.add(s);
    }
    List<double[]> profiles = new ArrayList<>();
    java.util.SplittableRandom pick = new java.util.SplittableRandom(1);
    for (PersonSpec p : pop.persons) {
      if (pop.persons.size() <= MAX_PROFILES || pick.nextInt(pop.persons.size()) < MAX_PROFILES) profiles.add(hourLog(p.timing));
    }
    double[][] prior = profiles.toArray(new double[0][]);
    evaluate(dir, seen, timing(seen, prior));
    List<Seen> clusters = OracleClusters.merge(dir, seen);
    HourProfileLikelihood clusterTiming = timing(clusters, prior);
    OracleClusters.evaluate(dir, clusters, (a, b) -> {
      double st = styleLlr(a, b);
      return st == Double.NEGATIVE_INFINITY || DROP.contains("timing") ? st : st + clusterTiming.llr(a.index, b.index);
    });
  }

  /** The Bayes timing likelihood over {@code list} (indexed in its order) with the true profiles as the prior. */
  private static HourProfileLikelihood timing(List<Seen> list, double[][] prior) {
    float[][] hours = new float[list.size()][];
    for (int i = 0; i < hours.length; i++) {
      list.get(i).index = i;
      hours[i] = list.get(i).hours;
    }
    return HourProfileLikelihood.withPrior(hours, prior);
  }

  /** Marks the style components the account's texts show. */
  private static void observe(Seen s) {
    WritingStyle st = s.person.style;
    String all = String.join("\n\u0000", s.texts);
    String lowerAll = all.toLowerCase(Locale.ROOT);
    s.ending = true; // every chatter sentence carries it: an oracle reads it from one text
    s.lower = true;
    String so = st.signOff();
    s.signOff = so.isEmpty() ? s.username.equals(s.signature)
        : s.signature.startsWith(so) || s.texts.stream().anyMatch(t -> t.endsWith("\n" + so));
    String bare = so.isEmpty() ? all : all.replace("\n" + so, "");
    s.separator = st.separator().equals("\n") ? bare.replace("\n\u0000", "").contains("\n") : s.texts.stream().anyMatch(t -> t.length() > 40);
    s.filler = Pattern.compile("(^|[ \\n\\u0000>])" + Pattern.quote(st.filler()) + "[, ]").matcher(lowerAll).find();
    Set<String> own = new HashSet<>();
    for (String[] t : st.typos()) own.add(t[0]);
    for (int i = 0; i < TYPO_POOL.length; i++) {
      boolean has = own.contains(TYPO_POOL[i][0]);
      String word = has ? TYPO_POOL[i][1] : TYPO_POOL[i][0];
      if (Pattern.compile("(^|[^\\p{L}])" + Pattern.quote(word) + "($|[^\\p{L}])").matcher(lowerAll).find()) s.typo[i] = (byte) (has ? 1 : 2);
    }
  }

  /** Oracle style LLR of a pair; negative infinity on a visible disagreement. */
  private static double styleLlr(Seen a, Seen b) {
    WritingStyle x = a.person.style;
    WritingStyle y = b.person.style;
    double llr = 0;
    if (a.ending && b.ending && !DROP.contains("ending")) {
      llr += x.ending().equals(y.ending()) ? -Math.log(share(ENDINGS, x.ending())) : disagree("ending");
    }
    boolean lx = x.caseMode() == 1;
    if (a.lower && b.lower && !DROP.contains("case")) {
      llr += lx != (y.caseMode() == 1) ? disagree("case") : lx ? Math.log(3) : Math.log(1.5);
    }
    if (a.separator && b.separator && !DROP.contains("separator")) {
      llr += !x.separator().equals(y.separator()) ? disagree("separator") : x.separator().equals("\n") ? Math.log(4) : Math.log(4.0 / 3);
    }
    if (a.filler && b.filler && !DROP.contains("filler")) {
      llr += x.filler().equals(y.filler()) ? -Math.log(share(FILLERS, x.filler())) : disagree("filler");
    }
    if (a.signOff && b.signOff && !DROP.contains("signoff")) {
      llr += x.signOff().equals(y.signOff()) ? -Math.log(share(SIGNOFFS, x.signOff())) : disagree("signoff");
    }
    for (int i = 0; i < TYPO_POOL.length; i++) {
      if (a.typo[i] == 0 || b.typo[i] == 0 || DROP.contains("typo")) continue;
      if (a.typo[i] != b.typo[i]) llr += disagree("typo");
      else llr += a.typo[i] == 1 ? -Math.log(TYPO_PRIOR) : -Math.log(1 - TYPO_PRIOR);
    }
    return llr;
  }

  private static void evaluate(Path dir, List<Seen> seen, HourProfileLikelihood timing) {
    Map<String, Boolean> hardPair = new HashMap<>();
    int truePairs = 0;
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      hardPair.put(pairKey(r.get("site_a") + ":" + r.get("account_a"), r.get("site_b") + ":" + r.get("account_b")), OracleClusters.hard(r.get("evidence")));
      truePairs++;
    }
    long hardTotal = hardPair.values().stream().filter(h -> h).count();
    List<double[]> hardLlr = new ArrayList<>();
    List<Double> falseLlr = new ArrayList<>();
    long falseRuledOut = 0;
    long falsePairs = 0;
    for (int i = 0; i < seen.size(); i++) {
      Seen a = seen.get(i);
      for (int j = i + 1; j < seen.size(); j++) {
        Seen b = seen.get(j);
        if (a.site.equals(b.site)) continue;
        double s = styleLlr(a, b);
        Boolean hard = hardPair.get(pairKey(a.key, b.key));
        if (hard != null && !hard) continue; // other evidence links it: granted
        double t = s == Double.NEGATIVE_INFINITY || DROP.contains("timing") ? 0 : timing.llr(a.index, b.index);
        if (hard != null) {
          hardLlr.add(new double[] {s, t});
          continue;
        }
        falsePairs++;
        if (s == Double.NEGATIVE_INFINITY) falseRuledOut++;
        else falseLlr.add(s + t);
      }
    }
    double[] hardScores = hardLlr.stream().mapToDouble(x -> x[0] + x[1]).sorted().toArray();
    double[] falseScores = falseLlr.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf("accounts with texts %d; true pairs %d, hard %d (with texts on both sides %d); unrelated cross-site pairs %d, ruled out by a visible style disagreement %d (%.1f %%)%n",
        seen.size(), truePairs, hardTotal, hardLlr.size(), falsePairs, falseRuledOut, 100.0 * falseRuledOut / falsePairs);
    double[] styleOnly = hardLlr.stream().mapToDouble(x -> x[0]).sorted().toArray();
    double[] timeOnly = hardLlr.stream().mapToDouble(x -> x[1]).sorted().toArray();
    System.out.printf("hard pairs' oracle LLR quantiles 10/25/50/75/90 %%: style %s, timing %s, both %s%n", Ceilings.quantiles(styleOnly), Ceilings.quantiles(timeOnly), Ceilings.quantiles(hardScores));
    long granted = truePairs - hardTotal;
    Ceilings.report("oracle LLR", hardScores, falseScores, granted, hardTotal, truePairs);
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  /** ln p(UTC hour | profile); p mixes 1 % uniform so no hour is impossible (weekend shifts do not move the hour). */
  private static double[] hourLog(ActivityProfile t) {
    double[] p = new double[24];
    double wSecond = t.secondPeak() >= 0 ? 1.0 / 3 : 0;
    for (int k = -12; k <= 12; k++) {
      double pk = normalCdf((k + 0.5) / t.spread()) - normalCdf((k - 0.5) / t.spread());
      p[Math.floorMod(t.peakHour() + k - t.utcOffsetHours(), 24)] += (1 - wSecond) * pk;
      if (wSecond > 0) p[Math.floorMod(t.secondPeak() + k - t.utcOffsetHours(), 24)] += wSecond * pk;
    }
    double[] r = new double[24];
    for (int h = 0; h < 24; h++) r[h] = Math.log(0.99 * p[h] + 0.01 / 24);
    return r;
  }

  private static double normalCdf(double z) {
    // Abramowitz & Stegun 7.1.26 via erf; ample for a diagnostic.
    double x = Math.abs(z) / Math.sqrt(2);
    double tt = 1 / (1 + 0.3275911 * x);
    double erf = 1 - ((((1.061405429 * tt - 1.453152027) * tt + 1.421413741) * tt - 0.284496736) * tt + 0.254829592) * tt * Math.exp(-x * x);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }

  private static double share(String[] values, String v) {
    return Arrays.stream(values).filter(v::equals).count() / (double) values.length;
  }

  /** P(a person's 1–3 misspellings, drawn with replacement from the pool, include a given one). */
  private static double typoPrior() {
    double miss = 0;
    for (int k = 1; k <= 3; k++) miss += Math.pow(1 - 1.0 / TYPO_POOL.length, k) / 3;
    return 1 - miss;
  }

  @SuppressWarnings("unchecked")
  private static <T> T field(String name) {
    try {
      var f = WritingStyle.class.getDeclaredField(name);
      f.setAccessible(true);
      return (T) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
