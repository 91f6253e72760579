package org.webwatch.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static List<AuditEntry> chain(int n) {
    List<AuditEntry> rows = new ArrayList<>();
    AuditEntry prev = null;
    for (int i = 0; i < n; i++) {
      prev = AuditChain.next(prev, 1_000L + i, "alice", "dossier.view", "person:P" + i, "{}");
      rows.add(prev);
    }
    return rows;
  }

  private static AuditVerification verify(List<AuditEntry> rows, List<AuditEntry> original) {
    AuditEntry head = original.get(original.size() - 1);
    return AuditChain.verify(rows, head.seq(), head.hash());
  }

  @Test
  void intactChainVerifies() {
    List<AuditEntry> rows = chain(5);
    assertThat(verify(rows, rows).intact()).isTrue();
    assertThat(verify(rows, rows).rowsChecked()).isEqualTo(5);
    assertThat(rows.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
  }

  @Test
  void editedRowIsNamed() {
    List<AuditEntry> rows = chain(5);
    List<AuditEntry> t = new ArrayList<>(rows);
    AuditEntry e = t.get(2);
    t.set(2, new AuditEntry(e.seq(), e.time(), "mallory", e.action(), e.target(), e.detail(), e.prevHash(), e.hash()));
    AuditVerification v = verify(t, rows);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("edited");
  }

  @Test
  void editedRowWithRecomputedHashIsCaughtByTheNextLink() {
    List<AuditEntry> rows = chain(5);
    List<AuditEntry> t = new ArrayList<>(rows);
    AuditEntry e = t.get(1);
    String h = AuditChain.hash(e.seq(), e.time(), "mallory", e.action(), e.target(), e.detail(), e.prevHash());
    t.set(1, new AuditEntry(e.seq(), e.time(), "mallory", e.action(), e.target(), e.detail(), e.prevHash(), h));
    AuditVerification v = verify(t, rows);
    assertThat(v.brokenSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("prev_hash");
  }

  @Test
  void deletedRowIsNamed() {
    List<AuditEntry> rows = chain(5);
    List<AuditEntry> t = new ArrayList<>(rows);
    t.remove(1);
    AuditVerification v = verify(t, rows);
    assertThat(v.brokenSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("seq 2 missing");
  }

  @Test
  void deletedTailIsCaughtByTheHead() {
    List<AuditEntry> rows = chain(5);
    AuditVerification v = verify(rows.subList(0, 3), rows);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenSeq()).isEqualTo(4);
    assertThat(v.problem()).contains("deleted");
  }

  @Test
  void reorderedRowsAreNamed() {
    List<AuditEntry> rows = chain(5);
    List<AuditEntry> t = new ArrayList<>(rows);
    Collections.swap(t, 1, 3);
    AuditVerification v = verify(t, rows);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenSeq()).isEqualTo(4);
    assertThat(v.problem()).contains("out of order");
    // a row moved backwards is named where it is found
    List<AuditEntry> t2 = new ArrayList<>(rows.subList(0, 3));
    t2.add(rows.get(1));
    AuditVerification v2 = AuditChain.verify(t2, -1, null);
    assertThat(v2.brokenSeq()).isEqualTo(2);
    assertThat(v2.problem()).contains("out of order");
  }

  @Test
  void canonicalEncodingSeparatesFields() {
    assertThat(AuditChain.hash(1, 1, "ab", "c", "", "{}", AuditChain.GENESIS))
        .isNotEqualTo(AuditChain.hash(1, 1, "a", "bc", "", "{}", AuditChain.GENESIS));
  }
}
