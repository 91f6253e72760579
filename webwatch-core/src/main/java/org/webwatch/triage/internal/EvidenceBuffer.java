package org.webwatch.triage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.webwatch.model.Evidence;
import org.webwatch.triage.Excerpt;

/**
 * Keeps the {@code cap} strongest pieces of evidence of one factor (weight desc, then stream
 * order) so that memory per account stays bounded however much it posts. O(cap) per add.
 */
public final class EvidenceBuffer {
  /** One retained piece: the evidence, the excerpt around it (null for non-text) and its stream sequence. */
  public record Entry(Evidence evidence, Excerpt excerpt, long seq) {}

  static final Comparator<Entry> ORDER =
      Comparator.comparingDouble((Entry e) -> -e.evidence().weight()).thenComparingLong(Entry::seq);

  private final int cap;
  private final ArrayList<Entry> entries = new ArrayList<>(2);

  public EvidenceBuffer(int cap) {
    if (cap < 1) throw new IllegalArgumentException("cap must be >= 1");
    this.cap = cap;
  }

  public void add(Entry e) {
    int n = entries.size();
    if (n == cap && ORDER.compare(e, entries.get(n - 1)) >= 0) return;
    int i = n;
    while (i > 0 && ORDER.compare(e, entries.get(i - 1)) < 0) i--;
    entries.add(i, e);
    if (entries.size() > cap) entries.remove(entries.size() - 1);
  }

  public void addAll(EvidenceBuffer other) {
    for (Entry e : other.entries) add(e);
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public List<Evidence> evidence() {
    List<Evidence> out = new ArrayList<>(entries.size());
    for (Entry e : entries) out.add(e.evidence());
    return out;
  }
}
