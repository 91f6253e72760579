package org.webwatch.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.webwatch.identity.internal.FeatureTable;
import org.webwatch.identity.internal.HabitProfiler;
import org.webwatch.identity.internal.HabitSlots;
import org.webwatch.identity.internal.HabitTokens;
import org.webwatch.identity.internal.IntCounter;
import org.webwatch.identity.internal.LinkingPipeline;
import org.webwatch.identity.internal.LogisticCombiner;
import org.webwatch.identity.internal.MutualBestMatcher;
import org.webwatch.identity.internal.MentionContext;
import org.webwatch.identity.internal.StyleProfiler;
import org.webwatch.identity.internal.TimingSimilarity;
import org.webwatch.model.Account;
import org.webwatch.model.AccountKey;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IdentifierType;
import org.webwatch.model.MediaResult;
import org.webwatch.model.MediaStatus;
import org.webwatch.model.TextItem;
import org.webwatch.model.TextKind;

/**
 * The {@link AccountLinker} of Webwatch: accumulates per-account evidence while a capture
 * streams past (thread-safe), then links by blocking/LSH candidates, a log-likelihood-ratio
 * score per pair, and constrained clustering (see {@code docs/identity.md}).
 *
 * <p>Evidence codes: {@code shared-btc}, {@code shared-eth}, {@code shared-xmr},
 * {@code shared-pgp}, {@code shared-email}, {@code shared-contact} (telegram, session, wickr,
 * threema, own onion), {@code shared-media} (same NEW content key), {@code username},
 * {@code style}, {@code timing}, {@code analyst}. Only valid identifiers count, URLs are
 * ignored, and an identifier the text merely mentions ("sent 0.01 to …", "the exchange's
 * deposit address", a key from a guide; see {@link MentionContext}) is not the writer's. Usage: feed, then {@link #link()} (may be
 * called again after more input; each call recomputes from everything fed).
 */
public final class EvidenceAccountLinker implements AccountLinker {
  private final Map<AccountKey, State> accounts = new ConcurrentHashMap<>();
  private final Map<List<AccountKey>, Boolean> decisions = new LinkedHashMap<>();
  /** Marker offsets per text item ({@code site/kind/item}), only for texts that have markers. */
  private final Map<String, int[]> mentionMarkers = new ConcurrentHashMap<>();
  private LinkingPipeline.Stats lastStats;
  private OperatingPoint operatingPoint = OperatingPoint.STRICT;
  /** Distinct habit markers kept per account before rare ones are pruned (lossy counting). */
  private static final int HABIT_MAX_DISTINCT = 4096;
  private volatile LogisticCombiner combiner = LogisticCombiner.loadDefault();
  private volatile MutualBestMatcher mutualBest = new MutualBestMatcher();
  // on with the bundled model while the bundled combiner is in use (it was trained on that combiner's log-odds)
  private volatile org.webwatch.identity.internal.BoostedWeakStage boostedWeak = org.webwatch.identity.internal.BoostedWeakStage.loadDefault();
  private volatile boolean boostedWeakSet; // set explicitly: kept whatever the combiner
  private static final java.util.Comparator<String[]> VALUE_ORDER = (x, y) -> {
    for (int k = 0; k < 4; k++) {
      int c = x[k].compareTo(y[k]);
      if (c != 0) return c;
    }
    return 0;
  };

  private static final class State {
    String username;
    /** Sign-off marker of the account signature ({@link HabitProfiler#signOffMarker}); 0: none. */
    int signOff;
    IntCounter style;
    IntCounter habits;
    int texts;
    float[] hourOfWeek;
    int events;
    final List<String[]> values = new ArrayList<>();
  }

  private State state(AccountKey key) {
    return accounts.computeIfAbsent(key, k -> new State());
  }

  @Override
  public void account(Account account) {
    Objects.requireNonNull(account, "account");
    State s = state(account.key());
    synchronized (s) {
      s.username = account.username();
      s.signOff = HabitProfiler.signOffMarker(account.signature(), account.username());
    }
  }

  @Override
  public void text(TextItem item) {
    Objects.requireNonNull(item, "item");
    int[] markers = MentionContext.markers(item.text());
    if (markers.length > 0) mentionMarkers.put(itemRef(item.site(), item.kind(), item.item()), markers);
    State s = state(item.accountKey());
    boolean styled = item.kind() == TextKind.POST || item.kind() == TextKind.MESSAGE || item.kind() == TextKind.THREAD_TITLE;
    // a title (a thread's, or a message's subject) is a heading, not prose: its words tell style, but it has no sentence
    // ending, case or sign-off habits to read, and its time is the time of the post or message it heads (counted there)
    boolean title = item.kind() == TextKind.THREAD_TITLE || item.kind() == TextKind.MESSAGE && isSubject(item.item());
    synchronized (s) {
      if (styled && item.text() != null && !item.text().isBlank()) {
        if (s.style == null) s.style = new IntCounter(StyleProfiler.MAX_DISTINCT_FEATURES);
        StyleProfiler.profile(item.text(), s.style);
        if (!title) {
          s.texts++;
          if (s.habits == null) s.habits = new IntCounter(HABIT_MAX_DISTINCT);
          HabitProfiler.profile(item.text(), s.habits);
        }
      }
      if (item.time() != null && !title) addTime(s, item.time());
    }
  }

