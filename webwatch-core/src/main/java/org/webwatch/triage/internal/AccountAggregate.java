package org.webwatch.triage.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Evidence;
import org.webwatch.triage.Excerpt;
import org.webwatch.triage.RiskEvidence;

/**
 * Everything triage keeps about one account (or, merged, one person) while captures stream
 * past: counts and capped evidence per factor, items authored and first/last activity — never
 * the posts themselves, so 100,000s of accounts fit in a small heap. Not thread-safe: only the
 * pipeline's consuming thread touches it.
 */
public final class AccountAggregate {
  /** Factor whose magnitude is the maximum, not the sum, when accounts merge into a person. */
  static final String NETWORK = "network";
  static final String DURATION = "duration";
  static final String ACTIVITY = "activity";

  private static final class Acc {
    long count;
    double magnitude;
    final EvidenceBuffer buffer;

    Acc(int cap) {
      buffer = new EvidenceBuffer(cap);
    }
  }

  private final int cap;
  private final Set<String> sites = new TreeSet<>();
  private final Map<String, Acc> factors = new HashMap<>(4);
  /** Distinct identifiers shown in the report per account/person. */
  public static final int MAX_IDENTIFIERS = 10;

  private final TreeSet<String> identifiers = new TreeSet<>();
  private String username;
  private long items;
  private Instant first;
  private Instant last;

  public AccountAggregate(AccountKey key, int evidenceCap) {
    this.cap = evidenceCap;
    if (key != null) sites.add(key.site());
  }

  public void username(String name) {
    if (name != null && username == null) username = name;
  }

  /** Keeps up to {@link #MAX_IDENTIFIERS} distinct {@code type:value} identifiers (smallest first). */
  public void identifier(String typeValue) {
    if (identifiers.size() < MAX_IDENTIFIERS || typeValue.compareTo(identifiers.last()) < 0) {
      identifiers.add(typeValue);
      if (identifiers.size() > MAX_IDENTIFIERS) identifiers.pollLast();
    }
  }

  public java.util.List<String> identifiers() {
    return java.util.List.copyOf(identifiers);
  }

  public String username() {
    return username;
  }

  /** One authored post or message at {@code time} (may be null). */
  public void item(Instant time) {
    items++;
    seen(time);
  }

  public void seen(Instant time) {
    if (time == null) return;
    if (first == null || time.isBefore(first)) first = time;
    if (last == null || time.isAfter(last)) last = time;
  }

  /** One more piece of evidence for {@code factor}. */
  public void add(String factor, Evidence evidence, Excerpt excerpt, long seq) {
    add(factor, evidence, excerpt, seq, 1.0);
  }

  /** One more piece of evidence adding {@code magnitude} (e.g. a known-media category weight). */
  public void add(String factor, Evidence evidence, Excerpt excerpt, long seq, double magnitude) {
    Acc a = factors.computeIfAbsent(factor, f -> new Acc(cap));
    a.count++;
    a.magnitude += magnitude;
    a.buffer.add(new EvidenceBuffer.Entry(evidence, excerpt, seq));
  }

  /** A derived factor (network position, roles) with its own count and magnitude. */
  public void set(String factor, long count, double magnitude, Collection<Evidence> evidence, long seq) {
    Acc a = factors.computeIfAbsent(factor, f -> new Acc(cap));
    a.count += count;
    a.magnitude = factor.equals(NETWORK) ? Math.max(a.magnitude, magnitude) : a.magnitude + magnitude;
    for (Evidence e : evidence) a.buffer.add(new EvidenceBuffer.Entry(e, null, seq));
  }

  /** Merges {@code other} into this (persons: sums, maxima for network position, spans of time). */
  public void merge(AccountAggregate other) {
    sites.addAll(other.sites);
    for (String i : other.identifiers) identifier(i);
    items += other.items;
    seen(other.first);
    seen(other.last);
    for (var e : other.factors.entrySet()) {
      Acc mine = factors.computeIfAbsent(e.getKey(), f -> new Acc(cap));
      Acc theirs = e.getValue();
      mine.count += theirs.count;
      mine.magnitude = e.getKey().equals(NETWORK) ? Math.max(mine.magnitude, theirs.magnitude) : mine.magnitude + theirs.magnitude;
      mine.buffer.addAll(theirs.buffer);
    }
  }

  public Map<String, EvidenceBuffer> buffers() {
    Map<String, EvidenceBuffer> m = new HashMap<>();
    factors.forEach((k, v) -> m.put(k, v.buffer));
    return m;
  }

  public Set<String> sites() {
    return Set.copyOf(sites);
  }

  /** The model's input: text/media/derived factors plus activity and duration. */
  public RiskEvidence toRiskEvidence() {
    Map<String, RiskEvidence.Observation> obs = new HashMap<>();
    factors.forEach((k, v) -> obs.put(k, new RiskEvidence.Observation(v.count, v.magnitude, v.buffer.evidence())));
    if (items > 0) {
      String span = first == null ? "" : " from " + first + " to " + last;
      obs.put(ACTIVITY, RiskEvidence.Observation.counted(items,
          java.util.List.of(new Evidence(ACTIVITY, Long.toString(items), 0, items + " posts/messages" + span))));
    }
    if (first != null && last.isAfter(first)) {
      double days = (last.getEpochSecond() - first.getEpochSecond()) / 86400.0;
      long whole = (long) Math.floor(days);
      if (whole >= 1)
        obs.put(DURATION, new RiskEvidence.Observation(whole, days,
            java.util.List.of(new Evidence(DURATION, Long.toString(whole), 0, "active " + first + " to " + last))));
    }
    return new RiskEvidence(obs, Math.max(1, sites.size()));
  }
}
