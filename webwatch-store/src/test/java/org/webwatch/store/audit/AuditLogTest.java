package org.webwatch.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.casework.AuditEntry;
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

  @Test
  void concurrentAppendsAreAllCommittedInOneVerifiableChain() throws Exception {
    int threads = 12;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<AuditEntry>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      futures.add(pool.submit(() -> {
        List<AuditEntry> mine = new ArrayList<>();
        for (int i = 0; i < each; i++) mine.add(log.append(100 + i, "user" + id, "dossier.view", "account:s:" + id + "-" + i, Map.of()));
        return mine;
      }));
    }
    Map<Long, AuditEntry> returned = new HashMap<>();
    for (Future<List<AuditEntry>> f : futures) for (AuditEntry e : f.get()) assertThat(returned.put(e.seq(), e)).isNull();
    pool.shutdown();
    assertThat(returned).hasSize(threads * each);
    assertThat(log.verify().intact()).isTrue();
    assertThat(log.size()).isEqualTo(6 + threads * each);
    // what each caller got back is exactly the committed row, and seq order is commit (storage) order
    List<AuditEntry> stored = log.page(Long.MAX_VALUE, 1000, "dossier.view");
    assertThat(stored).hasSize(threads * each);
    for (AuditEntry e : stored) assertThat(returned.get(e.seq())).isEqualTo(e);
    assertThat(log.commits()).isBetween(1L, 6L + threads * each);
  }

  @Test
  void aRowTheDatabaseRefusesFailsItsCallerOnlyAndTheChainStaysIntact() throws Exception {
    store.execute("CREATE TRIGGER refuse_mallory BEFORE INSERT ON audit_log WHEN NEW.actor = 'mallory' "
        + "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<AuditEntry>> ok = new ArrayList<>();
    List<Future<AuditEntry>> bad = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String actor = i % 10 == 3 ? "mallory" : "alice";
      (actor.equals("mallory") ? bad : ok).add(pool.submit(() -> log.append(200, actor, "dossier.view", "person:P1", Map.of())));
    }
    for (Future<AuditEntry> f : bad) {
      assertThatThrownBy(f::get).hasCauseInstanceOf(WebwatchException.class).hasMessageContaining("refused by test trigger");
    }
    for (Future<AuditEntry> f : ok) assertThat(f.get().actor()).isEqualTo("alice");
    pool.shutdown();
    assertThat(log.size()).isEqualTo(6 + 36);
    assertThat(log.verify().intact()).isTrue();
  }
}
