package org.webwatch.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.webwatch.WebwatchException;
import org.webwatch.model.Evidence;

/**
 * The versioned, tunable risk model (default: {@code risk-model-v2.json}, documented in
 * {@code docs/risk-model.md}). For each observed factor f with magnitude x:
 * {@code raw_f = w_f * (1 - exp(-x / k_f))} (diminishing returns on repeats). Within a family,
 * raw values sorted descending are weighted 1, d, d², … ({@code familyDecay}) so that related
 * signals do not add up as if independent. Gated factors ({@code gate: strong}: opsec, volume,
 * network position) count only when some strong factor is present, so they can never lift a
 * bystander on their own. A corroboration bonus is added per distinct strong family beyond the
 * first, and a cross-site bonus per extra site. Corroboration rule (optional, v2): a score resting on
 * fewer than {@code corroboration.minStrongEvidence} pieces of strong evidence (each factor counts at
 * most its {@code maxPieces}) is capped at {@code corroboration.uncorroboratedMax}, below {@code
 * high}, and the cut is reported as a negative {@value #UNCORROBORATED} line. Every term is reported as a {@link
 * FactorContribution}; they add up to the score. Monotone: more evidence never lowers a score
 * (saturation, ordered weighted sums with non-increasing weights, gates and bonuses are all
 * monotone). O(number of factors) per score.
 */
public final class RiskModel {
  public static final String DEFAULT_RESOURCE = "risk-model-v2.json";
  public static final String CORROBORATION = "corroboration";
  public static final String CROSS_SITE = "cross-site";
  /** Negative contribution line that caps a score resting on too little strong evidence. */
  public static final String UNCORROBORATED = "uncorroborated";

  /** How one factor is scored. */
  public record FactorSpec(
      String code, double weight, double k, String family, boolean strong, boolean gated, double reliability, long maxPieces) {
    /** A factor without a limit on the pieces of evidence it adds to the corroboration count. */
    public FactorSpec(String code, double weight, double k, String family, boolean strong, boolean gated, double reliability) {
      this(code, weight, k, family, strong, gated, reliability, Long.MAX_VALUE);
    }

    public FactorSpec {
      if (maxPieces < 1) throw new IllegalArgumentException(code + ": maxPieces must be >= 1");
      if (!(weight >= 0)) throw new IllegalArgumentException(code + ": weight must be >= 0");
      if (!(k > 0)) throw new IllegalArgumentException(code + ": k must be > 0");
      if (!(reliability >= 0 && reliability <= 1)) throw new IllegalArgumentException(code + ": reliability must be in [0,1]");
    }
  }

  private final String name;
  private final String version;
  private final Map<String, FactorSpec> factors;
  private final double familyDecay;
  private final double bonusPerFamily;
  private final double maxBonus;
  private final long minStrongEvidence;
  private final double uncorroboratedMax;
  private final double crossSitePerSite;
  private final double crossSiteMax;
  private final double critical;
  private final double high;
  private final double medium;
  private final Set<String> ignoredCategories;
  private final Map<String, Double> categoryWeights;
  private final int evidencePerFactor;