  /** Whether a message item is its subject line ({@link org.webwatch.ingest.TextItemVisitor#SUBJECT_SUFFIX}). */
  private static boolean isSubject(String item) {
    return item != null && item.endsWith(org.webwatch.ingest.TextItemVisitor.SUBJECT_SUFFIX);
  }

  @Override
  public void activity(AccountKey account, Instant time) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(time, "time");
    State s = state(account);
    synchronized (s) {
      addTime(s, time);
    }
  }

  private static void addTime(State s, Instant time) {
    if (s.hourOfWeek == null) s.hourOfWeek = new float[TimingSimilarity.BINS];
    s.hourOfWeek[TimingSimilarity.bin(time)]++;
    s.events++;
  }

  @Override
  public void identifier(IdentifierOccurrence id) {
    Objects.requireNonNull(id, "identifier");
    if (!id.valid() || id.value() == null || id.value().isBlank()) return;
    String code = evidenceCode(id.type());
    if (code == null) return;
    String value = code.equals("shared-contact") ? id.type().code() + ":" + id.value().toLowerCase(Locale.ROOT)
        : code.equals("shared-email") ? id.value().toLowerCase(Locale.ROOT) : id.value();
    State s = state(id.accountKey());
    synchronized (s) {
      s.values.add(new String[] {code, value, itemRef(id.site(), id.kind(), id.item()), Integer.toString(id.start())});
    }
  }

  private static String itemRef(String site, TextKind kind, String item) {
    return site + "/" + kind.code() + "/" + item;
  }

  /**
   * Evidence code of an identifier type; null for URLs (not personal). An onion counts as a
   * contact (a person's own hidden service); a site's mirror onion is posted by many and is
   * dropped by the frequency cap.
   */
  public static String evidenceCode(IdentifierType type) {
    switch (type) {
      case BTC: return "shared-btc";
      case ETH: return "shared-eth";
      case XMR: return "shared-xmr";
      case EMAIL: return "shared-email";
      case PGP_FINGERPRINT: return "shared-pgp";
      case TELEGRAM: case SESSION: case WICKR: case THREEMA: case ONION: return "shared-contact";
      default: return null;
    }
  }

  @Override
  public void media(MediaResult media) {
    Objects.requireNonNull(media, "media");
    if (media.status() != MediaStatus.NEW || media.contentKey() == null || media.account() == null) return;
    State s = state(media.accountKey());
    synchronized (s) {
      s.values.add(new String[] {"shared-media", media.contentKey(), media.site() + "/post/" + media.post(), "-1"});
    }
  }

  @Override
  public void decision(AccountKey a, AccountKey b, boolean confirmed) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) throw new IllegalArgumentException("a decision needs two different accounts: " + a);
    List<AccountKey> pair = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    synchronized (decisions) {
      decisions.remove(pair); // the latest decision about a pair wins
      decisions.put(pair, confirmed);
    }
  }

  @Override
  public IdentityResult link() {
    Map<List<AccountKey>, Boolean> d;
    synchronized (decisions) {
      d = new LinkedHashMap<>(decisions);
    }
    LinkingPipeline pipeline = new LinkingPipeline(features(), combiner).mutualBest(mutualBest).boostedWeak(boostedWeak).operatingPoint(operatingPoint);
    IdentityResult result = pipeline.run(d);
    lastStats = pipeline.stats();
    return result;
  }

  /**
   * Replaces the learned combiner (default: {@link LogisticCombiner#DEFAULT_RESOURCE}); null links by
   * the evidence rules only. For calibration and tests. Also turns off the bundled boosted
   * weak-pair model, which ranks by the bundled combiner's log-odds (unless
   * {@link #boostedWeak} set one).
   */
  public void combiner(LogisticCombiner model) {
    this.combiner = model;
    if (!boostedWeakSet) this.boostedWeak = null;
  }

  /**
   * Where linking stops on its precision–recall curve (default {@link OperatingPoint#STRICT}: precision first, the
   * boosted model's suggestions go to an analyst; {@link OperatingPoint#BALANCED} merges them too, see docs/identity.md,
   * "Operating points"). Balanced needs the boosted weak-pair stage (on by default); without it, it links as strict.
   */
  public void operatingPoint(OperatingPoint point) {
    if (point == null) throw new IllegalArgumentException("operating point is required");
    this.operatingPoint = point;
  }

  /**
   * Replaces the mutual-best stage (default: {@link MutualBestMatcher#MutualBestMatcher()}, the
   * calibrated floor and gap); null turns it off. For calibration and tests.
   */
  public void mutualBest(MutualBestMatcher matcher) {
    this.mutualBest = matcher;
  }

  /**
   * Replaces the boosted weak-pair stage's model (features {@code WeakPairFeatures.NAMES}; default:
   * the bundled {@code BoostedWeakStage.DEFAULT_RESOURCE} while the bundled combiner is in use);
   * null turns the stage off. See docs/identity.md, "Boosted weak-pair model in Java".
   */
  public void boostedWeak(org.webwatch.identity.internal.BoostedTrees model) {
    this.boostedWeakSet = true;
    this.boostedWeak = model == null ? null : new org.webwatch.identity.internal.BoostedWeakStage(model, MutualBestMatcher.DEFAULT_UNSEEN);
  }

  /** The compact features of everything fed so far (for diagnostics and calibration). */
  public FeatureTable features() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    Map<Integer, Integer> df = new HashMap<>();
    Map<AccountKey, int[]> tops = new HashMap<>();
    Map<Integer, Integer> habitDf = new HashMap<>();
    int[] habitAccounts = {0};
    Map<Integer, Integer> heavyPresence = new HashMap<>();
    int[] heavy = {0};
    List<HabitSlots.Learner> learning = new ArrayList<>(); // any order: HabitSlots.learn does not depend on it
    for (Map.Entry<AccountKey, State> e : accounts.entrySet()) {
      State s = e.getValue();
      synchronized (s) {
        if (s.style != null && s.texts > 0) {
          int[] top = s.style.top(StyleProfiler.TOP_FEATURES);
          tops.put(e.getKey(), top);
          for (int f : top) df.merge(f, 1, Integer::sum);
        }
        if (s.habits != null && s.texts > 0) {
          habitAccounts[0]++;
          s.habits.forEach((m, c) -> habitDf.merge(m, 1, Integer::sum));
          if (s.texts >= HabitTokens.HEAVY_TEXTS) {
            heavy[0]++;
            s.habits.forEach((m, c) -> heavyPresence.merge(m, 1, Integer::sum));
          }
          if (s.texts >= HabitSlots.LEARN_TEXTS) learning.add(new HabitSlots.Learner(s.habits, s.texts));
        }
      }
    }
    java.util.Set<Integer> vocabulary = HabitTokens.vocabulary(heavyPresence, heavy[0]);
    HabitSlots slots = HabitSlots.learn(learning, vocabulary);
    // sorted keys and sorted values: the same input gives the same result whatever the feeding order
    List<AccountKey> keys = new ArrayList<>(accounts.keySet());
    keys.sort(null);
    for (AccountKey key : keys) {
      State s = accounts.get(key);
      synchronized (s) {
        int i = b.account(key, s.username);
        List<String[]> values = new ArrayList<>(s.values);
        values.sort(VALUE_ORDER);
        for (String[] v : values) {
          int[] markers = mentionMarkers.get(v[2]);
          if (markers != null && MentionContext.isMention(markers, Integer.parseInt(v[3]))) continue; // not the writer's
          b.value(i, v[0], v[1], v[2]);
        }
        int[] top = tops.get(key);
        if (top != null) {
          StyleProfiler.StyleVector vec = StyleProfiler.vector(top, s.style, df, tops.size());
          b.style(i, vec.ids(), vec.vals(), s.texts, StyleProfiler.lshFeatures(top, df, tops.size()));
        }
        if (s.habits != null && s.texts > 0) {
          StyleProfiler.StyleVector h = HabitProfiler.vector(s.habits, s.texts, habitDf, habitAccounts[0]);
          b.habits(i, h.ids(), h.vals());
        }
        if (s.hourOfWeek != null) b.timing(i, s.hourOfWeek.clone(), s.events);
        if (s.texts > 0 || s.signOff != 0) {
          int[] reliable = HabitTokens.reliable(s.habits, s.texts, s.signOff, vocabulary);
          b.habitTokens(i, reliable, s.texts > 0 ? HabitTokens.categories(s.habits, s.texts) : null);
          // closing lines, openers and learned variants are read as exclusive slots, not as shared tokens
          int[] repeated = HabitTokens.repeated(reliable, s.habits, s.texts, s.signOff);
          b.repeatedTokens(i, java.util.Arrays.stream(repeated).filter(m -> !slots.isSlotMarker(m)).toArray());
          b.habitSlots(i, slots.values(s.habits, s.texts, s.signOff));
        }
      }
    }
    return b.build();
  }

  /** Counters of the last {@link #link()} (accounts, candidate pairs, links, persons); null before. */
  public LinkingPipeline.Stats lastStats() {
    return lastStats;
  }
}
