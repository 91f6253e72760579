package org.webwatch.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.casework.AuditVerification;
import org.webwatch.store.WebwatchStore;

class AuditLogTest {
  @TempDir Path dir;
  WebwatchStore store;
  AuditLog log;

  @BeforeEach
  void fill() {
    store = WebwatchStore.open(dir);
    log = new AuditLog(store);
    for (int i = 1; i <= 6; i++) log.append(i, "alice", "search", "", Map.of("q", "query " + i));
  }

  @Test
  void intact() {
    AuditVerification v = log.verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.rowsChecked()).isEqualTo(6);
    assertThat(log.page(Long.MAX_VALUE, 2, null)).extracting(e -> e.seq()).containsExactly(6L, 5L);
    assertThat(log.page(Long.MAX_VALUE, 1, null).get(0).detail()).isEqualTo("{\"q\":\"query 6\"}");
  }

  @Test
  void editedRowNamed() {
    store.execute("UPDATE audit_log SET detail = '{\"q\":\"innocent\"}' WHERE seq = 3");
    AuditVerification v = log.verify();
    assertThat(v.brokenSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("edited");
  }

  @Test
  void deletedRowNamed() {
    store.execute("DELETE FROM audit_log WHERE seq = 4");
    AuditVerification v = log.verify();
    assertThat(v.brokenSeq()).isEqualTo(5);
    assertThat(v.problem()).contains("seq 4 missing");
  }

  @Test
  void deletedTailNamed() {
    store.execute("DELETE FROM audit_log WHERE seq >= 5");
    assertThat(log.verify().problem()).contains("deleted");
  }

  @Test
  void reorderedRowsNamed() {
    // swap the contents of rows 2 and 3 (as a reorder would)
    store.execute("UPDATE audit_log SET seq = -2 WHERE seq = 2");
    store.execute("UPDATE audit_log SET seq = 2 WHERE seq = 3");
    store.execute("UPDATE audit_log SET seq = 3 WHERE seq = -2");
    AuditVerification v = log.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("out of order");
  }

  @Test
  void appendAfterVerifyContinuesChain() {
    log.append(7, "bob", "login.ok", "user:bob", Map.of());
    assertThat(log.verify().intact()).isTrue();
    assertThat(log.size()).isEqualTo(7);
  }
}
