package org.webwatch.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;
import org.webwatch.model.AccountLink;
import org.webwatch.model.IdentifierType;
import org.webwatch.model.PersonAssignment;

class EvidenceAccountLinkerTest {
  static final String DONATION = "bc1qdonationaddressxxxxxxxxxxxxxxxxxxxxx";
  static final AccountKey P1_A = new AccountKey("s1", "101");
  static final AccountKey P1_B = new AccountKey("s2", "201");
  static final AccountKey P2_A = new AccountKey("s1", "102");
  static final AccountKey P2_B = new AccountKey("s3", "301");
  static final AccountKey ANGEL_1 = new AccountKey("s1", "110");
  static final AccountKey ANGEL_2 = new AccountKey("s2", "210");
  static final AccountKey HARD_A = new AccountKey("s2", "220");
  static final AccountKey HARD_B = new AccountKey("s3", "320");
  static final AccountKey STYLE_ONLY_A = new AccountKey("s1", "120");
  static final AccountKey STYLE_ONLY_B = new AccountKey("s3", "330");

  /** A small world of three sites with true links, decoys and hard cases. */
  static AccountLinker world(long seed, Consumer<AccountLinker> extra) {
    SyntheticForum f = new SyntheticForum(seed);
    EvidenceAccountLinker l = new EvidenceAccountLinker();
    // person 1: btc + username variants
    var p1 = f.persona(1);
    f.feedAccount(l, p1, P1_A, "ShadowWalker", 6);
    f.feedAccount(l, p1, P1_B, "sh4d0w_walker99", 4);
    l.identifier(SyntheticForum.identifier(P1_A, IdentifierType.BTC, "bc1qpersononeaddress", "101-0"));
    l.identifier(SyntheticForum.identifier(P1_B, IdentifierType.BTC, "bc1qpersononeaddress", "201-3"));
    // person 2: one PGP fingerprint, unrelated usernames
    var p2 = f.persona(2);
    f.feedAccount(l, p2, P2_A, "river_lantern", 3);
    f.feedAccount(l, p2, P2_B, "quietfox", 3);
    l.identifier(SyntheticForum.identifier(P2_A, IdentifierType.PGP_FINGERPRINT, "0123456789abcdef0123456789abcdef01234567", "102-1"));
    l.identifier(SyntheticForum.identifier(P2_B, IdentifierType.PGP_FINGERPRINT, "0123456789abcdef0123456789abcdef01234567", "301-0"));
    // decoy: a site's donation address posted by seven different people on two sites
    for (int i = 0; i < 7; i++) {
      AccountKey k = new AccountKey(i < 5 ? "s1" : "s2", "d" + i);
      f.feedAccount(l, f.persona(100 + i), k, "member" + i + "abc" + i, 8);
      l.identifier(SyntheticForum.identifier(k, IdentifierType.BTC, DONATION, "d" + i + "-0"));
    }
    // decoy: same username stem, different people (same time zone so timing cannot tell)
    var angel1 = f.persona(3);
    var angel2 = new SyntheticForum.Persona(4, f.persona(4).phrases(), !angel1.excl(), !angel1.ellipsis(), !angel1.lowerI(),
        !angel1.shorthand(), !angel1.noFinalDot(), angel1.utcOffset(), angel1.activeFrom(), angel1.activeHours());
    f.feedAccount(l, angel1, ANGEL_1, "DarkAngel", 30);
    f.feedAccount(l, angel2, ANGEL_2, "darkangel88", 30);
    // hard case: style + timing only
    var hard = f.persona(5);
    f.feedAccount(l, hard, HARD_A, "mapleleaf", 40);
    f.feedAccount(l, hard, HARD_B, "tundra_owl", 40);
    // style alone (the same writer, active at opposite hours): must not merge
    var styleOnly = f.persona(6);
    var shifted = new SyntheticForum.Persona(6, styleOnly.phrases(), styleOnly.excl(), styleOnly.ellipsis(), styleOnly.lowerI(),
        styleOnly.shorthand(), styleOnly.noFinalDot(), styleOnly.utcOffset() + 12, (styleOnly.activeFrom() + 9) % 24, styleOnly.activeHours());
    f.feedAccount(l, styleOnly, STYLE_ONLY_A, "bluecastle", 40);
    f.feedAccount(l, shifted, STYLE_ONLY_B, "greenharbour", 40);
    extra.accept(l);
    return l;
  }

