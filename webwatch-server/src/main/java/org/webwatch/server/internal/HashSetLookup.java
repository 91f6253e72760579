package org.webwatch.server.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.webwatch.WebwatchException;
import org.webwatch.media.HashSetInfo;
import org.webwatch.media.KnownMedia;
import org.webwatch.media.MediaMatch;
import org.webwatch.media.PdqHash;
import org.webwatch.media.PdqPolicy;
import org.webwatch.server.HashLookup;
import org.webwatch.server.HashMatch;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.media.HashSetRepository;

/**
 * Looks a hash up in the known-material hash sets kept in the store (the media stage's exact
 * tables and PDQ index, per-set thresholds, allow sets), then among attachments already seen in
 * captures. The loaded sets are reloaded when the stored list changes (an import or removal
 * from the CLI or another process), so the server never answers from a stale set.
 */
public final class HashSetLookup implements HashLookup {
  public static final String METHOD = "webwatch-media/1";

  private final HashSetRepository repository;
  private final CaptureHashLookup captures;
  private List<HashSetInfo> loadedFrom;
  private KnownMedia media;

  public HashSetLookup(WebwatchStore store) {
    this.repository = new HashSetRepository(store);
    this.captures = new CaptureHashLookup(store);
  }

  @Override
  public List<String> signalTypes() {
    return List.of("md5", "sha1", "sha256", "pdq", "photodna");
  }

  @Override
  public List<HashMatch> lookup(String signalType, String signal) {
    String type = signalType == null ? "" : signalType.toLowerCase(Locale.ROOT).strip();
    String value = signal == null ? "" : signal.strip();
    List<MediaMatch> hits;
    KnownMedia km = current();
    switch (type) {
      case "md5" -> hits = km.match(value.toLowerCase(Locale.ROOT), null, null, null, null, null, null, List.of());
      case "sha1" -> hits = km.match(null, value.toLowerCase(Locale.ROOT), null, null, null, null, null, List.of());
      case "sha256" -> hits = km.match(null, null, value.toLowerCase(Locale.ROOT), null, null, null, null, List.of());
      case "photodna" -> hits = km.match(null, null, null, value, null, null, null, List.of());
      case "pdq" -> {
        PdqHash q;
        try {
          q = PdqHash.parse(value.toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
          throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "pdq must be 64 hex digits");
        }
        hits = km.match(null, null, null, null, q, 100, PdqPolicy.FULL, List.of());
      }
      default -> throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT,
          "unknown signal type '" + signalType + "' (" + String.join(", ", signalTypes()) + ")");
    }
    List<HashMatch> out = new ArrayList<>();
    for (MediaMatch m : hits) {
      out.add(new HashMatch(m.set(), m.entry(), type, value.toLowerCase(Locale.ROOT), m.distance(),
          m.category() == null ? "" : m.category(), m.negative() ? "allow" : "known", METHOD + " " + m.method()));
    }
    out.sort(Comparator.comparingInt(HashMatch::distance));
    if (!type.equals("photodna")) out.addAll(captures.lookup(type, value));
    return List.copyOf(out);
  }

  private synchronized KnownMedia current() {
    List<HashSetInfo> now = repository.list();
    if (media == null || !now.equals(loadedFrom)) {
      media = repository.loadAll();
      loadedFrom = now;
    }
    return media;
  }
}