  private RiskModel(JsonNode root, String origin) {
    if (!"webwatch-risk-model".equals(text(root, "format", origin)))
      throw bad(origin, "format", "must be \"webwatch-risk-model\"");
    name = text(root, "name", origin);
    version = text(root, "version", origin);
    JsonNode fs = root.path("factors");
    if (!fs.isObject() || fs.isEmpty()) throw bad(origin, "factors", "must be a non-empty object");
    Map<String, FactorSpec> m = new LinkedHashMap<>();
    for (var it = fs.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode f = e.getValue();
      String gate = f.path("gate").asText("none");
      if (!gate.equals("none") && !gate.equals("strong")) throw bad(origin, "factors." + e.getKey() + ".gate", "must be none or strong");
      try {
        m.put(e.getKey(), new FactorSpec(e.getKey(), num(f, "weight", origin + " factors." + e.getKey()),
            num(f, "k", origin + " factors." + e.getKey()), text(f, "family", origin + " factors." + e.getKey()),
            f.path("strong").asBoolean(false), gate.equals("strong"), f.path("reliability").asDouble(0.5),
            f.path("maxPieces").asLong(Long.MAX_VALUE)));
      } catch (IllegalArgumentException ex) {
        throw bad(origin, "factors." + e.getKey(), ex.getMessage());
      }
    }
    factors = Map.copyOf(m);
    familyDecay = num(root, "familyDecay", origin);
    if (familyDecay < 0 || familyDecay > 1) throw bad(origin, "familyDecay", "must be in [0,1]");
    bonusPerFamily = num(root.path("corroboration"), "bonusPerFamily", origin + " corroboration");
    maxBonus = num(root.path("corroboration"), "maxBonus", origin + " corroboration");
    // optional (v2): scores resting on fewer pieces of strong evidence are capped below `high`
    minStrongEvidence = root.path("corroboration").path("minStrongEvidence").asLong(0);
    if (minStrongEvidence < 0) throw bad(origin, "corroboration.minStrongEvidence", "must be >= 0");
    crossSitePerSite = num(root.path("crossSite"), "bonusPerSite", origin + " crossSite");
    crossSiteMax = num(root.path("crossSite"), "maxBonus", origin + " crossSite");
    critical = num(root.path("bands"), "critical", origin + " bands");
    high = num(root.path("bands"), "high", origin + " bands");
    medium = num(root.path("bands"), "medium", origin + " bands");
    if (!(critical >= high && high >= medium && medium > 0)) throw bad(origin, "bands", "need critical >= high >= medium > 0");
    JsonNode cap = root.path("corroboration").path("uncorroboratedMax");
    uncorroboratedMax = cap.isMissingNode() ? Double.POSITIVE_INFINITY : cap.asDouble();
    if (!cap.isMissingNode() && !(cap.isNumber() && uncorroboratedMax >= 0 && uncorroboratedMax < high))
      throw bad(origin, "corroboration.uncorroboratedMax", "must be a number in [0, bands.high)");
    Set<String> ign = new TreeSet<>();
    root.path("knownMedia").path("ignoredCategories").forEach(n -> ign.add(n.asText()));
    ignoredCategories = Set.copyOf(ign);
    Map<String, Double> cw = new HashMap<>();
    for (var it = root.path("knownMedia").path("categoryWeights").fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isNumber() || e.getValue().asDouble() < 0)
        throw bad(origin, "knownMedia.categoryWeights." + e.getKey(), "must be a number >= 0");
      cw.put(e.getKey(), e.getValue().asDouble());
    }
    categoryWeights = Map.copyOf(cw);
    evidencePerFactor = root.path("evidencePerFactor").asInt(10);
    if (evidencePerFactor < 1 || evidencePerFactor > 1000) throw bad(origin, "evidencePerFactor", "must be 1..1000");
  }

  /** The model shipped with Webwatch. */
  public static RiskModel defaults() {
    try (InputStream in = RiskModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) throw new WebwatchException(WebwatchException.Kind.INTERNAL, "missing resource " + DEFAULT_RESOURCE);
      return parse(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** An agency's model file ({@code --model FILE}). */
  public static RiskModel load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ": cannot read risk model: " + e.getMessage(), e);
    }
  }

  public static RiskModel parse(InputStream in, String origin) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, origin + ": not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) throw bad(origin, "-", "must be a JSON object");
    return new RiskModel(root, origin);
  }

  /** {@code name@version}, recorded in summary.json and every score. */
  public String version() {
    return name + "@" + version;
  }

  public Set<String> factorCodes() {
    return new TreeSet<>(factors.keySet());
  }

  public FactorSpec factor(String code) {
    return factors.get(code);
  }

  public int evidencePerFactor() {
    return evidencePerFactor;
  }

  /** Known-media categories that do not count (e.g. VICS 0 non-pertinent, 4 comparison). */
  public boolean countsKnownCategory(String category) {
    return category == null || !ignoredCategories.contains(category);
  }

  /**
   * How much one known attachment of {@code category} adds to the {@code known-media} magnitude
   * ({@code knownMedia.categoryWeights}; 1 for categories not listed, 0 for ignored ones).
   */
  public double knownCategoryWeight(String category) {
    if (!countsKnownCategory(category)) return 0;
    return category == null ? 1.0 : categoryWeights.getOrDefault(category, 1.0);
  }

  public Band band(double score) {
    if (score >= critical) return Band.CRITICAL;
    if (score >= high) return Band.HIGH;
    if (score >= medium) return Band.MEDIUM;
    return Band.LOW;
  }

  /** Scores one account or person. Unknown factor codes in {@code e} are ignored. */
  public RiskScore score(RiskEvidence e) {
    // sorted maps: the floating-point sums below always run in the same order
    Map<String, Double> raw = new java.util.TreeMap<>();
    Set<String> strongFamilies = new TreeSet<>();
    long strongPieces = 0;
    for (var o : e.observations().entrySet()) {
      FactorSpec f = factors.get(o.getKey());
      if (f == null || o.getValue().magnitude() <= 0) continue;
      double r = f.weight() * (1 - Math.exp(-o.getValue().magnitude() / f.k()));
      if (r <= 0) continue;
      raw.put(f.code(), r);
      if (f.strong()) {
        strongFamilies.add(f.family());
        strongPieces += Math.min(f.maxPieces(), Math.max(1, o.getValue().count()));
      }
    }
    boolean anyStrong = !strongFamilies.isEmpty();
    Map<String, List<String>> byFamily = new java.util.TreeMap<>();
    for (String code : raw.keySet()) {
      FactorSpec f = factors.get(code);
      if (f.gated() && !anyStrong) continue;
      byFamily.computeIfAbsent(f.family(), x -> new ArrayList<>()).add(code);
    }
    List<FactorContribution> out = new ArrayList<>();
    double total = 0;
    double miss = 1;
    for (List<String> codes : byFamily.values()) {
      codes.sort(Comparator.comparing((String c) -> -raw.get(c)).thenComparing(c -> c));
      double w = 1;
      for (String c : codes) {
        double contribution = raw.get(c) * w;
        w *= familyDecay;
        RiskEvidence.Observation o = e.observations().get(c);
        out.add(new FactorContribution(c, o.count(), round(contribution), o.evidence()));
        total += contribution;
        FactorSpec f = factors.get(c);
        miss *= 1 - f.reliability() * (1 - Math.exp(-o.magnitude() / f.k()));
      }
    }
    int extraFamilies = Math.max(0, strongFamilies.size() - 1);
    double bonus = Math.min(maxBonus, bonusPerFamily * extraFamilies);
    if (bonus > 0) {
      out.add(new FactorContribution(CORROBORATION, strongFamilies.size(), round(bonus),
          List.of(new Evidence(CORROBORATION, String.join(",", strongFamilies), bonus, "independent strong families"))));
      total += bonus;
    }
    double cross = anyStrong ? Math.min(crossSiteMax, crossSitePerSite * (e.sites() - 1)) : 0;
    if (cross > 0) {
      out.add(new FactorContribution(CROSS_SITE, e.sites(), round(cross),
          List.of(new Evidence(CROSS_SITE, Integer.toString(e.sites()), cross, "evidence on " + e.sites() + " sites"))));
      total += cross;
    }
    if (strongPieces < minStrongEvidence && total > uncorroboratedMax) {
      // corroboration rule: one isolated piece of strong evidence (or none) cannot make high
      double cut = uncorroboratedMax - total;
      out.sort(Comparator.comparingDouble((FactorContribution c) -> -c.contribution()).thenComparing(FactorContribution::factor));
      out.add(new FactorContribution(UNCORROBORATED, strongPieces, round(cut),
          List.of(new Evidence(UNCORROBORATED, Long.toString(strongPieces), cut, "score capped at " + uncorroboratedMax
              + ": fewer than " + minStrongEvidence + " pieces of strong evidence"))));
      total = uncorroboratedMax;
    } else {
      out.sort(Comparator.comparingDouble((FactorContribution c) -> -c.contribution()).thenComparing(FactorContribution::factor));
    }
    double score = round(total);
    return new RiskScore(score, band(score), round(1 - miss), out, version());
  }

  static double round(double x) {
    return Math.round(x * 1000.0) / 1000.0;
  }

  private static String text(JsonNode n, String field, String origin) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) throw bad(origin, field, "required text");
    return v.asText();
  }

  private static double num(JsonNode n, String field, String origin) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) throw bad(origin, field, "required number");
    return v.asDouble();
  }

  private static WebwatchException bad(String origin, String field, String problem) {
    return new WebwatchException(WebwatchException.Kind.INVALID_INPUT, origin + ": " + field + ": " + problem);
  }
}