  static Map<AccountKey, String> persons(IdentityResult r) {
    return r.assignments().stream().collect(Collectors.toMap(PersonAssignment::account, PersonAssignment::person));
  }

  @Test
  void trueIdentifierLinksMergeAndExplainThemselves() {
    IdentityResult r = world(1, l -> {}).link();
    Map<AccountKey, String> p = persons(r);
    assertThat(p.get(P1_A)).isEqualTo(p.get(P1_B));
    assertThat(p.get(P2_A)).isEqualTo(p.get(P2_B));
    assertThat(p.get(P1_A)).isNotEqualTo(p.get(P2_A));
    AccountLink link = r.links().stream().filter(x -> x.a().equals(P1_A) && x.b().equals(P1_B)).findFirst().orElseThrow();
    assertThat(link.evidence()).anySatisfy(e -> {
      assertThat(e.code()).isEqualTo("shared-btc");
      assertThat(e.value()).isEqualTo("bc1qpersononeaddress");
      assertThat(e.detail()).contains("s1/post/101-0").contains("s2/post/201-3");
    });
    assertThat(link.confidence()).isGreaterThan(0.95);
    PersonAssignment a = r.assignments().stream().filter(x -> x.account().equals(P1_B)).findFirst().orElseThrow();
    assertThat(a.evidenceCodes()).contains("shared-btc", "username");
    PersonAssignment b = r.assignments().stream().filter(x -> x.account().equals(P2_B)).findFirst().orElseThrow();
    assertThat(b.evidenceCodes()).containsExactly("shared-pgp");
  }

  /** A learned model whose only weight is on the relative habit cosine (unscaled features). */
  private static org.webwatch.identity.internal.LogisticCombiner habitsOnlyModel(String version, double weight, double bias, double threshold) {
    java.util.List<String> names = org.webwatch.identity.internal.PairFeatures.NAMES;
    double[] w = new double[names.size()];
    double[] ones = new double[names.size()];
    java.util.Arrays.fill(ones, 1);
    w[names.indexOf("habit_cos_rel")] = weight;
    return new org.webwatch.identity.internal.LogisticCombiner(version, names, new double[names.size()], ones, w, bias, threshold);
  }

  @Test
  void learnedLinksRecordMethodVersionAndTheTermsBehindThem() {
    var model = habitsOnlyModel("test-1", 30, -3, 0.6); // a test model that trusts writing habits alone
    EvidenceAccountLinker rulesOnly = (EvidenceAccountLinker) world(8, l -> {});
    rulesOnly.combiner(null);
    Map<AccountKey, String> before = persons(rulesOnly.link());
    assertThat(before.get(STYLE_ONLY_A)).isNotEqualTo(before.get(STYLE_ONLY_B));
    EvidenceAccountLinker learned = (EvidenceAccountLinker) world(8, l -> {});
    learned.combiner(model);
    IdentityResult r = learned.link();
    assertThat(persons(r).get(STYLE_ONLY_A)).isEqualTo(persons(r).get(STYLE_ONLY_B));
    var link = r.links().stream().filter(x -> java.util.Set.of(x.a(), x.b()).equals(java.util.Set.of(STYLE_ONLY_A, STYLE_ONLY_B)))
        .findFirst().orElseThrow();
    assertThat(link.method()).isEqualTo("learned-logistic");
    assertThat(link.version()).isEqualTo("test-1");
    assertThat(link.evidence()).anySatisfy(e -> {
      assertThat(e.code()).isEqualTo("learned");
      assertThat(e.detail()).contains("habit_cos_rel=").contains("threshold 0.6000");
    });
    assertThat(link.confidence()).isGreaterThanOrEqualTo(0.6);
    // rule links keep their own method
    assertThat(r.links()).anySatisfy(x -> assertThat(x.method()).isEqualTo("evidence-llr"));
  }

