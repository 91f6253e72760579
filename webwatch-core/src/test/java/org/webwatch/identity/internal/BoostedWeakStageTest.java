package org.webwatch.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.webwatch.model.Evidence;

class BoostedWeakStageTest {
  private static final int LOGIT = WeakPairFeatures.NAMES.indexOf("combiner_logit");
  private static final int MIN_GAP = WeakPairFeatures.NAMES.indexOf("min_gap");
  // accounts 0 (site 0), 1 and 2 (site 1), 3 (site 2), 4 (site 0)
  private static final int[] SITE = {0, 1, 1, 2, 0};
  private static final int[] TEXTS = {5, 4, 3, 7, 6};
  private static final long[] PAIRS = {PairKeys.of(0, 1), PairKeys.of(0, 2), PairKeys.of(0, 3), PairKeys.of(3, 4), PairKeys.of(1, 4)};

  /** One tree: combiner log-odds ≥ −2 and min gap ≥ 3 → +5, else −5; threshold 0. */
  private static BoostedTrees andModel() {
    BoostedTrees.Tree t = new BoostedTrees.Tree(new BoostedTrees.Split(LOGIT, -2), null, new BoostedTrees.Split(MIN_GAP, 3),
        new double[] {-5, -5, -5, 5});
    return new BoostedTrees("test-1", WeakPairFeatures.NAMES, 0, 0, List.of(t));
  }

  @Test
  void theBundledModelLoadsWithTheWeakPairFeaturesAndAFiniteThreshold() {
    BoostedWeakStage stage = BoostedWeakStage.loadDefault();
    assertEquals(WeakPairFeatures.NAMES_PERSON_HABIT_RANKED, stage.model().names());
    assertTrue(stage.needsHabit());
    assertTrue(stage.poolsHabits(), "the bundled model reads provisional persons' habits");
    assertTrue(stage.ranksByHabits(), "and was trained on gaps against rivals ranked with them");
    assertTrue(Double.isFinite(stage.model().threshold()) && stage.model().threshold() > 0);
    assertTrue(!stage.model().trees().isEmpty());
    assertEquals("5.1.0", stage.model().version());
  }

  @Test
  void acceptsWhatTheModelLinksAmongReciprocalBestPairs() {
    BoostedWeakStage stage = new BoostedWeakStage(andModel(), -7);
    double[] score = {-1, -6, -3, 1, -9};
    boolean[] eligible = {true, true, true, true, true};
    double[] f = new double[PairFeatures.NAMES.size()];
    List<BoostedWeakStage.Link> links = stage.select(PAIRS, score, eligible, SITE, TEXTS, i -> f);
    // 0~1: gaps 5 (over 0~2 at -6) and 6 (1~4 at -9 counts as unseen -7), log-odds -1 -> +5
    // 0~2: not account 0's best on site 1; 0~3: not account 3's best on site 0 (3~4);
    // 3~4: gaps 4 (over 0~3 at -3) and 8 (none: -7), log-odds 1 -> +5; 1~4: not account 1's best
    assertEquals(List.of(PAIRS[0], PAIRS[3]), links.stream().map(BoostedWeakStage.Link::pair).toList());
    assertEquals(5, links.get(0).score());
    assertEquals(5.0, links.get(0).row().get(MIN_GAP));
    assertEquals(4.0, links.get(0).row().get(WeakPairFeatures.NAMES.indexOf("min_texts")));
    Evidence e = stage.evidence(links.get(0));
    assertEquals(BoostedWeakStage.CODE, e.code());
    assertEquals("p=0.9933", e.value());
    assertEquals(5.0, e.weight());
    assertTrue(e.detail().contains("combiner_logit ≥ -2.000 and min_gap ≥ 3.000 → +5.00"), e.detail());
    assertTrue(e.detail().startsWith("boosted-trees test-1, threshold log-odds 0.000, 1 trees"), e.detail());
  }

  @Test
  void aModelThatLinksEverythingStillGivesOnePartnerPerSite() {
    BoostedTrees always = new BoostedTrees("all", WeakPairFeatures.NAMES, 3, 0, List.of());
    double[] score = {2, 2.5, 0, Double.POSITIVE_INFINITY, Double.NaN};
    boolean[] eligible = {true, true, true, false, false};
    List<BoostedWeakStage.Link> links = new BoostedWeakStage(always, -7).select(PAIRS, score, eligible, SITE, TEXTS,
        i -> new double[PairFeatures.NAMES.size()]);
    // account 0 has two site-1 candidates: only the better (0~2) passes; 0~3 loses to 3~4 (already linked) on account 3's side
    assertEquals(List.of(PAIRS[1]), links.stream().map(BoostedWeakStage.Link::pair).toList());
  }

