package org.webwatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;
import org.webwatch.model.AccountLink;
import org.webwatch.model.Evidence;
import org.webwatch.model.PersonAssignment;

class IdentityCsvWriterTest {
  static final AccountKey A = new AccountKey("s1", "7");
  static final AccountKey B = new AccountKey("s,2", "x\"y");

  static IdentityResult result() {
    return new IdentityResult(
        List.of(new PersonAssignment("p-1", A, 0.98765, List.of("shared-btc", "username")),
            new PersonAssignment("p-1", B, 1.0, List.of())),
        List.of(new AccountLink(A, B, 0.9876, "evidence-llr", "1",
            List.of(new Evidence("shared-btc", "bc1qabc", 8.0, "s1/post/1 <-> s,2/post/9")))));
  }

  @Test
  void identitiesFollowTheSpecAndQuoteLikeRfc4180() throws Exception {
    StringWriter w = new StringWriter();
    IdentityCsvWriter.writeIdentities(result(), w);
    assertThat(w.toString()).isEqualTo("person,site,account,confidence,evidence\r\n"
        + "p-1,s1,7,0.9877,shared-btc;username\r\n"
        + "p-1,\"s,2\",\"x\"\"y\",1.0,\r\n");
  }

  @Test
  void linksExplainEveryPieceOfEvidence() throws Exception {
    StringWriter w = new StringWriter();
    IdentityCsvWriter.writeLinks(result(), w);
    assertThat(w.toString()).isEqualTo(IdentityCsvWriter.LINKS_HEADER + "\r\n"
        + "s1,7,\"s,2\",\"x\"\"y\",0.9876,evidence-llr,1,shared-btc,bc1qabc,8.0,\"s1/post/1 <-> s,2/post/9\"\r\n");
  }
}
