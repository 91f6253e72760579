package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HabitSlotsTest {
  private static final int TEXTS = 12;

  /** The word marker of a single word. */
  private static int word(String w) {
    return java.util.Arrays.stream(HabitProfiler.markers(w)).filter(HabitProfiler::isWord).findFirst().orElseThrow();
  }

  private static IntCounter profile(String... texts) {
    IntCounter c = new IntCounter(4096);
    for (String t : texts) HabitProfiler.profile(t, c);
    return c;
  }

  /** {@code n} writers of {@code TEXTS} texts each: "teh" writers never write "the"; everyone writes "it was fine". */
  private static List<HabitSlots.Learner> learners(int plain, int misspelling) {
    List<HabitSlots.Learner> out = new ArrayList<>();
    for (int i = 0; i < plain + misspelling; i++) {
      String article = i < plain ? "the" : "teh";
      String[] texts = new String[TEXTS];
      for (int k = 0; k < TEXTS; k++) texts[k] = "I read " + article + " manual " + k + ". It was fine.";
      out.add(new HabitSlots.Learner(profile(texts), TEXTS));
    }
    return out;
  }

  @Test
  void aWordItsWritersUseInsteadOfACommonOneIsLearned() {
    HabitSlots s = HabitSlots.learn(learners(50, 10), Set.of());
    assertThat(s.variants()).containsExactly(new HabitSlots.Variant(word("teh"), word("the")));
    assertThat(s.slots()).isEqualTo(HabitSlots.FIXED_SLOTS + 1);
    assertThat(s.isSlotMarker(word("teh"))).isTrue();
    assertThat(s.isSlotMarker(word("manual"))).isFalse();
  }

  @Test
  void nothingIsLearnedFromTooFewWritersOrTooFewHolders() {
    assertThat(HabitSlots.learn(learners(40, 9), Set.of()).variants()).isEmpty(); // 49 learners
    assertThat(HabitSlots.learn(learners(60, HabitSlots.MIN_HOLDERS - 1), Set.of()).variants()).isEmpty();
    // a misspelling most writers share is the forum's spelling, not a habit
    assertThat(HabitSlots.learn(learners(30, 30), Set.of()).variants()).isEmpty();
  }

  @Test
  void theLearnedVariantsDoNotDependOnTheOrderOfTheWriters() {
    List<HabitSlots.Learner> l = learners(50, 10);
    HabitSlots a = HabitSlots.learn(l, Set.of());
    Collections.shuffle(l, new java.util.Random(7));
    assertThat(HabitSlots.learn(l, Set.of()).variants()).isEqualTo(a.variants());
  }

  @Test
  void anAccountHasLacksOrDoesNotShowEachVariant() {
    HabitSlots s = HabitSlots.learn(learners(50, 10), Set.of());
    int v = HabitSlots.FIXED_SLOTS;
    // one quoted "the" does not hide a habit shown in three texts
    assertThat(s.values(profile("teh a", "teh b", "teh c", "the d"), 4, 0)[v]).isEqualTo(HabitSlots.HAS);
    assertThat(s.values(profile("the a", "b"), 2, 0)[v]).isEqualTo(HabitSlots.LACKS);
    assertThat(s.values(profile("a", "b"), 2, 0)[v]).isEqualTo(-1);
    assertThat(s.values(profile("teh a", "the b"), 2, 0)[v]).isEqualTo(-1);
    assertThat(s.values(null, 0, 0)).containsOnly(-1);
  }

  @Test
  void theSignOffIsTheSignaturesElseARecurringOrOneLineWritersClosingLine() {
    HabitSlots s = HabitSlots.learn(List.of(), Set.of());
    int cheers = HabitProfiler.signOffMarker("cheers", "wolf");
    int peace = HabitProfiler.signOffMarker("peace", "wolf");
    assertThat(s.values(profile("it works.\ncheers", "no idea."), 2, peace)[HabitSlots.SIGN_OFF]).isEqualTo(peace);
    assertThat(s.values(profile("it works.\ncheers", "no idea."), 2, 0)[HabitSlots.SIGN_OFF]).isEqualTo(cheers);
    // a writer who breaks every text into lines ends with a short sentence by chance: it must recur
    assertThat(s.values(profile("it works.\nagreed.", "no idea.\nsame here."), 2, 0)[HabitSlots.SIGN_OFF]).isEqualTo(-1);
    assertThat(s.values(profile("it works.\ncheers", "no idea.\ncheers"), 2, 0)[HabitSlots.SIGN_OFF]).isEqualTo(cheers);
  }

  @Test
  void theOpenerIsTheMostFrequentOneShownTwiceButNeverVocabularyOrAMisspelling() {
    HabitSlots s = HabitSlots.learn(learners(50, 10), Set.of());
    int tbh = java.util.Arrays.stream(HabitProfiler.markers("tbh")).filter(HabitProfiler::isOpener).findFirst().orElseThrow();
    assertThat(HabitProfiler.isOpener(tbh)).isTrue();
    assertThat(s.values(profile("tbh it works.", "tbh no idea.", "well then."), 3, 0)[HabitSlots.OPENER]).isEqualTo(tbh);
    assertThat(s.values(profile("tbh it works.", "no idea."), 2, 0)[HabitSlots.OPENER]).isEqualTo(-1); // once
    assertThat(s.values(profile("tbh it works.", "tbh no.", "ngl yes.", "ngl no."), 4, 0)[HabitSlots.OPENER]).isEqualTo(-1); // tied
    HabitSlots vocab = HabitSlots.learn(List.of(), Set.of(tbh));
    assertThat(vocab.values(profile("tbh it works.", "tbh no idea."), 2, 0)[HabitSlots.OPENER]).isEqualTo(-1);
    // "Teh manual ..." opens with the misspelling: that is the variant's slot
    assertThat(s.values(profile("Teh manual is old.", "Teh site is down."), 2, 0)[HabitSlots.OPENER]).isEqualTo(-1);
  }

  private static int opener(String w) {
    return java.util.Arrays.stream(HabitProfiler.markers(w + " x.")).filter(HabitProfiler::isOpener).findFirst().orElseThrow();
  }

  /**
   * 60 writers of {@code TEXTS} texts: every fifth opens a third of its sentences with "ngl" and closes half its
   * texts with "peace"; everyone opens some sentences with "so" and closes some with "thanks all" (a way sentences
   * start and texts end, not anyone's habit).
   */
  private static List<HabitSlots.Learner> habitWriters() {
    List<HabitSlots.Learner> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String[] texts = new String[TEXTS];
      boolean holder = i % 5 == 0;
      for (int k = 0; k < TEXTS; k++) {
        String first = holder && k % 3 == 0 ? "ngl it was fine." : k % 4 == i % 4 ? "so it was fine." : "It was fine.";
        String last = holder && k % 2 == 0 ? "\npeace" : k % 6 == i % 6 ? "\nthanks all" : "";
        texts[k] = first + " Manual " + k + " helps." + last;
      }
      out.add(new HabitSlots.Learner(profile(texts), TEXTS));
    }
    return out;
  }

  @Test
  void openersAndClosingLinesHeldByFewAndUsedByNoOneElseAreLearnedAndReadFromOneText() {
    HabitSlots s = HabitSlots.learn(habitWriters(), Set.of());
    int peace = HabitProfiler.signOffMarker("peace", "wolf");
    assertThat(s.learnedOpeners()).containsExactly(opener("ngl"));
    assertThat(s.learnedSignOffs()).containsExactly(peace);
    // a light account shows them once
    int[] light = s.values(profile("ngl no idea.", "It works.\nagreed.", "same here.\npeace"), 3, 0);
    assertThat(light[HabitSlots.OPENER]).isEqualTo(opener("ngl"));
    assertThat(light[HabitSlots.SIGN_OFF]).isEqualTo(peace);
    // an opener everyone uses at times still needs two texts, as before
    assertThat(s.values(profile("so no idea.", "It works."), 2, 0)[HabitSlots.OPENER]).isEqualTo(-1);
    assertThat(s.values(profile("so no idea.", "so it works."), 2, 0)[HabitSlots.OPENER]).isEqualTo(opener("so"));
    // a signature's sign-off comes first
    int cheers = HabitProfiler.signOffMarker("cheers", "wolf");
    assertThat(s.values(profile("same here.\npeace"), 1, cheers)[HabitSlots.SIGN_OFF]).isEqualTo(cheers);
    // learning does not depend on the order of the writers
    List<HabitSlots.Learner> shuffled = habitWriters();
    Collections.shuffle(shuffled, new java.util.Random(3));
    assertThat(HabitSlots.learn(shuffled, Set.of()).learnedOpeners()).isEqualTo(s.learnedOpeners());
  }

  @Test
  void aLearnedOpenerMostWritersHoldOrThatIsVocabularyIsNotLearned() {
    List<HabitSlots.Learner> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String[] texts = new String[TEXTS];
      for (int k = 0; k < TEXTS; k++) texts[k] = (k % 2 == 0 ? "ngl it was fine." : "It was fine.") + " Manual " + k + ".";
      all.add(new HabitSlots.Learner(profile(texts), TEXTS));
    }
    assertThat(HabitSlots.learn(all, Set.of()).learnedOpeners()).isEmpty(); // everyone's: the forum's way of speaking
    assertThat(HabitSlots.learn(habitWriters(), Set.of(opener("ngl"))).learnedOpeners()).isEmpty();
  }

  @Test
  void argumentsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> HabitSlots.learn(null, Set.of()));
    assertThrows(IllegalArgumentException.class, () -> HabitSlots.learn(List.of(), null));
    assertThrows(IllegalArgumentException.class, () -> new HabitSlots.Learner(null, 3));
    assertThrows(IllegalArgumentException.class, () -> new HabitSlots.Learner(new IntCounter(8), 0));
  }
}