  @Test
  void mutualBestLinksAnUnambiguousPairAndExplainsTheGap() {
    var model = habitsOnlyModel("test-2", 20, -8, 0.999); // ranks by writing habits, too unsure to link anything alone
    EvidenceAccountLinker off = (EvidenceAccountLinker) world(8, l -> {});
    off.combiner(model);
    off.mutualBest(null);
    Map<AccountKey, String> before = persons(off.link());
    assertThat(before.get(STYLE_ONLY_A)).isNotEqualTo(before.get(STYLE_ONLY_B));
    EvidenceAccountLinker on = (EvidenceAccountLinker) world(8, l -> {});
    on.combiner(model);
    on.mutualBest(new org.webwatch.identity.internal.MutualBestMatcher(0.0, 3.0, -5.0));
    IdentityResult r = on.link();
    Map<AccountKey, String> p = persons(r);
    assertThat(p.get(STYLE_ONLY_A)).isEqualTo(p.get(STYLE_ONLY_B));
    var link = r.links().stream().filter(x -> java.util.Set.of(x.a(), x.b()).equals(java.util.Set.of(STYLE_ONLY_A, STYLE_ONLY_B)))
        .findFirst().orElseThrow();
    assertThat(link.method()).isEqualTo("mutual-best");
    assertThat(link.confidence()).isEqualTo(org.webwatch.identity.internal.MutualBestMatcher.CONFIDENCE);
    assertThat(link.evidence()).anySatisfy(e -> {
      assertThat(e.code()).isEqualTo("mutual-best");
      assertThat(e.value()).startsWith("score=").contains("runner-up=").contains("gap=");
      assertThat(e.detail()).contains("runner-up of " + STYLE_ONLY_A).contains("habit_cos_rel=").contains(">= 3.0");
    });
    PersonAssignment a = r.assignments().stream().filter(x -> x.account().equals(STYLE_ONLY_A)).findFirst().orElseThrow();
    assertThat(a.evidenceCodes()).contains("mutual-best");
    // the decoys stay apart: look-alike names of two writers, and a donation address shared by seven people
    assertThat(p.get(ANGEL_1)).isNotEqualTo(p.get(ANGEL_2));
    assertThat(java.util.stream.IntStream.range(0, 7).mapToObj(i -> p.get(new AccountKey(i < 5 ? "s1" : "s2", "d" + i))).distinct().count())
        .isEqualTo(7);
    // a wider gap is not met: another s1 account (s1:d4, whose habits are 0.46 above the centre) comes too close for STYLE_ONLY_B
    EvidenceAccountLinker strict = (EvidenceAccountLinker) world(8, l -> {});
    strict.combiner(model);
    strict.mutualBest(new org.webwatch.identity.internal.MutualBestMatcher(0.0, 5.0, -5.0));
    Map<AccountKey, String> q = persons(strict.link());
    assertThat(q.get(STYLE_ONLY_A)).isNotEqualTo(q.get(STYLE_ONLY_B));
  }