  @Test
  void aHabitModelReadsTheHabitLikelihoodOfEachPair() {
    int total = WeakPairFeatures.NAMES_HABIT.indexOf("nb_total_llr");
    // one tree: nb_total_llr >= 10 -> +5, else -5
    BoostedTrees.Tree tree = new BoostedTrees.Tree(new BoostedTrees.Split(total, 10), null, null, new double[] {-5, -5, 5, 5});
    BoostedWeakStage stage = new BoostedWeakStage(new BoostedTrees("habit-1", WeakPairFeatures.NAMES_HABIT, 0, 0, List.of(tree)), -7);
    assertTrue(stage.needsHabit());
    assertTrue(!new BoostedWeakStage(andModel(), -7).needsHabit());
    assertTrue(!stage.poolsHabits());
    BoostedWeakStage persons = new BoostedWeakStage(new BoostedTrees("person-1", WeakPairFeatures.NAMES_PERSON_HABIT, 0, 0, List.of(tree)), -7);
    assertTrue(persons.needsHabit() && persons.poolsHabits(), "the feature names say which rows a model reads");
    double[] score = {-1, -6, -3, 1, -9};
    boolean[] eligible = {true, true, true, true, true};
    double[] f = new double[PairFeatures.NAMES.size()];
    // only pair 3~4 (index 3) has a high habit likelihood
    List<BoostedWeakStage.Link> links = stage.select(PAIRS, score, eligible, SITE, TEXTS, i -> f, i -> new double[] {0, 0, 0, 0, 0, i == 3 ? 12 : 2});
    assertEquals(List.of(PAIRS[3]), links.stream().map(BoostedWeakStage.Link::pair).toList());
    assertEquals(12.0, links.get(0).row().get(total));
    assertThrows(IllegalArgumentException.class, () -> stage.select(PAIRS, score, eligible, SITE, TEXTS, i -> f));
  }

  @Test
  void belowTheThresholdAReciprocalBestPairIsOnlyASuggestion() {
    BoostedTrees.Tree t = new BoostedTrees.Tree(new BoostedTrees.Split(LOGIT, -2), null, new BoostedTrees.Split(MIN_GAP, 3),
        new double[] {-5, -5, -5, 5});
    // base 2: the pair the tree likes scores 7, the others −3; threshold 8
    BoostedWeakStage stage = new BoostedWeakStage(new BoostedTrees("test-2", WeakPairFeatures.NAMES, 2, 8, List.of(t)), -7);
    double[] score = {-1, -6, -3, 1, -9};
    boolean[] eligible = {true, true, true, true, true};
    double[] f = new double[PairFeatures.NAMES.size()];
    assertTrue(stage.select(PAIRS, score, eligible, SITE, TEXTS, i -> f).isEmpty(), "7 < 8: not linked");
    List<BoostedWeakStage.Link> all = stage.select(PAIRS, score, eligible, new SiteRivals(PAIRS, score, SITE), TEXTS, i -> f, null,
        BoostedWeakStage.SUGGEST_LOG_ODDS);
    // the pairs a threshold of 0 links, now below the threshold: suggestions, scored 7, none accepted
    assertEquals(new BoostedWeakStage(andModel(), -7).select(PAIRS, score, eligible, SITE, TEXTS, i -> f).stream().map(BoostedWeakStage.Link::pair).toList(),
        all.stream().map(BoostedWeakStage.Link::pair).toList());
    for (BoostedWeakStage.Link l : all) {
      assertEquals(7.0, l.score(), 1e-12);
      assertTrue(!stage.accepts(l));
    }
  }

  @Test
  void rejectsAModelForOtherFeatures() {
    BoostedTrees other = new BoostedTrees("x", List.of("a", "b"), 0, 0, List.of());
    assertThrows(IllegalArgumentException.class, () -> new BoostedWeakStage(other, -7));
    assertThrows(IllegalArgumentException.class, () -> new BoostedWeakStage(null, -7));
    assertThrows(IllegalArgumentException.class, () -> new BoostedWeakStage(andModel(), Double.NaN));
    BoostedWeakStage stage = new BoostedWeakStage(andModel(), -7);
    assertThrows(IllegalArgumentException.class, () -> stage.select(PAIRS, new double[5], new boolean[2], SITE, TEXTS, i -> null));
  }
}
