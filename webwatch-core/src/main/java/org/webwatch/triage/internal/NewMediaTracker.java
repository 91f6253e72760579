package org.webwatch.triage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.webwatch.model.AccountKey;
import org.webwatch.model.MediaResult;

/**
 * Finds who first posted each piece of NEW material: for every content key of a {@code new}
 * attachment, the earliest occurrence across all captures (time, then stream order) and how often
 * each other account re-posted it. Memory is proportional to new media only.
 */
public final class NewMediaTracker {
  /** One occurrence: where and when. */
  public record Occurrence(AccountKey account, String site, String post, String attachment, Instant time, long seq) {}

  /** A content key with its first occurrence and re-post counts per other account. */
  public record Resolved(String contentKey, Occurrence first, Map<AccountKey, Integer> reposts, int occurrences) {}

  private static final Comparator<Occurrence> EARLIEST =
      Comparator.comparing(Occurrence::time, Comparator.nullsLast(Comparator.naturalOrder())).thenComparingLong(Occurrence::seq);

  private static final class Entry {
    Occurrence first;
    final Map<AccountKey, Integer> posters = new HashMap<>(2);
    int occurrences;
  }

  private final Map<String, Entry> byKey = new HashMap<>();

  public static String contentKey(MediaResult r) {
    return r.contentKey() != null && !r.contentKey().isBlank() ? r.contentKey() : "attachment:" + r.site() + "/" + r.attachment();
  }

  public void add(MediaResult r, Instant time, long seq) {
    Occurrence o = new Occurrence(r.accountKey(), r.site(), r.post(), r.attachment(), time, seq);
    Entry e = byKey.computeIfAbsent(contentKey(r), k -> new Entry());
    if (e.first == null || EARLIEST.compare(o, e.first) < 0) e.first = o;
    e.posters.merge(o.account(), 1, Integer::sum);
    e.occurrences++;
  }

  /** Every new content key, resolved, in content-key order. */
  public List<Resolved> resolve() {
    List<Resolved> out = new ArrayList<>(byKey.size());
    for (var e : new TreeMap<>(byKey).entrySet()) {
      Map<AccountKey, Integer> reposts = new TreeMap<>(e.getValue().posters);
      reposts.remove(e.getValue().first.account());
      out.add(new Resolved(e.getKey(), e.getValue().first, reposts, e.getValue().occurrences));
    }
    return out;
  }
}
