package org.webwatch.identity.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The habit inputs of provisional persons ({@link LinkingPipeline#provisionalPersons}): the accounts
 * of one person pooled into the row of its root account, so a light account is weighed against
 * everything its candidate partner's person wrote (a writer shows more of their habits over more
 * texts). Pooled: text counts and hour-of-week events are summed, category shares weighted by
 * texts, repeated habit tokens united, each exclusive slot ({@link HabitSlots}) the value most of
 * the person's accounts show (none on a tie). A person of one account keeps its account's row
 * unchanged. Rows of non-root accounts are empty. O(n + tokens + slots).
 */
final class PooledHabits {
  /** Per row: signature ({@link HabitLikelihood#signature(int)} order). */
  final int[][] value;
  final int[] texts;
  final int[][] tokens;
  final int[][] slots;
  /** Per row: hour-of-week event counts, or null. */
  final float[][] timing;

  private PooledHabits(int n) {
    value = new int[n][];
    texts = new int[n];
    tokens = new int[n][];
    slots = new int[n][];
    timing = new float[n][];
  }

  /** @param group root account of each account's person (a root is its own root) */
  static PooledHabits of(FeatureTable t, int[] group) {
    int n = t.size();
    if (group == null || group.length != n) throw new IllegalArgumentException("one group per account");
    int[] members = new int[n];
    for (int i = 0; i < n; i++) {
      if (group[i] < 0 || group[i] >= n || group[group[i]] != group[i]) throw new IllegalArgumentException("group " + group[i] + " of account " + i + " is not a root");
      members[group[i]]++;
    }
    int[][] of = new int[n][];
    int[] fill = new int[n];
    for (int i = 0; i < n; i++) if (members[group[i]] > 1) {
      int g = group[i];
      if (of[g] == null) of[g] = new int[members[g]];
      of[g][fill[g]++] = i;
    }
    PooledHabits p = new PooledHabits(n);
    for (int g = 0; g < n; g++) {
      if (members[g] == 0) continue;
      if (members[g] == 1) {
        p.value[g] = HabitSignature.of(t, g);
        p.texts[g] = t.texts[g];
        p.tokens[g] = t.repeatedTokens[g];
        p.slots[g] = t.habitSlots[g];
        p.timing[g] = t.timing[g];
      } else {
        p.pool(t, g, of[g]);
      }
    }
    return p;
  }

  private void pool(FeatureTable t, int g, int[] accounts) {
    double[] share = new double[HabitTokens.CATEGORY_SLOTS];
    int textCount = 0;
    float[] hours = null;
    int events = 0;
    TreeSet<Integer> union = new TreeSet<>();
    boolean anyTokens = false;
    int width = 0;
    for (int i : accounts) {
      byte[] c = t.habitCategories[i];
      if (c != null) for (int k = 0; k < share.length; k++) share[k] += c[k] * (double) t.texts[i];
      textCount += t.texts[i];
      if (t.timing[i] != null) {
        if (hours == null) hours = new float[t.timing[i].length];
        for (int b = 0; b < hours.length; b++) hours[b] += t.timing[i][b];
        events += t.events[i];
      }
      if (t.repeatedTokens[i] != null) {
        anyTokens = true;
        for (int x : t.repeatedTokens[i]) union.add(x);
      }
      if (t.habitSlots[i] != null) width = Math.max(width, t.habitSlots[i].length);
    }
    byte[] categories = null;
    if (textCount > 0) {
      categories = new byte[share.length];
      for (int k = 0; k < share.length; k++) categories[k] = (byte) Math.round(share[k] / textCount);
    }
    value[g] = HabitSignature.of(categories, textCount, hours, events);
    texts[g] = textCount;
    tokens[g] = anyTokens ? union.stream().mapToInt(Integer::intValue).toArray() : null;
    timing[g] = hours;
    slots[g] = width == 0 ? null : majority(t, accounts, width);
  }

  /** Per slot: the value most of the accounts show, −1 where none shows one or the leaders tie. */
  private static int[] majority(FeatureTable t, int[] accounts, int width) {
    int[] out = new int[width];
    Arrays.fill(out, -1);
    for (int k = 0; k < width; k++) {
      Map<Integer, Integer> count = new HashMap<>();
      for (int i : accounts) {
        int[] s = t.habitSlots[i];
        if (s != null && k < s.length && s[k] >= 0) count.merge(s[k], 1, Integer::sum);
      }
      int best = 0;
      for (Map.Entry<Integer, Integer> e : count.entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          out[k] = e.getKey();
        } else if (e.getValue() == best) {
          out[k] = -1;
        }
      }
    }
    return out;
  }
}
