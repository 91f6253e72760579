package org.webwatch.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.webwatch.identity.IdentityResult;
import org.webwatch.identity.network.NetworkRole;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Evidence;
import org.webwatch.model.PersonAssignment;
import org.webwatch.triage.RankedAccount;
import org.webwatch.triage.RankedPerson;
import org.webwatch.triage.RiskModel;

class RankerTest {
  private static final String[] CODES = {"access-claim", "opsec", "normalisation", "interest-disclosure", "known-media",
      "meeting-intent", "production-claim"};
  private final RiskModel model = RiskModel.defaults();

  @Test
  void aPersonScoresAtLeastAsHighAsEachOfItsAccounts() {
    Random rnd = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      Map<AccountKey, AccountAggregate> aggs = new HashMap<>();
      List<PersonAssignment> assignments = new ArrayList<>();
      long seq = 0;
      for (int i = 0; i < 6; i++) {
        AccountKey k = new AccountKey("s" + (i % 3), Integer.toString(i));
        AccountAggregate a = new AccountAggregate(k, 5);
        for (int e = rnd.nextInt(6); e > 0; e--) {
          String c = CODES[rnd.nextInt(CODES.length)];
          a.add(c, new Evidence(c, "v", rnd.nextDouble(), "post " + k + "/" + e), null, ++seq);
        }
        for (int e = rnd.nextInt(20); e > 0; e--) a.item(Instant.ofEpochSecond(1_500_000_000L + rnd.nextInt(10_000_000)));
        aggs.put(k, a);
        assignments.add(new PersonAssignment("p" + (i / 3), k, 0.9, List.of("style")));
      }
      Ranker ranker = new Ranker(model, aggs, 1_000_000);
      Map<AccountKey, NetworkRole> roles = new HashMap<>();
      for (AccountKey k : aggs.keySet())
        roles.put(k, new NetworkRole(k, rnd.nextDouble(), rnd.nextDouble(), 0, 1, 1, false, false, rnd.nextInt(5) == 0, 0, List.of()));
      ranker.roles(roles);
      Ranker.Ranking r = ranker.rank(new IdentityResult(assignments, List.of()));
      Map<AccountKey, Double> accountScore = new HashMap<>();
      for (RankedAccount a : r.accounts()) accountScore.put(a.account(), a.score().score());
      for (RankedPerson p : r.persons())
        for (AccountKey k : p.accounts()) assertThat(p.score().score()).isGreaterThanOrEqualTo(accountScore.get(k));
      for (int i = 1; i < r.accounts().size(); i++) {
        assertThat(r.accounts().get(i).rank()).isEqualTo(i + 1);
        assertThat(r.accounts().get(i).score().score()).isLessThanOrEqualTo(r.accounts().get(i - 1).score().score());
      }
    }
  }

  @Test
  void theEarliestPosterOfNewMaterialGetsItOthersGetReposts() {
    Map<AccountKey, AccountAggregate> aggs = new HashMap<>();
    NewMediaTracker t = new NewMediaTracker();
    var late = new org.webwatch.model.MediaResult("s1", "9", "b", "x2", org.webwatch.model.MediaStatus.NEW, null, null, null, null,
        null, "sha256:01");
    var early = new org.webwatch.model.MediaResult("s2", "3", "a", "x1", org.webwatch.model.MediaStatus.NEW, null, null, null, null,
        null, "sha256:01");
    t.add(late, Instant.parse("2019-05-01T00:00:00Z"), 1);
    t.add(early, Instant.parse("2019-04-01T00:00:00Z"), 2);
    t.add(early, Instant.parse("2019-04-02T00:00:00Z"), 3);
    Ranker ranker = new Ranker(model, aggs, 100);
    ranker.newMedia(t);
    Ranker.Ranking r = ranker.rank(new IdentityResult(List.of(), List.of()));
    assertThat(r.accounts().get(0).account()).isEqualTo(new AccountKey("s2", "a"));
    assertThat(r.accounts().get(0).score().reasons()).startsWith("new-media=1");
    assertThat(r.accounts().get(1).score().reasons()).isEqualTo("shared-new-media=1");
    assertThat(r.accounts().get(1).person()).isEqualTo("solo:s1:b");
  }

  @Test
  void reSharingSomeoneElsesNewMaterialIsNeverFirstPostedAndStaysBelowHigh() {
    Map<AccountKey, AccountAggregate> aggs = new HashMap<>();
    NewMediaTracker t = new NewMediaTracker();
    long seq = 0;
    for (int f = 0; f < 30; f++) {
      String key = "sha256:" + f;
      t.add(new org.webwatch.model.MediaResult("s1", "p" + f, "producer", "a" + f, org.webwatch.model.MediaStatus.NEW, null, null,
          null, null, null, key), Instant.parse("2019-01-01T00:00:00Z").plusSeconds(f), ++seq);
      // the consumer re-posts every file later, several times
      for (int r = 0; r < 3; r++)
        t.add(new org.webwatch.model.MediaResult("s2", "q" + f + r, "consumer", "b" + f + r, org.webwatch.model.MediaStatus.NEW, null,
            null, null, null, null, key), Instant.parse("2019-06-01T00:00:00Z").plusSeconds(f * 10L + r), ++seq);
    }
    Ranker ranker = new Ranker(model, aggs, 1_000);
    ranker.newMedia(t);
    Ranker.Ranking r = ranker.rank(new IdentityResult(List.of(), List.of()));
    RankedAccount consumer = r.accounts().stream().filter(a -> a.account().equals(new AccountKey("s2", "consumer"))).findFirst().orElseThrow();
    RankedAccount producer = r.accounts().stream().filter(a -> a.account().equals(new AccountKey("s1", "producer"))).findFirst().orElseThrow();
    assertThat(consumer.score().reasons()).isEqualTo("shared-new-media=90");
    assertThat(consumer.score().band()).isIn(org.webwatch.triage.Band.LOW, org.webwatch.triage.Band.MEDIUM);
    assertThat(producer.score().reasons()).isEqualTo("new-media=30");
    assertThat(producer.score().score()).isGreaterThan(consumer.score().score());
  }
}
