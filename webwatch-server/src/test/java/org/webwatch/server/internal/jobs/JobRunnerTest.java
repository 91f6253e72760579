package org.webwatch.server.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webwatch.WebwatchException;

class JobRunnerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final JobRunner runner = new JobRunner((action, job, actor) -> events.add(action + " " + job.id() + " " + job.state().code() + " " + actor), 2, 3);

  @AfterEach
  void close() {
    runner.close();
  }

  /** A work that reports a phase and progress, then waits for the test before finishing. */
  private static final class Gated implements JobWork {
    final CountDownLatch reported = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean discarded;
    volatile JobProgress progress;

    @Override
    public Map<String, Object> run(JobProgress p) throws Exception {
      progress = p;
      p.phase("reading", 200, "records");
      p.done(50);
      reported.countDown();
      if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("test never released the job");
      p.checkCancelled();
      p.done(200);
      return Map.of("records", 200L);
    }

    @Override
    public void discard() {
      discarded = true;
    }
  }

  @Test
  void reportsProgressWhileRunningAndTheSummaryWhenDone() throws Exception {
    Gated work = new Gated();
    Job queued = runner.submit(JobKind.CAPTURE_IMPORT, "alice", "upload a.zip", work);
    assertThat(queued.state()).isIn(JobState.QUEUED, JobState.RUNNING);
    assertThat(work.reported.await(30, TimeUnit.SECONDS)).isTrue();
    Job running = runner.find(queued.id()).orElseThrow();
    assertThat(running.state()).isEqualTo(JobState.RUNNING);
    assertThat(running.phase()).isEqualTo("reading");
    assertThat(running.done()).isEqualTo(50);
    assertThat(running.total()).isEqualTo(200);
    assertThat(running.percent()).isEqualTo(25);
    assertThat(running.startedAt()).isNotNull();
    assertThat(running.finishedAt()).isNull();
    work.release.countDown();
    Job done = runner.await(queued.id(), WAIT).orElseThrow();
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.percent()).isEqualTo(100);
    assertThat(done.summary()).containsEntry("records", 200L);
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.startedBy()).isEqualTo("alice");
    assertThat(work.discarded).isTrue();
    assertThat(events).containsExactly("job.submit 1 queued alice", "job.start 1 running alice", "job.end 1 succeeded alice");
  }

  @Test
  void failureKeepsTheFirstLocatedErrorsAndCountsAll() throws Exception {
    Job j = runner.submit(JobKind.HASHSET_IMPORT, "alice", "set.csv", p -> {
      p.phase("importing", -1, "bytes");
      for (int line = 2; line <= 6; line++) p.error("set.csv:" + line + ": md5: not 32 hex digits");
      p.errorCount(40);
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "set.csv:1: header: no hash column");
    });
    Job done = runner.await(j.id(), WAIT).orElseThrow();
    assertThat(done.state()).isEqualTo(JobState.FAILED);
    assertThat(done.failure()).isEqualTo("set.csv:1: header: no hash column");
    assertThat(done.errors()).containsExactly("set.csv:2: md5: not 32 hex digits", "set.csv:3: md5: not 32 hex digits",
        "set.csv:4: md5: not 32 hex digits");
    assertThat(done.errorCount()).isEqualTo(40);
    assertThat(done.moreErrors()).isEqualTo(37);
    assertThat(done.percent()).isEqualTo(-1);
    assertThat(events).last().isEqualTo("job.end 1 failed alice");
  }

  @Test
  void anUnexpectedExceptionFailsWithoutLeakingItsMessage() throws Exception {
    Job j = runner.submit(JobKind.TRIAGE, "alice", "store", p -> {
      throw new IllegalStateException("secret internals");
    });
    Job done = runner.await(j.id(), WAIT).orElseThrow();
    assertThat(done.state()).isEqualTo(JobState.FAILED);
    assertThat(done.failure()).contains("internal error").doesNotContain("secret internals");
  }

  @Test
  void runsOneJobAtATimeInOrderAndShowsTheOthersQueued() throws Exception {
    Gated first = new Gated();
    Job a = runner.submit(JobKind.CAPTURE_IMPORT, "alice", "a", first);
    assertThat(first.reported.await(30, TimeUnit.SECONDS)).isTrue();
    List<Long> order = Collections.synchronizedList(new ArrayList<>());
    Job b = runner.submit(JobKind.TRIAGE, "bob", "b", p -> {
      order.add(2L);
      return Map.of();
    });
    Job c = runner.submit(JobKind.HASHSET_IMPORT, "bob", "c", p -> {
      order.add(3L);
      return Map.of();
    });
    assertThat(runner.find(b.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
    assertThat(runner.find(c.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
    // the queue holds two: a third waiting job is refused and its work released
    Gated refused = new Gated();
    assertThatThrownBy(() -> runner.submit(JobKind.TRIAGE, "bob", "d", refused))
        .isInstanceOfSatisfying(WebwatchException.class, e -> assertThat(e.kind()).isEqualTo(WebwatchException.Kind.CONFLICT));
    assertThat(refused.discarded).isTrue();
    assertThat(runner.list()).extracting(Job::id).containsExactly(c.id(), b.id(), a.id());
    first.release.countDown();
    assertThat(runner.await(c.id(), WAIT).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(runner.find(a.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(order).containsExactly(2L, 3L);
  }

  @Test
  void cancelsAQueuedJobAtOnceAndARunningOneAtItsNextCheck() throws Exception {
    Gated running = new Gated();
    Job a = runner.submit(JobKind.CAPTURE_IMPORT, "alice", "a", running);
    assertThat(running.reported.await(30, TimeUnit.SECONDS)).isTrue();
    Gated waiting = new Gated();
    Job b = runner.submit(JobKind.TRIAGE, "alice", "b", waiting);

    Job cancelledB = runner.cancel(b.id(), "carol").orElseThrow();
    assertThat(cancelledB.state()).isEqualTo(JobState.CANCELLED);
    assertThat(waiting.discarded).isTrue();
    assertThat(waiting.progress).as("a cancelled queued job never runs").isNull();

    Job asked = runner.cancel(a.id(), "carol").orElseThrow();
    assertThat(asked.state()).isEqualTo(JobState.RUNNING);
    assertThat(asked.cancelRequested()).isTrue();
    running.release.countDown();
    Job done = runner.await(a.id(), WAIT).orElseThrow();
    assertThat(done.state()).isEqualTo(JobState.CANCELLED);
    assertThat(done.summary()).isEmpty();
    assertThat(running.discarded).isTrue();
    assertThatThrownBy(() -> runner.cancel(a.id(), "carol")).isInstanceOf(WebwatchException.class);
    assertThat(runner.cancel(999, "carol")).isEmpty();
    assertThat(events).contains("job.cancel 2 cancelled carol", "job.end 2 cancelled alice", "job.cancel 1 running carol",
        "job.end 1 cancelled alice");
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new JobRunner((a, j, u) -> {}, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JobRunner(null, 1, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
