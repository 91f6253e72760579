package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HabitProfilerTest {
  private static int[] ids(String... texts) {
    java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
    for (String t : texts) for (int m : HabitProfiler.markers(t)) s.add(m);
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void markersCaptureSignOffLineBreaksEndingsAndOpeners() {
    int[] a = HabitProfiler.markers("tbh the mirror is slow lol\nteh new theme is fine lol\nstay frosty");
    int[] same = HabitProfiler.markers("tbh page loads forever lol\nstay frosty");
    int[] other = HabitProfiler.markers("The mirror is slow. The new theme is fine.");
    // shared sign-off, opener, ending and line break: most of the short text's markers recur
    int shared = 0;
    for (int m : same) if (java.util.Arrays.binarySearch(a, m) >= 0) shared++;
    assertThat(shared).isGreaterThanOrEqualTo(6);
    assertThat(HabitProfiler.ending("slow lol")).isEqualTo("lol");
    assertThat(HabitProfiler.ending("slow...")).isEqualTo("...");
    assertThat(HabitProfiler.ending("slow :)")).isEqualTo("emoticon");
    assertThat(HabitProfiler.ending("slow")).isEqualTo("none");
    assertThat(HabitProfiler.markers("")).isEmpty();
    assertThat(other).isNotEmpty();
  }

  @Test
  void openersAndClosingLinesCarryTheirOwnNamespace() {
    int[] m = HabitProfiler.markers("tbh the mirror is slow.\ntake care");
    int sign = HabitProfiler.signOffMarker("take care", "wolf");
    assertThat(java.util.Arrays.stream(m).filter(HabitProfiler::isTail).toArray()).containsExactly(sign);
    int[] openers = java.util.Arrays.stream(m).filter(HabitProfiler::isOpener).toArray();
    // the closing line is a sign-off, not a sentence opened by "take"
    assertThat(openers).hasSize(1);
    int tbhWord = java.util.Arrays.stream(HabitProfiler.markers("x tbh")).filter(HabitProfiler::isWord)
        .filter(w -> java.util.Arrays.stream(HabitProfiler.markers("tbh")).anyMatch(x -> x == w)).findFirst().orElseThrow();
    assertThat(HabitProfiler.sameWord(openers[0], tbhWord)).isTrue();
    for (int x : m) {
      assertThat(HabitProfiler.isWord(x) && HabitProfiler.isOpener(x)).isFalse();
      assertThat(HabitProfiler.isTail(x) && (HabitProfiler.isOpener(x) || HabitProfiler.isWord(x))).isFalse();
    }
  }

  @Test
  void aSignatureThatIsOnlyTheOwnNameIsOneSignOffOnEverySite() {
    int own = HabitProfiler.ownNameSignOff();
    assertThat(HabitProfiler.isTail(own)).isTrue();
    // names with digits too (they end a phrase sign-off), in any case, before a label
    assertThat(HabitProfiler.signOffMarker("wolf_99", "wolf_99")).isEqualTo(own);
    assertThat(HabitProfiler.signOffMarker("Silent Moon | PGP: 4F2A 99B1", "silent moon")).isEqualTo(own);
    assertThat(HabitProfiler.signOffMarker("ir0n_f0x458", "ir0n_f0x458")).isEqualTo(own);
    // someone else's name, or the name inside a phrase, is not the habit
    assertThat(HabitProfiler.signOffMarker("wolf_99", "fox")).isNotEqualTo(own);
    assertThat(HabitProfiler.signOffMarker("cheers wolf", "wolf")).isNotEqualTo(own).isNotZero();
    // no closing line of a post gives it
    assertThat(HabitProfiler.markers("the mirror is slow.\nwolf_99")).doesNotContain(own);
  }

  @Test
  void signatureSignOffIsTheSameMarkerAsAPostsClosingLine() {
    int[] post = HabitProfiler.markers("the mirror is slow.\nstay frosty");
    int sig = HabitProfiler.signOffMarker("stay frosty | PGP: 4F2A 99B1", "wolf");
    assertThat(sig).isNotZero();
    assertThat(post).contains(sig);
    assertThat(HabitProfiler.signOffMarker("Stay Frosty session: 05ab12", "wolf")).isEqualTo(sig);
    assertThat(HabitProfiler.signOffMarker("this signature is far too long to be a sign-off", "x")).isZero();
    assertThat(HabitProfiler.signOffMarker(null, "x")).isZero();
    assertThat(HabitProfiler.signOffMarker("   ", "x")).isZero();
  }

  @Test
  void sameWriterIsCloserThanAnotherWriterOnTheSameTopics() {
    List<String> w1a = List.of("tbh the mirror is slow lol\ncheers", "tbh teh forum is down again lol\ncheers", "ok thx for teh link lol\ncheers");
    List<String> w1b = List.of("tbh teh mirror works lol\ncheers", "tbh new theme is ok lol\ncheers", "thx mate lol\ncheers");
    List<String> w2 = List.of("The mirror is slow. Anyone else?", "The forum is down again!", "Thanks for the link. Regards");
    List<String> w3 = List.of("Honestly, the mirror is slow...", "Honestly, the forum is down again...", "Thanks for the link...");
    List<List<String>> accounts = new java.util.ArrayList<>(List.of(w1a, w1b, w2, w3));
    // background writers, so that markers of two accounts out of many are rare (idf > 0)
    String[] openers = {"Well", "So", "Look", "Right", "Anyway", "Frankly", "Basically", "Yeah", "Listen", "Hmm"};
    String[] endings = {".", "!", "?", " :)", "...", "!!", ".", "!", "?", "."};
    for (int k = 0; k < 10; k++) {
      accounts.add(List.of(openers[k] + " the mirror is slow" + endings[k], openers[k] + " the forum is down" + endings[k],
          openers[k] + " thanks for the link" + endings[k]));
    }
    Map<Integer, Integer> df = new HashMap<>();
    IntCounter[] counters = new IntCounter[accounts.size()];
    for (int i = 0; i < counters.length; i++) {
      counters[i] = new IntCounter(4096);
      for (String t : accounts.get(i)) HabitProfiler.profile(t, counters[i]);
      counters[i].forEach((m, c) -> df.merge(m, 1, Integer::sum));
    }
    StyleProfiler.StyleVector[] v = new StyleProfiler.StyleVector[counters.length];
    for (int i = 0; i < v.length; i++) v[i] = HabitProfiler.vector(counters[i], 3, df, counters.length);
    double same = StyleProfiler.cosine(v[0].ids(), v[0].vals(), v[1].ids(), v[1].vals());
    double diff2 = StyleProfiler.cosine(v[0].ids(), v[0].vals(), v[2].ids(), v[2].vals());
    double diff3 = StyleProfiler.cosine(v[0].ids(), v[0].vals(), v[3].ids(), v[3].vals());
    assertThat(same).isGreaterThan(0.5).isGreaterThan(diff2 + 0.3).isGreaterThan(diff3 + 0.3);
    for (StyleProfiler.StyleVector x : v) {
      double norm = 0;
      for (float f : x.vals()) norm += f * f;
      assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
      for (int k = 1; k < x.ids().length; k++) assertThat(x.ids()[k]).isGreaterThan(x.ids()[k - 1]);
    }
  }

  @Test
  void markersMostAccountsShareAreDropped() {
    int word = java.util.Arrays.stream(ids("mirror")).filter(HabitProfiler::isWord).findFirst().orElseThrow();
    assertThat(HabitProfiler.isWord(word)).isTrue();
    assertThat(HabitProfiler.usable(word, 10, 100)).isTrue();
    assertThat(HabitProfiler.usable(word, 30, 100)).isFalse(); // plain word held by 30 %: vocabulary, not habit
    int opener = java.util.Arrays.stream(ids("Honestly")).filter(m -> !HabitProfiler.isWord(m)).findFirst().orElseThrow();
    assertThat(HabitProfiler.usable(opener, 30, 100)).isTrue(); // habits may be common-ish and still tell
    assertThat(HabitProfiler.usable(opener, 50, 100)).isFalse();
  }
}
