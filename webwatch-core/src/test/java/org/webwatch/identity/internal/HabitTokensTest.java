package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HabitTokensTest {
  private static IntCounter counts(List<String> texts) {
    IntCounter c = new IntCounter(4096);
    for (String t : texts) HabitProfiler.profile(t, c);
    return c;
  }

  private static int word(String w) {
    for (int m : HabitProfiler.markers(w)) if (HabitProfiler.isWord(m)) return m;
    throw new AssertionError("no word in " + w);
  }

  private static boolean has(int[] tokens, String text) {
    for (int m : HabitProfiler.markers(text)) if (HabitProfiler.isWord(m) && Arrays.binarySearch(tokens, m) >= 0) return true;
    return false;
  }

  @Test
  void reliableTokensNeedAShareOfTextsAndSkipVocabulary() {
    List<String> texts = List.of("teh mirror is slow lol", "teh forum is down lol", "mirror works again lol", "new theme is ok lol",
        "zebra crossing lol");
    IntCounter c = counts(texts);
    int teh = word("teh");
    int mirror = word("mirror");
    int zebra = word("zebra");
    int[] r = HabitTokens.reliable(c, texts.size(), 0, Set.of());
    assertThat(r).contains(teh, mirror); // 2 of 5 texts = 40 % >= 20 %
    assertThat(r).contains(zebra); // 1 of 5 = 20 %: just enough
    int[] ten = HabitTokens.reliable(counts(List.of("zebra a", "b", "c", "d", "e", "f", "g", "h", "i", "j")), 10, 0, Set.of());
    assertThat(has(ten, "zebra")).isFalse(); // 1 of 10 texts is chance, not habit
    // vocabulary (present in most heavy accounts) is never a habit
    int[] v = HabitTokens.reliable(c, texts.size(), 0, Set.of(mirror));
    assertThat(v).contains(teh).doesNotContain(mirror);
    // the signature sign-off counts even without texts, once
    int so = HabitProfiler.signOffMarker("cheers | PGP: ABCD", "wolf");
    assertThat(HabitTokens.reliable(null, 0, so, Set.of())).containsExactly(so);
    assertThat(HabitTokens.reliable(null, 0, 0, Set.of())).isEmpty();
  }

  @Test
  void repeatedTokensRecurAcrossTextsAndKeepTheSignatureSignOff() {
    List<String> texts = List.of("teh mirror is slow lol", "teh forum is down lol", "mirror works again lol", "new theme is ok lol",
        "zebra crossing lol");
    IntCounter c = counts(texts);
    int so = HabitProfiler.signOffMarker("cheers | PGP: ABCD", "wolf");
    int[] reliable = HabitTokens.reliable(c, texts.size(), so, Set.of());
    int[] rep = HabitTokens.repeated(reliable, c, texts.size(), so);
    // 5 texts: a repeated token needs 3 of them; teh and mirror (2 each) and zebra (1) are only reliable
    assertThat(rep).contains(so).doesNotContain(word("teh"), word("mirror"), word("zebra"));
    List<String> three = List.of("teh mirror lol", "teh forum lol", "zebra again");
    IntCounter c3 = counts(three);
    int[] rep3 = HabitTokens.repeated(HabitTokens.reliable(c3, 3, 0, Set.of()), c3, 3, 0);
    // 3 texts: 2 of them suffice; a word of one text (a shared template sentence) never does
    assertThat(rep3).contains(word("teh")).doesNotContain(word("zebra"), word("mirror"));
  }

  @Test
  void vocabularyIsWhatMostHeavyAccountsWrite() {
    Map<Integer, Integer> presence = new HashMap<>(Map.of(1, 30, 2, 3, 3, 10));
    assertThat(HabitTokens.vocabulary(presence, 30)).containsExactlyInAnyOrder(1, 3); // 10/30 > 0.3
    assertThat(HabitTokens.vocabulary(presence, HabitTokens.MIN_HEAVY_ACCOUNTS - 1)).isEmpty(); // too few to know
  }

  @Test
  void pruneDropsCommonTokensAndKeepsTheRarest() {
    int word = word("zebra");
    int[] tokens = {5, 6, word};
    Arrays.sort(tokens);
    Map<Integer, Integer> df = Map.of(5, 60, 6, 2, word, 30);
    // 5 is held by 60 % (> 50 %), the word by 30 % (> 20 % for words)
    assertThat(HabitTokens.prune(tokens, df::get, 100)).containsExactly(6);
    int[] many = new int[HabitTokens.MAX_TOKENS + 5];
    for (int i = 0; i < many.length; i++) many[i] = 100 + i;
    int[] kept = HabitTokens.prune(many, m -> m - 99, 1000); // token 100 rarest (df 1)
    assertThat(kept).hasSize(HabitTokens.MAX_TOKENS).contains(100).doesNotContain(many[many.length - 1]);
  }

  @Test
  void contradictionNeedsWellObservedDifferentDominantHabits() {
    List<String> dots = List.of("The mirror is slow...", "The forum is down...", "Works again...", "New theme...", "Fine...",
        "Sure...", "Nope...", "Later...");
    List<String> plain = List.of("the mirror is slow", "the forum is down", "works again", "new theme", "fine", "sure", "nope", "later");
    byte[] a = HabitTokens.categories(counts(dots), dots.size());
    byte[] a2 = HabitTokens.categories(counts(dots.subList(0, 8)), 8);
    byte[] b = HabitTokens.categories(counts(plain), plain.size());
    assertThat(a[HabitProfiler.ENDINGS.indexOf("...")]).isEqualTo((byte) 100);
    // ending and case both differ: 2 of 3 categories, fully observed
    assertThat(HabitTokens.contradiction(a, 8, b, 8)).isEqualTo(2.0);
    assertThat(HabitTokens.contradiction(a, 8, a2, 8)).isZero();
    // half observed at 4 texts, nothing below 3
    assertThat(HabitTokens.contradiction(a, 4, b, 4)).isEqualTo(1.0);
    assertThat(HabitTokens.contradiction(a, 2, b, 8)).isZero();
    assertThat(HabitTokens.contradiction(null, 8, b, 8)).isZero();
  }

  @Test
  void sharedIdfAndWeightedJaccard() {
    float[] idf = {1f, 2f, 3f, 4f};
    assertThat(HabitTokens.sharedIdf(new int[] {0, 2, 3}, new int[] {1, 2, 3}, idf)).isEqualTo(7.0);
    assertThat(HabitTokens.weightedJaccard(new int[] {0, 2, 3}, new int[] {1, 2, 3}, idf)).isEqualTo(7.0 / 10.0);
    assertThat(HabitTokens.weightedJaccard(new int[] {0}, new int[] {1}, idf)).isZero();
    assertThat(HabitTokens.sharedIdf(null, new int[] {1}, idf)).isZero();
  }
}
