package org.webwatch.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.model.AccountKey;
import org.webwatch.model.AccountLink;
import org.webwatch.model.Evidence;
import org.webwatch.model.PersonAssignment;

class LinkingEvaluationTest {
  @TempDir Path dir;

  static PersonAssignment pa(String person, String site, String account) {
    return new PersonAssignment(person, new AccountKey(site, account), 1.0, List.of());
  }

  @Test
  void pairwisePrecisionRecallAndBreakdown() throws Exception {
    Files.writeString(dir.resolve("accounts.csv"), "site,account,person,role,motivated\n"
        + "s1,1,P,member,false\ns2,1,P,member,false\ns3,1,P,member,false\n"
        + "s1,2,Q,member,false\ns2,2,Q,member,false\ns1,3,R,admin,true\n");
    Files.writeString(dir.resolve("links.csv"), "person,site_a,account_a,site_b,account_b,evidence\n"
        + "P,s1,1,s2,1,shared-btc;username\nP,s1,1,s3,1,style;timing\nP,s2,1,s3,1,style;timing\n"
        + "Q,s1,2,s2,2,shared-pgp\n");
    Files.writeString(dir.resolve("decoys.csv"), "type,value,note\nbtc,bc1qdonate,site donation address\n");
    // predicted: P split (s3:1 alone), Q correct, R wrongly merged into Q via the decoy
    IdentityResult predicted = new IdentityResult(List.of(pa("a", "s1", "1"), pa("a", "s2", "1"), pa("b", "s3", "1"),
        pa("c", "s1", "2"), pa("c", "s2", "2"), pa("c", "s1", "3")),
        List.of(new AccountLink(new AccountKey("s1", "2"), new AccountKey("s1", "3"), 0.9, "m", "1",
            List.of(new Evidence("shared-btc", "bc1qdonate", 1, "x")))));
    LinkingEvaluation.Report r = LinkingEvaluation.evaluate(predicted, dir);
    assertThat(r.truePairs()).isEqualTo(4);
    assertThat(r.predictedPairs()).isEqualTo(4);
    assertThat(r.correctPairs()).isEqualTo(2);
    assertThat(r.precision()).isEqualTo(0.5);
    assertThat(r.recall()).isEqualTo(0.5);
    assertThat(r.hardCases().truePairs()).isEqualTo(2);
    assertThat(r.hardCases().found()).isZero();
    assertThat(r.byEvidence()).contains(new LinkingEvaluation.Breakdown("shared-btc", 1, 1),
        new LinkingEvaluation.Breakdown("shared-pgp", 1, 1), new LinkingEvaluation.Breakdown("style", 2, 0));
    assertThat(r.falseLinks()).isEqualTo(1);
    assertThat(r.decoyFalseLinks()).isEqualTo(1);
  }

  @Test
  void badTruthFileIsALocatedError() throws Exception {
    Files.writeString(dir.resolve("accounts.csv"), "site,account,person\ns1,1,P\ns1,2\n");
    assertThatThrownBy(() -> LinkingEvaluation.evaluate(new IdentityResult(List.of(), List.of()), dir))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("accounts.csv:3");
  }
}
