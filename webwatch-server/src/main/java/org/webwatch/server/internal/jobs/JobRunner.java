package org.webwatch.server.internal.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webwatch.WebwatchException;

/**
 * Runs background jobs (capture import, hash-set import, triage) one at a time on a single
 * worker thread, in submission order; further jobs wait in a bounded queue and are visible as
 * {@code queued}. Jobs live in memory only: a restart forgets them (the audit log keeps their
 * submission, start and end). A queued job is cancelled at once; a running one at its next
 * {@link JobProgress#checkCancelled()} (no thread interrupts: they would close the store's and
 * the index's file channels under the work).
 */
public final class JobRunner implements AutoCloseable {
  /** Jobs waiting at most; one more is refused (409) until the queue drains. */
  public static final int DEFAULT_MAX_QUEUED = 8;
  /** Located errors kept per job; all are counted. */
  public static final int DEFAULT_ERRORS_KEPT = 20;
  /** Finished jobs remembered; older ones are forgotten (the audit log keeps them). */
  public static final int FINISHED_KEPT = 200;
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  /** Receives {@code job.submit}, {@code job.start}, {@code job.cancel} and {@code job.end} with the job as it is then. */
  public interface Events {
    void event(String action, Job job, String actor);
  }

  private final Events events;
  private final int maxQueued;
  private final int errorsKept;
  private final ExecutorService worker;
  private final Map<Long, Entry> jobs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  public JobRunner(Events events, int maxQueued, int errorsKept) {
    if (events == null) throw new IllegalArgumentException("events is required");
    if (maxQueued < 1) throw new IllegalArgumentException("maxQueued must be >= 1: " + maxQueued);
    if (errorsKept < 0) throw new IllegalArgumentException("errorsKept must be >= 0: " + errorsKept);
    this.events = events;
    this.maxQueued = maxQueued;
    this.errorsKept = errorsKept;
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "webwatch-job");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Queues {@code work}; returns the job as queued.
   *
   * @throws WebwatchException CONFLICT when {@link #DEFAULT_MAX_QUEUED maxQueued} jobs already wait
   */
  public Job submit(JobKind kind, String user, String label, JobWork work) {
    Entry e;
    synchronized (this) {
      long waiting = jobs.values().stream().filter(j -> j.state == JobState.QUEUED).count();
      if (waiting >= maxQueued) {
        work.discard();
        throw new WebwatchException(WebwatchException.Kind.CONFLICT,
            waiting + " jobs are already waiting; try again when one has finished");
      }
      e = new Entry(ids.incrementAndGet(), kind, user, label, work);
      jobs.put(e.id, e);
      forgetOldFinished();
    }
    fire("job.submit", e, user);
    worker.execute(() -> run(e));
    return e.snapshot();
  }

  /** Every remembered job, newest first. */
  public List<Job> list() {
    return jobs.values().stream().sorted(Comparator.comparingLong((Entry e) -> e.id).reversed()).map(Entry::snapshot).toList();
  }

  public Optional<Job> find(long id) {
    Entry e = jobs.get(id);
    return e == null ? Optional.empty() : Optional.of(e.snapshot());
  }

  /**
   * Cancels a queued job at once, or asks a running one to stop. Returns the job as it is now;
   * empty when there is no such job.
   *
   * @throws WebwatchException CONFLICT when the job has already finished
   */
  public Optional<Job> cancel(long id, String user) {
    Entry e = jobs.get(id);
    if (e == null) return Optional.empty();
    boolean discard = false;
    synchronized (e) {
      if (e.state.finished()) throw new WebwatchException(WebwatchException.Kind.CONFLICT, "job " + id + " has already finished");
      e.cancelRequested = true;
      if (e.state == JobState.QUEUED) {
        e.state = JobState.CANCELLED;
        e.finishedAt = Instant.now();
        discard = true;
      }
    }
    fire("job.cancel", e, user);
    if (discard) {
      discardQuietly(e);
      fire("job.end", e, e.user);
      e.finished.countDown();
    }
    return Optional.of(e.snapshot());
  }

  /** Waits until job {@code id} has finished or {@code timeout} passed; returns it as it is then. */
  public Optional<Job> await(long id, Duration timeout) throws InterruptedException {
    Entry e = jobs.get(id);
    if (e == null) return Optional.empty();
    e.finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return Optional.of(e.snapshot());
  }

  private void run(Entry e) {
    synchronized (e) {
      if (e.state != JobState.QUEUED) return; // cancelled while it waited
      e.state = JobState.RUNNING;
      e.startedAt = Instant.now();
    }
    fire("job.start", e, e.user);
    Map<String, Object> summary = Map.of();
    JobState end;
    String failure = null;
    try {
      summary = e.work.run(e);
      end = JobState.SUCCEEDED;
    } catch (JobCancelledException c) {
      end = JobState.CANCELLED;
    } catch (WebwatchException w) {
      end = JobState.FAILED;
      failure = w.getMessage();
    } catch (Exception | Error x) {
      LOG.error("job {} ({}) failed", e.id, e.kind.code(), x);
      end = JobState.FAILED;
      failure = "internal error (see the server log): " + x.getClass().getSimpleName();
    } finally {
      discardQuietly(e);
    }
    synchronized (e) {
      e.summary = summary == null ? Map.of() : summary;
      e.failure = failure;
      e.state = end;
      e.finishedAt = Instant.now();
    }
    fire("job.end", e, e.user);
    e.finished.countDown();
  }

  private void discardQuietly(Entry e) {
    try {
      e.work.discard();
    } catch (RuntimeException x) {
      LOG.warn("job {}: cleanup failed", e.id, x);
    }
  }

  private void fire(String action, Entry e, String actor) {
    try {
      events.event(action, e.snapshot(), actor);
    } catch (RuntimeException x) {
      LOG.error("job {}: cannot record {}", e.id, action, x);
    }
  }

  private void forgetOldFinished() {
    List<Entry> finished = new ArrayList<>(jobs.values().stream().filter(j -> j.state.finished()).toList());
    if (finished.size() <= FINISHED_KEPT) return;
    finished.sort(Comparator.comparingLong(j -> j.id));
    for (Entry old : finished.subList(0, finished.size() - FINISHED_KEPT)) jobs.remove(old.id);
  }

  /** Stops taking jobs and asks the running one to stop; does not wait for it. */
  @Override
  public void close() {
    for (Entry e : jobs.values()) {
      if (e.state == JobState.RUNNING) e.cancelRequested = true;
    }
    worker.shutdown();
  }

  /** Mutable state of one job; the worker thread writes it, requests read snapshots. */
  private final class Entry implements JobProgress {
    final long id;
    final JobKind kind;
    final String user;
    final String label;
    final JobWork work;
    final Instant submittedAt = Instant.now();
    final CountDownLatch finished = new CountDownLatch(1);
    final List<String> errors = new ArrayList<>();
    volatile JobState state = JobState.QUEUED;
    volatile Instant startedAt;
    volatile Instant finishedAt;
    volatile String phase = "waiting";
    volatile long done;
    volatile long total = -1;
    volatile String unit = "";
    volatile long errorCount;
    volatile Map<String, Object> summary = Map.of();
    volatile String failure;
    volatile boolean cancelRequested;

    Entry(long id, JobKind kind, String user, String label, JobWork work) {
      this.id = id;
      this.kind = kind;
      this.user = user;
      this.label = label;
      this.work = work;
    }

    synchronized Job snapshot() {
      List<String> shown;
      synchronized (errors) {
        shown = List.copyOf(errors);
      }
      return new Job(id, kind, user, label, submittedAt, startedAt, finishedAt, state, phase, done, total, unit,
          new LinkedHashMap<>(summary), shown, errorCount, failure, cancelRequested);
    }

    @Override
    public void phase(String name, long total, String unit) {
      this.phase = name;
      this.total = total;
      this.unit = unit == null ? "" : unit;
      this.done = 0;
    }

    @Override
    public void done(long n) {
      this.done = n;
    }

    @Override
    public void error(String located) {
      synchronized (errors) {
        if (errors.size() < errorsKept) errors.add(located);
        errorCount++;
      }
    }

    @Override
    public void errorCount(long n) {
      synchronized (errors) {
        if (n > errorCount) errorCount = n;
      }
    }

    @Override
    public void checkCancelled() {
      if (cancelRequested) throw new JobCancelledException();
    }
  }
}
