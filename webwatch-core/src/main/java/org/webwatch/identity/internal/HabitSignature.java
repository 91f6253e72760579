package org.webwatch.identity.internal;

/**
 * The exclusive habit values of one row (an account, or a pooled provisional person,
 * {@link PooledHabits}) that {@link HabitLikelihood} compares: dominant ending slot, dominant case
 * slot, line breaks (1: in ≥ 90 % of texts, 0: in ≤ 40 %), inferred UTC offset + 12 (0..23); −1
 * where not observed (fewer than {@link HabitTokens#CATEGORY_MIN_TEXTS} texts or
 * {@link HabitLikelihood#OFFSET_MIN_EVENTS} events). O(categories + 168).
 */
final class HabitSignature {
  private HabitSignature() {}

  /** The signature of account {@code i}. */
  static int[] of(FeatureTable t, int i) {
    return of(t.habitCategories[i], t.texts[i], t.timing[i], t.events[i]);
  }

  /** The signature of category shares, a text count, hour-of-week counts and an event count. */
  static int[] of(byte[] c, int texts, float[] timing, int events) {
    int[] v = {-1, -1, -1, -1};
    if (c != null && texts >= HabitTokens.CATEGORY_MIN_TEXTS) {
      int[] d = HabitTokens.dominant(c, texts);
      v[0] = d[0];
      v[1] = d[1];
      int nl = c[HabitTokens.CATEGORY_SLOTS - 1];
      v[2] = nl >= 90 ? 1 : nl <= 40 ? 0 : -1;
    }
    if (timing != null && events >= HabitLikelihood.OFFSET_MIN_EVENTS) v[3] = Math.floorMod(TimingSimilarity.inferredUtcOffset(timing) + 12, 24);
    return v;
  }
}
