package org.webwatch.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  /** A fake transactional log: a batch is appended atomically; the result of a record is its position. */
  static final class FakeLog {
    final List<String> committed = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstBatchMayCommit;
    volatile boolean first = true;

    FakeLog(CountDownLatch firstBatchMayCommit) {
      this.firstBatchMayCommit = firstBatchMayCommit;
    }

    List<Integer> commit(List<String> records) {
      if (first) {
        first = false;
        try {
          firstBatchMayCommit.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      if (records.stream().anyMatch(r -> r.startsWith("bad"))) throw new IllegalArgumentException("refused: " + records);
      batchSizes.add(records.size());
      List<Integer> out = new ArrayList<>();
      synchronized (committed) {
        for (String r : records) {
          out.add(committed.size());
          committed.add(r);
        }
      }
      return out;
    }
  }

  /** Starts one submit that holds the first transaction open, then {@code others} that queue behind it. */
  private static List<Future<Integer>> queueBehindFirst(GroupCommit<String, Integer> gc, ExecutorService pool, List<String> others)
      throws InterruptedException {
    List<Future<Integer>> out = new ArrayList<>();
    out.add(pool.submit(() -> gc.submit("first")));
    while (gc.batches() < 1) Thread.sleep(1);
    for (String r : others) out.add(pool.submit(() -> gc.submit(r)));
    while (gc.queued() < others.size()) Thread.sleep(1);
    return out;
  }

  @Test
  void waitersQueuedBehindACommitGoInOneBatchAndGetTheirOwnResults() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeLog log = new FakeLog(release);
    GroupCommit<String, Integer> gc = new GroupCommit<>(log::commit, 64);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<String> others = new ArrayList<>();
      for (int i = 0; i < 10; i++) others.add("r" + i);
      List<Future<Integer>> f = queueBehindFirst(gc, pool, others);
      release.countDown();
      for (int i = 0; i < f.size(); i++) {
        int pos = f.get(i).get();
        // each caller gets the position of its own record: order of results = commit order
        assertThat(log.committed.get(pos)).isEqualTo(i == 0 ? "first" : others.get(i - 1));
      }
      assertThat(log.committed).hasSize(11);
      assertThat(gc.batches()).isEqualTo(2);
      assertThat(log.batchSizes).containsExactly(1, 10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void batchesNeverExceedTheLimit() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeLog log = new FakeLog(release);
    GroupCommit<String, Integer> gc = new GroupCommit<>(log::commit, 3);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<String> others = List.of("a", "b", "c", "d", "e", "f", "g");
      List<Future<Integer>> f = queueBehindFirst(gc, pool, others);
      release.countDown();
      for (Future<Integer> x : f) x.get();
      assertThat(log.batchSizes).containsExactly(1, 3, 3, 1);
      // queued records are committed oldest first
      assertThat(log.committed.subList(1, 8)).containsExactlyInAnyOrderElementsOf(others);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingRecordFailsOnlyItsOwnCallerAndOthersStillCommit() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeLog log = new FakeLog(release);
    GroupCommit<String, Integer> gc = new GroupCommit<>(log::commit, 64);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> f = queueBehindFirst(gc, pool, List.of("r1", "bad-one", "r2", "r3"));
      release.countDown();
      assertThat(f.get(0).get()).isEqualTo(0);
      assertThatThrownBy(() -> f.get(2).get()).hasCauseInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("refused: [bad-one]");
      for (int i : new int[] {1, 3, 4}) assertThat(log.committed.get(f.get(i).get())).isEqualTo(List.of("first", "r1", "bad-one", "r2", "r3").get(i));
      // the pool threads race to queue, so r1..r3 may be queued in any order; each caller got its own row above
      assertThat(log.committed.get(0)).isEqualTo("first");
      assertThat(log.committed).containsExactlyInAnyOrder("first", "r1", "r2", "r3");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLoneFailureIsThrownToTheCallerAndTheNextSubmitStillWorks() {
    GroupCommit<String, Integer> gc = new GroupCommit<>(new FakeLog(new CountDownLatch(0))::commit, 8);
    assertThatThrownBy(() -> gc.submit("bad")).isInstanceOf(IllegalArgumentException.class);
    assertThat(gc.submit("good")).isEqualTo(0);
  }

  @Test
  void aBatchFunctionReturningTheWrongNumberOfResultsIsAFailureNotALoss() {
    GroupCommit<String, Integer> gc = new GroupCommit<>(records -> List.of(), 8);
    assertThatThrownBy(() -> gc.submit("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("0 results for 1 records");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new GroupCommit<String, Integer>(r -> List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GroupCommit<String, Integer>(null, 1)).isInstanceOf(NullPointerException.class);
  }
}