  @Test
  void boostedWeakStageFollowsTheCombinerAndLinksWhatItsTreesAccept() {
    var combiner = habitsOnlyModel("test-2", 20, -8, 0.999); // the mutual-best test's combiner: ranks by habits, links nothing alone
    java.util.List<String> weak = org.webwatch.identity.internal.WeakPairFeatures.NAMES;
    // one tree: combiner log-odds >= 0 and min gap >= 3 -> +4 (the mutual-best test's floor 0 / gap 3 as trees)
    java.util.function.DoubleFunction<org.webwatch.identity.internal.BoostedTrees> trees = gap -> new org.webwatch.identity.internal.BoostedTrees(
        "weak-test", weak, -2, 0, java.util.List.of(new org.webwatch.identity.internal.BoostedTrees.Tree(
            new org.webwatch.identity.internal.BoostedTrees.Split(weak.indexOf("combiner_logit"), 0), null,
            new org.webwatch.identity.internal.BoostedTrees.Split(weak.indexOf("min_gap"), gap), new double[] {0, 0, 0, 4})));
    EvidenceAccountLinker off = (EvidenceAccountLinker) world(8, l -> {});
    off.combiner(combiner);
    off.mutualBest(null);
    IdentityResult without = off.link();
    assertThat(without.links()).noneSatisfy(x -> assertThat(x.method()).isEqualTo("boosted-trees"));
    EvidenceAccountLinker on = (EvidenceAccountLinker) world(8, l -> {});
    on.combiner(combiner);
    on.mutualBest(null);
    on.boostedWeak(trees.apply(3.0));
    IdentityResult r = on.link();
    Map<AccountKey, String> p = persons(r);
    assertThat(p.get(STYLE_ONLY_A)).isEqualTo(p.get(STYLE_ONLY_B));
    var link = r.links().stream().filter(x -> java.util.Set.of(x.a(), x.b()).equals(java.util.Set.of(STYLE_ONLY_A, STYLE_ONLY_B)))
        .findFirst().orElseThrow();
    assertThat(link.method()).isEqualTo("boosted-trees");
    assertThat(link.version()).isEqualTo("weak-test");
    assertThat(link.confidence()).isEqualTo(0.8808); // logistic(-2 + 4)
    assertThat(link.evidence()).anySatisfy(e -> {
      assertThat(e.code()).isEqualTo("boosted-weak");
      assertThat(e.value()).isEqualTo("p=0.8808");
      assertThat(e.detail()).contains("combiner_logit ≥ 0.000 and min_gap ≥ 3.000 → +4.00");
    });
    assertThat(r.assignments().stream().filter(x -> x.account().equals(STYLE_ONLY_A)).findFirst().orElseThrow().evidenceCodes())
        .contains("boosted-weak");
    assertThat(p.get(ANGEL_1)).isNotEqualTo(p.get(ANGEL_2));
    // trees asking for a wider gap do not link it (as the mutual-best rule at gap 5)
    EvidenceAccountLinker strict = (EvidenceAccountLinker) world(8, l -> {});
    strict.combiner(combiner);
    strict.mutualBest(null);
    strict.boostedWeak(trees.apply(5.0));
    Map<AccountKey, String> q = persons(strict.link());
    assertThat(q.get(STYLE_ONLY_A)).isNotEqualTo(q.get(STYLE_ONLY_B));
  }

