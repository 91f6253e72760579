package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.model.AccountKey;

/**
 * Compact, index-addressed linking features of all accounts: what the linking pipeline reads.
 * Accounts are indexed in {@link AccountKey} order so every run over the same input is
 * identical. Shared values (identifiers, new-media keys) are interned to int ids with their
 * type code; per (account, value) the first {@link #MAX_ITEMS_PER_VALUE} supporting items are
 * kept for explanations. Built by {@link Builder}; the benchmark fills it with synthetic data.
 */
public final class FeatureTable {
  public static final int MAX_ITEMS_PER_VALUE = 3;

  final AccountKey[] keys;
  final int[] site;
  final String[] usernames;
  final String[] stems;
  final int[][] values;
  final String[] valueCode;
  final String[] valueText;
  final int[] valueAccounts;
  final int[] valueSites;
  final Map<Long, List<String>> valueItems;
  final int[][] styleIds;
  final float[][] styleVals;
  final int[][] habitIds;
  final float[][] habitVals;
  final int[] texts;
  final int[][] lshFeatures;
  final float[][] timing;
  final int[] events;
  /** Reliable habit tokens per account ({@link HabitTokens}), as sorted dense token indexes; null: none. */
  final int[][] tokens;
  /**
   * The account's {@link #tokens} it shows REPEATEDLY ({@link HabitTokens#repeated}), as sorted
   * dense token indexes; null: none fed. Words of one shared template text are not among them.
   */
  final int[][] repeatedTokens;
  /** Per dense token: {@code ln(N/df)} over the N accounts with tokens. */
  final float[] tokenIdf;
  /** Per dense token: accounts holding it. */
  final int[] tokenDf;
  /** Category shares per account ({@link HabitTokens#categories}); null: no texts. */
  final byte[][] habitCategories;
  /** Exclusive habit slot values per account ({@link HabitSlots#values}); null: none fed. */
  final int[][] habitSlots;
  /** Per category slot: {@code ln(N/n)}, n of the N observed accounts having it as dominant value ({@link HabitTokens#dominant}). */
  final float[] slotIdf;

