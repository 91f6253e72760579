package org.webwatch.identity.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Candidate generation for the {@link LinkingPipeline}: never all pairs. Blocks on shared
 * identifier values, username keys ({@link UsernameSimilarity#blockingKeys}, oversized blocks
 * split by second keys), style (every two profiled accounts below
 * {@link #EXHAUSTIVE_STYLE_LIMIT}, MinHash LSH above) and habit combinations
 * ({@link HabitBlocker}). O(n + Σ block²) with every block capped.
 */
final class CandidatePairs {
  /** Accounts per username block before the block is skipped as too common. */
  public static final int USERNAME_BLOCK_CAP = 40;
  /** Accounts per MinHash bucket before the bucket is skipped. */
  public static final int STYLE_BUCKET_CAP = 40;
  /**
   * Below this many style-profiled accounts, every two of them are compared directly (at most
   * ~1.1M cheap comparisons); above, MinHash LSH picks style candidates.
   */
  public static final int EXHAUSTIVE_STYLE_LIMIT = 1500;
  private final FeatureTable t;

  CandidatePairs(FeatureTable table) {
    this.t = table;
  }

  /** Per account: accounts sharing its username stem. */
  int[] stemFrequency() {
    Map<String, Integer> counts = new HashMap<>();
    for (String s : t.stems) counts.merge(s, 1, Integer::sum);
    int[] f = new int[t.size()];
    for (int i = 0; i < f.length; i++) f[i] = counts.get(t.stems[i]);
    return f;
  }

  /** Adds every candidate pair to {@code out}; returns the blocks skipped as oversized. */
  long generate(PairSet out) {
    Blocker values = new Blocker(PairScorer.MAX_VALUE_ACCOUNTS);
    Blocker names = new Blocker(USERNAME_BLOCK_CAP);
    Blocker style = new Blocker(STYLE_BUCKET_CAP);
    int[] profiled = IntStream.range(0, t.size())
        .filter(i -> t.lshFeatures[i] != null && t.texts[i] >= PairScorer.STYLE_MIN_TEXTS).toArray();
    boolean exhaustive = profiled.length <= EXHAUSTIVE_STYLE_LIMIT;
    if (exhaustive) for (int x = 0; x < profiled.length; x++) for (int y = x + 1; y < profiled.length; y++) out.add(profiled[x], profiled[y]);
    for (int i = 0; i < t.size(); i++) {
      for (int v : t.values[i]) values.add(PairKeys.mix(v + 1L) >>> Blocker.ACCOUNT_BITS, i);
      for (String k : UsernameSimilarity.blockingKeys(t.stems[i])) names.add(PairKeys.hash(k) >>> Blocker.ACCOUNT_BITS, i);
      if (!exhaustive && t.lshFeatures[i] != null && t.texts[i] >= PairScorer.STYLE_MIN_TEXTS) MinHashLsh.addBands(i, t.lshFeatures[i], style);
    }
    values.emit(out);
    LongList oversizedNames = new LongList();
    names.emit(out, oversizedNames);
    style.emit(out);
    Blocker split = splitOversizedNames(oversizedNames);
    split.emit(out);
    Blocker habits = habitBlocks();
    habits.emit(out);
    return values.oversizedBlocks() + split.oversizedBlocks() + style.oversizedBlocks() + habits.oversizedBlocks();
  }

  /**
   * Cross-site pairs of light accounts agreeing on a combination of exclusive values one person keeps
   * ({@link HabitSlots}: sign-off, favourite opener, spelling variants held; the dominant ending, case and line
   * breaks; the inferred UTC offset), combined by frequency as {@link HabitBlocker} combines tokens, so blocks stay
   * small at any size. Not candidates by themselves: the caller admits those whose habit likelihood is high (they
   * would otherwise be rivals hiding name-linked pairs; docs/identity.md, "Session 10"). Distinct, ascending.
   */
  long[] slotPairs() {
    Blocker blocks = new Blocker(HabitBlocker.BLOCK_CAP);
    int n = t.size();
    Map<Long, Integer> code = new HashMap<>();
    int[][] codes = new int[n][];
    int eligible = 0;
    for (int i = 0; i < n; i++) {
      if (t.texts[i] < HabitBlocker.MIN_TEXTS) continue;
      LongList values = new LongList();
      int[] d = HabitTokens.dominant(t.habitCategories[i], t.texts[i]);
      for (int k = 0; k < d.length; k++) if (d[k] >= 0) values.add(((long) k << 32) | d[k]);
      int off = offsetCode(i);
      if (off >= 0) values.add((3L << 32) | off);
      int[] slot = t.habitSlots[i];
      if (slot != null) {
        for (int k = 0; k < slot.length; k++) {
          boolean shown = k < HabitSlots.FIXED_SLOTS ? slot[k] != -1 : slot[k] == HabitSlots.HAS; // lacking a variant is everyone's
          if (shown) values.add(((4L + k) << 32) | (slot[k] & 0xffffffffL));
        }
      }
      if (values.size() < 2) continue;
      eligible++;
      codes[i] = new int[values.size()];
      for (int k = 0; k < values.size(); k++) codes[i][k] = code.computeIfAbsent(values.get(k), x -> code.size());
    }
    if (eligible == 0) return new long[0];
    int[] df = new int[code.size()];
    for (int[] c : codes) if (c != null) for (int x : c) df[x]++;
    HabitBlocker blocker = new HabitBlocker(eligible);
    for (int i = 0; i < n; i++) {
      if (codes[i] == null) continue;
      int[] f = new int[codes[i].length];
      for (int k = 0; k < f.length; k++) f[k] = df[codes[i][k]];
      blocker.addKeys(i, codes[i], f, blocks);
    }
    PairSet out = new PairSet();
    blocks.emit(out);
    return out.distinct();
  }

  /** Candidate pairs proposed by habit combinations alone ({@link HabitBlocker}; for diagnostics). */
  long[] habitPairs() {
    PairSet out = new PairSet();
    habitBlocks().emit(out);
    return out.distinct();
  }

  /** Offset code of account {@code i} as a habit pseudo-token (after the dense token ids), or -1 without enough events. */
  private int offsetCode(int i) {
    if (t.timing[i] == null || t.events[i] < PairScorer.TIMING_MIN_EVENTS) return -1;
    return t.tokenIdf.length + 12 + TimingSimilarity.inferredUtcOffset(t.timing[i]);
  }

  private Blocker habitBlocks() {
    int n = t.size();
    int[] offsetDf = new int[25];
    int[] offset = new int[n];
    int holders = 0;
    for (int i = 0; i < n; i++) {
      offset[i] = offsetCode(i);
      if (offset[i] >= 0) offsetDf[offset[i] - t.tokenIdf.length]++;
      if (t.tokens[i] != null) holders++;
    }
    Blocker habits = new Blocker(HabitBlocker.BLOCK_CAP);
    HabitBlocker blocker = new HabitBlocker(Math.max(1, holders));
    for (int i = 0; i < n; i++) {
      int[] tok = t.tokens[i];
      if (tok == null || t.texts[i] < HabitBlocker.MIN_TEXTS) continue;
      int k = tok.length + (offset[i] >= 0 ? 1 : 0);
      int[] codes = java.util.Arrays.copyOf(tok, k);
      int[] df = new int[k];
      for (int j = 0; j < tok.length; j++) df[j] = t.tokenDf[tok[j]];
      if (offset[i] >= 0) {
        codes[k - 1] = offset[i];
        df[k - 1] = offsetDf[offset[i] - t.tokenIdf.length];
      }
      blocker.addKeys(i, codes, df, habits);
    }
    return habits;
  }

  /**
   * Username blocks too large to pair out (a stem shared by more than the cap, common at 100k+
   * accounts) are split by second keys that one person keeps across sites: the dominant
   * sentence ending, the inferred UTC offset and the two rarest habit tokens. Accounts without
   * any (no texts, no activity) stay unpaired, as before.
   */
  private Blocker splitOversizedNames(LongList oversized) {
    Blocker split = new Blocker(USERNAME_BLOCK_CAP);
    if (oversized.size() == 0) return split;
    Set<Long> big = new HashSet<>();
    for (int k = 0; k < oversized.size(); k++) big.add(oversized.get(k));
    for (int i = 0; i < t.size(); i++) {
      long[] second = null; // computed only for accounts in an oversized block (the few at small scale)
      for (String k : UsernameSimilarity.blockingKeys(t.stems[i])) {
        long nk = PairKeys.hash(k) >>> Blocker.ACCOUNT_BITS;
        if (!big.contains(nk)) continue;
        if (second == null) second = secondKeys(i);
        for (long s : second) split.add(PairKeys.mix(nk * 0x9e3779b97f4a7c15L ^ s) >>> Blocker.ACCOUNT_BITS, i);
      }
    }
    return split;
  }

  private long[] secondKeys(int i) {
    LongList keys = new LongList();
    int ending = HabitTokens.dominant(t.habitCategories[i], t.texts[i])[0];
    if (ending >= 0) keys.add(1000L + ending);
    int off = offsetCode(i);
    if (off >= 0) keys.add(2000L + off);
    int[] tok = t.tokens[i];
    if (tok != null && t.texts[i] >= HabitBlocker.MIN_TEXTS) {
      int[] rare = java.util.Arrays.stream(tok).boxed().filter(x -> t.tokenDf[x] >= 2)
          .sorted((x, y) -> t.tokenDf[x] != t.tokenDf[y] ? Integer.compare(t.tokenDf[x], t.tokenDf[y]) : Integer.compare(x, y))
          .limit(2).mapToInt(Integer::intValue).toArray();
      for (int x : rare) keys.add(1_000_000L + x);
    }
    return keys.toArray();
  }
}