  @Test
  void theBalancedOperatingPointMergesASuggestionTheStrictOneLeavesToAnAnalyst() {
    var combiner = habitsOnlyModel("test-2", 20, -8, 0.999); // ranks by habits, links nothing alone
    java.util.List<String> weak = org.webwatch.identity.internal.WeakPairFeatures.NAMES;
    // the boosted test's tree (+4 for log-odds >= 0 and gap >= 3) under a merge threshold of 3: the pair scores 2, a suggestion
    var model = new org.webwatch.identity.internal.BoostedTrees("weak-test", weak, -2, 3, java.util.List.of(
        new org.webwatch.identity.internal.BoostedTrees.Tree(new org.webwatch.identity.internal.BoostedTrees.Split(weak.indexOf("combiner_logit"), 0),
            null, new org.webwatch.identity.internal.BoostedTrees.Split(weak.indexOf("min_gap"), 3.0), new double[] {0, 0, 0, 4})));
    java.util.function.Function<OperatingPoint, IdentityResult> run = point -> {
      EvidenceAccountLinker l = (EvidenceAccountLinker) world(8, x -> {});
      l.combiner(combiner);
      l.mutualBest(null);
      l.boostedWeak(model);
      l.operatingPoint(point);
      return l.link();
    };
    java.util.function.Predicate<org.webwatch.model.AccountLink> thePair =
        x -> java.util.Set.of(x.a(), x.b()).equals(java.util.Set.of(STYLE_ONLY_A, STYLE_ONLY_B));
    IdentityResult strict = run.apply(OperatingPoint.STRICT);
    assertThat(persons(strict).get(STYLE_ONLY_A)).isNotEqualTo(persons(strict).get(STYLE_ONLY_B));
    assertThat(strict.suggestions()).anySatisfy(x -> assertThat(thePair.test(x)).isTrue());
    IdentityResult balanced = run.apply(OperatingPoint.BALANCED);
    Map<AccountKey, String> p = persons(balanced);
    assertThat(p.get(STYLE_ONLY_A)).isEqualTo(p.get(STYLE_ONLY_B));
    assertThat(balanced.suggestions()).noneSatisfy(x -> assertThat(thePair.test(x)).isTrue());
    var link = balanced.links().stream().filter(thePair).findFirst().orElseThrow();
    assertThat(link.method()).isEqualTo("boosted-trees");
    assertThat(link.confidence()).isEqualTo(0.8808); // logistic(2): below the model's threshold, and it says so
    assertThat(link.evidence()).anySatisfy(e -> {
      assertThat(e.code()).isEqualTo("boosted-weak");
      // sites of a handful of accounts: the floor is the suggestions' own, 0
      assertThat(e.detail()).startsWith("balanced operating point: a suggestion merged from log-odds 0.000 (sites of ");
    });
    // the decoys stay apart at this point too: look-alike names of two writers, a donation address shared by seven people
    assertThat(p.get(ANGEL_1)).isNotEqualTo(p.get(ANGEL_2));
    assertThat(java.util.stream.IntStream.range(0, 7).mapToObj(i -> p.get(new AccountKey(i < 5 ? "s1" : "s2", "d" + i))).distinct().count())
        .isEqualTo(7);
    assertThat(OperatingPoint.parse("balanced")).isEqualTo(OperatingPoint.BALANCED);
    assertThatThrownBy(() -> OperatingPoint.parse("loose")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'loose' (strict or balanced)");
  }

  @Test
  void aSharedNewFileIsOneMoreFeatureForTheWeakStagesNotAReasonToLeaveThePairOut() {
    var combiner = habitsOnlyModel("test-2", 20, -8, 0.999);
    java.util.List<String> weak = org.webwatch.identity.internal.WeakPairFeatures.NAMES;
    // one tree: a shared NEW file (media_values >= 1) and combiner log-odds >= 0 -> +4; threshold 0
    var model = new org.webwatch.identity.internal.BoostedTrees("media-test", weak, -2, 0, java.util.List.of(
        new org.webwatch.identity.internal.BoostedTrees.Tree(new org.webwatch.identity.internal.BoostedTrees.Split(weak.indexOf("combiner_logit"), 0),
            null, new org.webwatch.identity.internal.BoostedTrees.Split(weak.indexOf("media_values"), 1), new double[] {0, 0, 0, 4})));
    java.util.function.Function<Boolean, IdentityResult> run = shareFile -> {
      EvidenceAccountLinker l = (EvidenceAccountLinker) world(8, x -> {
        if (!shareFile) return;
        x.media(SyntheticForum.newMedia(STYLE_ONLY_A, "m1", "sha256:unseen-file-of-one-writer"));
        x.media(SyntheticForum.newMedia(STYLE_ONLY_B, "m2", "sha256:unseen-file-of-one-writer"));
      });
      l.combiner(combiner);
      l.mutualBest(null);
      l.boostedWeak(model);
      return l.link();
    };
    IdentityResult without = run.apply(false);
    assertThat(persons(without).get(STYLE_ONLY_A)).isNotEqualTo(persons(without).get(STYLE_ONLY_B));
    IdentityResult with = run.apply(true);
    assertThat(persons(with).get(STYLE_ONLY_A)).isEqualTo(persons(with).get(STYLE_ONLY_B));
    var link = with.links().stream().filter(x -> java.util.Set.of(x.a(), x.b()).equals(java.util.Set.of(STYLE_ONLY_A, STYLE_ONLY_B)))
        .findFirst().orElseThrow();
    assertThat(link.method()).isEqualTo("boosted-trees"); // a lone NEW file is not enough for the rules
    assertThat(link.evidence()).anySatisfy(e -> assertThat(e.code()).isEqualTo("shared-media"));
    assertThat(link.evidence()).anySatisfy(e -> assertThat(e.detail()).contains("media_values ≥ 1.000"));
  }

  @Test
  void sharedDonationAddressDoesNotGluePeople() {
    IdentityResult r = world(2, l -> {}).link();
    Map<AccountKey, String> p = persons(r);
    long distinct = java.util.stream.IntStream.range(0, 7)
        .mapToObj(i -> p.get(new AccountKey(i < 5 ? "s1" : "s2", "d" + i))).distinct().count();
    assertThat(distinct).isEqualTo(7);
    assertThat(r.links()).noneSatisfy(x -> assertThat(x.evidence()).anySatisfy(e -> assertThat(e.value()).isEqualTo(DONATION)));
  }

  @Test
  void buyerQuotingTheSellersAddressIsNotTheSeller() {
    String btc = "bc1qsellerownaddress";
    AccountKey seller = new AccountKey("s1", "501");
    AccountKey buyer = new AccountKey("s2", "601");
    IdentityResult r = world(9, l -> {
      String offer = "live sessions every weekend, payment in BTC only: " + btc;
      String paid = "sent 0.01 to " + btc + " for the friday stream, waiting for the link";
      l.text(new org.webwatch.model.TextItem("s1", org.webwatch.model.TextKind.POST, "o1", "501", null, null, offer));
      l.text(new org.webwatch.model.TextItem("s2", org.webwatch.model.TextKind.POST, "b1", "601", null, null, paid));
      l.identifier(new org.webwatch.model.IdentifierOccurrence("s1", org.webwatch.model.TextKind.POST, "o1", "501",
          IdentifierType.BTC, btc, true, offer.indexOf(btc), offer.indexOf(btc) + btc.length()));
      l.identifier(new org.webwatch.model.IdentifierOccurrence("s2", org.webwatch.model.TextKind.POST, "b1", "601",
          IdentifierType.BTC, btc, true, paid.indexOf(btc), paid.indexOf(btc) + btc.length()));
    }).link();
    assertThat(persons(r).get(seller)).isNotEqualTo(persons(r).get(buyer));
  }

  @Test
  void similarUsernamesOfDifferentPeopleDoNotMerge() {
    IdentityResult r = world(3, l -> {}).link();
    Map<AccountKey, String> p = persons(r);
    assertThat(p.get(ANGEL_1)).isNotEqualTo(p.get(ANGEL_2));
  }

  @Test
  void styleAndTimingTogetherLinkButStyleAloneDoesNot() {
    IdentityResult r = world(4, l -> {}).link();
    Map<AccountKey, String> p = persons(r);
    assertThat(p.get(HARD_A)).isEqualTo(p.get(HARD_B));
    assertThat(p.get(STYLE_ONLY_A)).isNotEqualTo(p.get(STYLE_ONLY_B));
    PersonAssignment hard = r.assignments().stream().filter(x -> x.account().equals(HARD_A)).findFirst().orElseThrow();
    assertThat(hard.evidenceCodes()).containsExactly("style", "timing");
  }

  @Test
  void analystRejectionSurvivesAndConfirmationForces() {
    IdentityResult r = world(5, l -> {
      l.decision(P1_B, P1_A, false);
      l.decision(ANGEL_1, ANGEL_2, true);
    }).link();
    Map<AccountKey, String> p = persons(r);
    assertThat(p.get(P1_A)).isNotEqualTo(p.get(P1_B));
    assertThat(p.get(ANGEL_1)).isEqualTo(p.get(ANGEL_2));
    PersonAssignment angel = r.assignments().stream().filter(x -> x.account().equals(ANGEL_2)).findFirst().orElseThrow();
    assertThat(angel.evidenceCodes()).startsWith("analyst");
    assertThat(angel.confidence()).isEqualTo(1.0);
  }

  @Test
  void latestDecisionWinsAndSelfDecisionIsRejected() {
    IdentityResult r = world(6, l -> {
      l.decision(P1_A, P1_B, false);
      l.decision(P1_A, P1_B, true);
    }).link();
    assertThat(persons(r).get(P1_A)).isEqualTo(persons(r).get(P1_B));
    assertThatThrownBy(() -> new EvidenceAccountLinker().decision(P1_A, P1_A, true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyAccountAppearsOnceAndSingletonsAreCertain() {
    IdentityResult r = world(7, l -> {}).link();
    List<AccountKey> keys = r.assignments().stream().map(PersonAssignment::account).toList();
    assertThat(keys).doesNotHaveDuplicates().isSorted();
    assertThat(keys).hasSize(17);
    PersonAssignment donor = r.assignments().stream().filter(x -> x.account().equals(new AccountKey("s1", "d0"))).findFirst().orElseThrow();
    assertThat(donor.confidence()).isEqualTo(1.0);
    assertThat(donor.evidenceCodes()).isEmpty();
    assertThat(donor.person()).matches("p-[0-9a-f]{12}");
  }

  /** Records every feeding call so that it can be replayed in another order. */
  static final class Recorder implements AccountLinker {
    final List<Consumer<AccountLinker>> calls = new java.util.ArrayList<>();

    @Override public void account(org.webwatch.model.Account a) { calls.add(l -> l.account(a)); }
    @Override public void text(org.webwatch.model.TextItem t) { calls.add(l -> l.text(t)); }
    @Override public void activity(AccountKey k, java.time.Instant t) { calls.add(l -> l.activity(k, t)); }
    @Override public void identifier(org.webwatch.model.IdentifierOccurrence i) { calls.add(l -> l.identifier(i)); }
    @Override public void media(org.webwatch.model.MediaResult m) { calls.add(l -> l.media(m)); }
    @Override public void decision(AccountKey a, AccountKey b, boolean c) { calls.add(l -> l.decision(a, b, c)); }
    @Override public IdentityResult link() { throw new UnsupportedOperationException(); }
  }

  @Test
  void feedingOrderAndThreadsDoNotChangeTheResult() {
    SyntheticForum f = new SyntheticForum(10);
    Recorder rec = new Recorder();
    for (int p = 0; p < 6; p++) {
      var persona = f.persona(p);
      for (int a = 0; a < 2; a++) f.feedAccount(rec, persona, new AccountKey("s" + a, "u" + p), "name" + p + "x" + a, 12);
      rec.identifier(SyntheticForum.identifier(new AccountKey("s0", "u" + p), IdentifierType.EMAIL, "p" + p + "@example.org", "u" + p + "-1"));
      if (p % 2 == 0) rec.identifier(SyntheticForum.identifier(new AccountKey("s1", "u" + p), IdentifierType.EMAIL, "p" + p + "@example.org", "u" + p + "-2"));
    }
    EvidenceAccountLinker sequential = new EvidenceAccountLinker();
    rec.calls.forEach(c -> c.accept(sequential));
    java.util.List<Consumer<AccountLinker>> shuffled = new java.util.ArrayList<>(rec.calls);
    java.util.Collections.shuffle(shuffled, new java.util.Random(99));
    EvidenceAccountLinker parallel = new EvidenceAccountLinker();
    shuffled.parallelStream().forEach(c -> c.accept(parallel));
    IdentityResult a = sequential.link();
    assertThat(parallel.link()).isEqualTo(a);
    assertThat(persons(a).get(new AccountKey("s0", "u0"))).isEqualTo(persons(a).get(new AccountKey("s1", "u0")));
  }

  @Test
  void resultIsExactlyDeterministic() {
    IdentityResult first = world(8, l -> {}).link();
    IdentityResult again = world(8, l -> {}).link();
    assertThat(again).isEqualTo(first);
    // the person id derives from the smallest account key, so it is stable across inputs
    assertThat(persons(first).get(P1_B)).isEqualTo(org.webwatch.identity.internal.LinkingPipeline.personId(P1_A));
  }

  @Test
  void aMessageSubjectIsATitleNotAnotherTextOrEvent() {
    // TextItemVisitor reports a message as its subject ("re: hi", "PM") and its body; only the body is the writer's prose
    EvidenceAccountLinker with = new EvidenceAccountLinker();
    EvidenceAccountLinker without = new EvidenceAccountLinker();
    for (int k = 0; k < 3; k++) {
      java.time.Instant at = java.time.Instant.parse("2024-03-0" + (k + 1) + "T21:00:00Z");
      var body = new org.webwatch.model.TextItem("s1", org.webwatch.model.TextKind.MESSAGE, "m" + k, "101", null, at, "Thanks for the tip. Cheers");
      var subject = new org.webwatch.model.TextItem("s1", org.webwatch.model.TextKind.MESSAGE, "m" + k + org.webwatch.ingest.TextItemVisitor.SUBJECT_SUFFIX,
          "101", null, at, "re: hi");
      with.text(subject);
      with.text(body);
      without.text(body);
    }
    var a = with.features();
    var b = without.features();
    assertThat(a.texts(0)).isEqualTo(3).isEqualTo(b.texts(0));
    assertThat(a.events(0)).isEqualTo(3).isEqualTo(b.events(0));
  }
}
