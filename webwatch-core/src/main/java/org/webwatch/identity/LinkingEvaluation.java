package org.webwatch.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.webwatch.identity.internal.Csv;
import org.webwatch.model.AccountKey;
import org.webwatch.model.AccountLink;
import org.webwatch.model.Evidence;
import org.webwatch.model.PersonAssignment;

/**
 * Pairwise evaluation of linking against a generated population's truth: precision = correct
 * same-person pairs / predicted same-person pairs; recall = correct / true pairs. Recall is
 * broken down by the evidence the generator planted per true pair ({@code truth/links.csv}),
 * with the hard cases (style and/or timing only) reported separately; decoys
 * ({@code truth/decoys.csv}) are checked by counting links between different true persons whose
 * evidence rests on a decoy value. O(accounts + truth links + predicted links).
 */
public final class LinkingEvaluation {
  private LinkingEvaluation() {}

  /** A true pair with the evidence codes the generator planted. */
  public record TruthLink(String person, AccountKey a, AccountKey b, Set<String> evidence) {}

  /** Recall of the true pairs carrying one evidence code (or a group such as {@code hard:style+timing}). */
  public record Breakdown(String evidence, long truePairs, long found) {
    public double recall() {
      return truePairs == 0 ? 1.0 : (double) found / truePairs;
    }
  }

  public record Report(long predictedPairs, long truePairs, long correctPairs, List<Breakdown> byEvidence,
      Breakdown hardCases, long falseLinks, long decoyFalseLinks, List<String> falseLinkSample) {
    public double precision() {
      return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
      return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }
  }

  /** Reads {@code truth/accounts.csv}, {@code truth/links.csv} and (if present) {@code truth/decoys.csv} under {@code truthDir}. */
  public static Report evaluate(IdentityResult predicted, Path truthDir) {
    Map<AccountKey, String> persons = new HashMap<>();
    for (Csv.Row r : Csv.read(truthDir.resolve("accounts.csv"), "site", "account", "person")) {
      persons.put(new AccountKey(r.get("site"), r.get("account")), r.get("person"));
    }
    List<TruthLink> links = new ArrayList<>();
    Path linksFile = truthDir.resolve("links.csv");
    if (Files.exists(linksFile)) {
      for (Csv.Row r : Csv.read(linksFile, "person", "site_a", "account_a", "site_b", "account_b", "evidence")) {
        Set<String> ev = new HashSet<>(Arrays.asList(r.get("evidence").split("[;|]")));
        ev.remove("");
        links.add(new TruthLink(r.get("person"), new AccountKey(r.get("site_a"), r.get("account_a")),
            new AccountKey(r.get("site_b"), r.get("account_b")), ev));
      }
    }
    Set<String> decoys = new HashSet<>();
    Path decoyFile = truthDir.resolve("decoys.csv");
    if (Files.exists(decoyFile)) for (Csv.Row r : Csv.read(decoyFile, "type", "value")) decoys.add(r.get("value"));
    return evaluate(predicted, persons, links, decoys);
  }

  public static Report evaluate(IdentityResult predicted, Map<AccountKey, String> truthPerson, List<TruthLink> truthLinks, Set<String> decoyValues) {
    Map<AccountKey, String> predictedPerson = new HashMap<>();
    for (PersonAssignment a : predicted.assignments()) predictedPerson.put(a.account(), a.person());
    Map<String, Long> predictedSizes = new HashMap<>();
    Map<String, Long> jointSizes = new HashMap<>();
    Map<String, Long> truthSizes = new HashMap<>();
    for (PersonAssignment a : predicted.assignments()) {
      predictedSizes.merge(a.person(), 1L, Long::sum);
      String t = truthPerson.get(a.account());
      if (t != null) jointSizes.merge(a.person() + "\u0000" + t, 1L, Long::sum);
    }
    for (String t : truthPerson.values()) truthSizes.merge(t, 1L, Long::sum);
    long predictedPairs = predictedSizes.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
    long correct = jointSizes.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
    long truePairs = truthSizes.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();

    Map<String, long[]> by = new TreeMap<>();
    long[] hard = new long[2];
    for (TruthLink l : truthLinks) {
      String pa = predictedPerson.get(l.a());
      boolean found = pa != null && pa.equals(predictedPerson.get(l.b()));
      for (String code : l.evidence()) {
        long[] c = by.computeIfAbsent(code, k -> new long[2]);
        c[0]++;
        if (found) c[1]++;
      }
      if (!l.evidence().isEmpty() && Set.of("style", "timing").containsAll(l.evidence())) {
        hard[0]++;
        if (found) hard[1]++;
      }
    }
    List<Breakdown> breakdown = new ArrayList<>();
    by.forEach((code, c) -> breakdown.add(new Breakdown(code, c[0], c[1])));

    long falseLinks = 0;
    long decoyFalse = 0;
    List<String> sample = new ArrayList<>();
    for (AccountLink l : predicted.links()) {
      String ta = truthPerson.get(l.a());
      String tb = truthPerson.get(l.b());
      if (ta == null || tb == null || ta.equals(tb)) continue;
      falseLinks++;
      boolean decoy = false;
      for (Evidence e : l.evidence()) decoy |= decoyValues.contains(e.value());
      if (decoy) decoyFalse++;
      if (sample.size() < 20) sample.add(l.a() + " ~ " + l.b() + " " + l.evidence());
    }
    return new Report(predictedPairs, truePairs, correct, List.copyOf(breakdown),
        new Breakdown("hard:style+timing", hard[0], hard[1]), falseLinks, decoyFalse, List.copyOf(sample));
  }
}