  private FeatureTable(Builder b, AccountKey[] keys, int[] order) {
    int n = keys.length;
    this.keys = keys;
    this.site = new int[n];
    this.usernames = new String[n];
    this.stems = new String[n];
    this.values = new int[n][];
    this.styleIds = new int[n][];
    this.styleVals = new float[n][];
    this.habitIds = new int[n][];
    this.habitVals = new float[n][];
    this.texts = new int[n];
    this.lshFeatures = new int[n][];
    this.timing = new float[n][];
    this.events = new int[n];
    this.habitSlots = new int[n][];
    Map<String, Integer> siteIds = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int src = order[i];
      site[i] = siteIds.computeIfAbsent(keys[i].site(), s -> siteIds.size());
      usernames[i] = b.usernames.get(src);
      stems[i] = UsernameSimilarity.stem(usernames[i]);
      int[] v = b.values.get(src);
      values[i] = v == null ? new int[0] : v;
      styleIds[i] = b.styleIds.get(src);
      styleVals[i] = b.styleVals.get(src);
      habitIds[i] = b.habitIds.get(src);
      habitVals[i] = b.habitVals.get(src);
      texts[i] = b.texts.get(src);
      lshFeatures[i] = b.lshFeatures.get(src);
      timing[i] = b.timing.get(src);
      events[i] = b.events.get(src);
      habitSlots[i] = b.habitSlots.get(src);
    }
    int[] srcToDst = new int[n];
    for (int i = 0; i < n; i++) srcToDst[order[i]] = i;
    valueItems = new HashMap<>();
    b.valueItems.forEach((k, items) -> valueItems.put(((long) srcToDst[(int) (k >>> 32)] << 32) | (k & 0xffffffffL), items));
    valueCode = b.valueCode.toArray(new String[0]);
    valueText = b.valueText.toArray(new String[0]);
    valueAccounts = new int[valueCode.length];
    valueSites = new int[valueCode.length];
    // distinct accounts and sites per value: a value shared by many is no evidence of one person
    int[] lastAccount = new int[valueCode.length];
    Arrays.fill(lastAccount, -1);
    Map<Integer, java.util.BitSet> sitesOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (int v : values[i]) {
        if (lastAccount[v] != i) {
          lastAccount[v] = i;
          valueAccounts[v]++;
          sitesOf.computeIfAbsent(v, x -> new java.util.BitSet()).set(site[i]);
        }
      }
    }
    sitesOf.forEach((v, bits) -> valueSites[v] = bits.cardinality());
    this.habitCategories = new byte[n][];
    int[][] raw = new int[n][];
    Map<Integer, Integer> df = new HashMap<>();
    int holders = 0;
    for (int i = 0; i < n; i++) {
      habitCategories[i] = b.habitCategories.get(order[i]);
      raw[i] = b.tokens.get(order[i]);
      if (raw[i] == null || raw[i].length == 0) continue;
      holders++;
      for (int m : raw[i]) df.merge(m, 1, Integer::sum);
    }
    // dense token ids in marker order, so the same input gives the same ids
    Map<Integer, Integer> dense = new HashMap<>();
    this.tokens = new int[n][];
    this.repeatedTokens = new int[n][];
    final int accountsWithTokens = holders;
    for (int i = 0; i < n; i++) {
      if (raw[i] == null || raw[i].length == 0) continue;
      int[] kept = HabitTokens.prune(raw[i], m -> df.get(m), accountsWithTokens);
      int[] d = new int[kept.length];
      for (int k = 0; k < kept.length; k++) d[k] = dense.computeIfAbsent(kept[k], m -> dense.size());
      Arrays.sort(d);
      tokens[i] = d;
      int[] rep = b.repeatedTokens.get(order[i]);
      if (rep != null) {
        repeatedTokens[i] = Arrays.stream(rep).filter(m -> Arrays.binarySearch(kept, m) >= 0).map(dense::get).sorted().toArray();
      }
    }
    int[] slotCount = new int[HabitTokens.CATEGORY_SLOTS];
    int observed = 0;
    for (int i = 0; i < n; i++) {
      if (habitCategories[i] == null || texts[i] < HabitTokens.CATEGORY_MIN_TEXTS) continue;
      observed++;
      for (int k : HabitTokens.dominant(habitCategories[i], texts[i])) if (k >= 0) slotCount[k]++;
    }
    this.slotIdf = new float[HabitTokens.CATEGORY_SLOTS];
    for (int k = 0; k < slotIdf.length; k++) slotIdf[k] = slotCount[k] == 0 ? 0f : (float) Math.log((double) observed / slotCount[k]);
    this.tokenIdf = new float[dense.size()];
    this.tokenDf = new int[dense.size()];
    dense.forEach((m, d) -> {
      tokenDf[d] = df.get(m);
      tokenIdf[d] = (float) Math.log((double) accountsWithTokens / df.get(m));
    });
  }

  public int size() {
    return keys.length;
  }

  public AccountKey key(int i) {
    return keys[i];
  }

  /** Texts (posts and messages) behind account {@code i}'s style profile. */
  public int texts(int i) {
    return texts[i];
  }

  /** Timed events (posts and messages, not titles) behind account {@code i}'s hour-of-week profile. */
  public int events(int i) {
    return events[i];
  }

  public String stem(int i) {
    return stems[i];
  }

  /** Accumulates accounts in any order; {@link #build()} sorts them by key. */
  public static final class Builder {
    private final Map<AccountKey, Integer> index = new HashMap<>();
    private final List<AccountKey> keys = new ArrayList<>();
    private final List<String> usernames = new ArrayList<>();
    private final List<int[]> values = new ArrayList<>();
    private final List<int[]> styleIds = new ArrayList<>();
    private final List<float[]> styleVals = new ArrayList<>();
    private final List<int[]> habitIds = new ArrayList<>();
    private final List<float[]> habitVals = new ArrayList<>();
    private final List<Integer> texts = new ArrayList<>();
    private final List<int[]> lshFeatures = new ArrayList<>();
    private final List<float[]> timing = new ArrayList<>();
    private final List<Integer> events = new ArrayList<>();
    private final List<int[]> tokens = new ArrayList<>();
    private final List<byte[]> habitCategories = new ArrayList<>();
    private final List<int[]> repeatedTokens = new ArrayList<>();
    private final List<int[]> habitSlots = new ArrayList<>();
    private final Map<String, Integer> valueIds = new HashMap<>();
    private final List<String> valueCode = new ArrayList<>();
    private final List<String> valueText = new ArrayList<>();
    private final Map<Long, List<String>> valueItems = new HashMap<>();

    /** Adds an account (or returns its index when already added). */
    public int account(AccountKey key, String username) {
      Integer existing = index.get(key);
      if (existing != null) {
        if (username != null) usernames.set(existing, username);
        return existing;
      }
      int i = keys.size();
      index.put(key, i);
      keys.add(key);
      usernames.add(username);
      values.add(null);
      styleIds.add(null);
      styleVals.add(null);
      habitIds.add(null);
      habitVals.add(null);
      texts.add(0);
      lshFeatures.add(null);
      timing.add(null);
      events.add(0);
      tokens.add(null);
      habitCategories.add(null);
      repeatedTokens.add(null);
      habitSlots.add(null);
      return i;
    }

    /** A shared value (identifier or new-media key) of an evidence {@code code}, seen in {@code item}. */
    public void value(int account, String code, String value, String item) {
      String k = code + '\u0000' + value;
      int id = valueIds.computeIfAbsent(k, x -> {
        valueCode.add(code);
        valueText.add(value);
        return valueCode.size() - 1;
      });
      int[] cur = values.get(account);
      if (cur == null) {
        values.set(account, new int[] {id});
      } else if (Arrays.binarySearch(cur, id) < 0) {
        int[] next = Arrays.copyOf(cur, cur.length + 1);
        next[cur.length] = id;
        Arrays.sort(next);
        values.set(account, next);
      }
      if (item != null) {
        List<String> items = valueItems.computeIfAbsent(((long) account << 32) | id, x -> new ArrayList<>());
        // keep the smallest item names, so the explanation does not depend on feeding order
        if (!items.contains(item)) {
          items.add(item);
          items.sort(null);
          if (items.size() > MAX_ITEMS_PER_VALUE) items.remove(items.size() - 1);
        }
      }
    }

    /**
     * The style vector of an account, the number of texts behind it, and the features MinHash
     * buckets it by (its most frequent features that are not common to many accounts).
     */
    public void style(int account, int[] ids, float[] vals, int textCount, int[] lsh) {
      if (ids.length != vals.length) throw new IllegalArgumentException("ids and vals differ in length");
      lshFeatures.set(account, lsh);
      styleIds.set(account, ids);
      styleVals.set(account, vals);
      texts.set(account, textCount);
    }

    /** The writing-habit vector of an account ({@link HabitProfiler#vector}). */
    public void habits(int account, int[] ids, float[] vals) {
      if (ids.length != vals.length) throw new IllegalArgumentException("ids and vals differ in length");
      habitIds.set(account, ids);
      habitVals.set(account, vals);
    }

    /**
     * The reliable habit tokens of an account ({@link HabitTokens#reliable}: marker ids) and its
     * category shares ({@link HabitTokens#categories}; null when it has no texts).
     */
    public void habitTokens(int account, int[] markers, byte[] categories) {
      if (categories != null && categories.length != HabitTokens.CATEGORY_SLOTS) {
        throw new IllegalArgumentException("need " + HabitTokens.CATEGORY_SLOTS + " category shares");
      }
      tokens.set(account, markers);
      habitCategories.set(account, categories);
    }

    /**
     * The markers among an account's reliable tokens that it shows repeatedly ({@link HabitTokens#repeated});
     * only those that survive pruning into {@link #habitTokens} count.
     */
    public void repeatedTokens(int account, int[] markers) {
      repeatedTokens.set(account, markers == null ? null : markers.clone());
    }

    /** The exclusive habit slot values of an account ({@link HabitSlots#values}; −1 where not shown). */
    public void habitSlots(int account, int[] values) {
      habitSlots.set(account, values == null ? null : values.clone());
    }

    public void timing(int account, float[] hourOfWeek, int eventCount) {
      if (hourOfWeek.length != TimingSimilarity.BINS) throw new IllegalArgumentException("need 168 bins");
      timing.set(account, hourOfWeek);
      events.set(account, eventCount);
    }

    public int size() {
      return keys.size();
    }

    public FeatureTable build() {
      Integer[] order = new Integer[keys.size()];
      for (int i = 0; i < order.length; i++) order[i] = i;
      Arrays.sort(order, (x, y) -> keys.get(x).compareTo(keys.get(y)));
      AccountKey[] sorted = new AccountKey[order.length];
      int[] ord = new int[order.length];
      for (int i = 0; i < order.length; i++) {
        ord[i] = order[i];
        sorted[i] = keys.get(order[i]);
      }
      return new FeatureTable(this, sorted, ord);
    }
  }
}
