package org.webwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.webwatch.WebwatchException;
import org.webwatch.ingest.ReadReport;
import org.webwatch.ingest.RecordError;
import org.webwatch.model.Account;
import org.webwatch.model.Board;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;

class PipelinedCaptureWriterTest {
  /** Records what it is given and on which thread; optionally fails on one site id. */
  private static final class Recording implements CaptureWriter {
    final List<String> calls = new ArrayList<>();
    final List<String> threads = new ArrayList<>();
    final String failOn;
    boolean committed;
    boolean closed;

    Recording(String failOn) {
      this.failOn = failOn;
    }

    private void call(String what) {
      calls.add(what);
      threads.add(Thread.currentThread().getName());
    }

    @Override
    public void site(Site site) {
      if (site.id().equals(failOn)) throw new WebwatchException(WebwatchException.Kind.INTERNAL, "store write failed: disk full");
      call("site " + site.id());
    }

    @Override
    public void board(Board board) {
      call("board");
    }

    @Override
    public void thread(ForumThread thread) {
      call("thread");
    }

    @Override
    public void account(Account account) {
      call("account");
    }

    @Override
    public void post(Post post) {
      call("post");
    }

    @Override
    public void message(Message message) {
      call("message");
    }

    @Override
    public void rejected(RecordError error) {
      call("rejected " + error);
    }

    @Override
    public void warning(String message) {
      call("warning " + message);
    }

    @Override
    public void commit(ReadReport report) {
      committed = true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static Site site(String id) {
    return new Site(id, "Board " + id, null, null, Map.of());
  }

  @Test
  void deliversEveryRecordInOrderOnOneOtherThreadBeforeTheCommit() {
    Recording r = new Recording(null);
    int n = PipelinedCaptureWriter.BATCH * 3 + 7; // several hand-offs plus a partial batch
    try (PipelinedCaptureWriter w = new PipelinedCaptureWriter(r)) {
      for (int i = 0; i < n; i++) {
        w.site(site("s" + i));
        if (i == 5) w.rejected(new RecordError("posts.jsonl", 12, "author", "unknown account"));
        if (i == 6) w.warning("ignored unknown file 'notes.txt'");
      }
      w.commit(null);
    }
    assertThat(r.committed).isTrue();
    assertThat(r.closed).isTrue();
    assertThat(r.calls).hasSize(n + 2);
    assertThat(r.calls.subList(0, 9)).containsExactly("site s0", "site s1", "site s2", "site s3", "site s4", "site s5",
        "rejected posts.jsonl:12: author: unknown account", "site s6", "warning ignored unknown file 'notes.txt'");
    assertThat(r.calls.get(r.calls.size() - 1)).isEqualTo("site s" + (n - 1));
    assertThat(r.threads).containsOnly("webwatch-sql-writer");
  }

  @Test
  void everyKindOfRecordReachesItsOwnMethodInOrder() {
    Recording r = new Recording(null);
    Map<String, Object> none = Map.of();
    try (PipelinedCaptureWriter w = new PipelinedCaptureWriter(r)) {
      w.post(new Post("p1", "s1", "t1", "a1", null, "text", null, List.of(), List.of(), none));
      w.site(site("s1"));
      w.message(new Message("m1", "s1", "a1", null, "text", List.of(), null, List.of(), none));
      w.board(new Board("b1", "s1", "board", null, none));
      w.warning("w");
      w.account(new Account("a1", "s1", "user", null, null, null, Map.of(), none));
      w.rejected(new RecordError("posts.jsonl", 3, "id", "duplicate"));
      w.thread(new ForumThread("t1", "s1", "b1", "title", "a1", null, none));
      w.commit(null);
    }
    assertThat(r.calls).containsExactly("post", "site s1", "message", "board", "warning w", "account",
        "rejected posts.jsonl:3: id: duplicate", "thread");
  }

  @Test
  void aFailureOfTheDelegateReachesTheReaderAndNothingIsCommitted() {
    Recording r = new Recording("s3");
    PipelinedCaptureWriter w = new PipelinedCaptureWriter(r);
    assertThatThrownBy(() -> {
      for (int i = 0; i < 100 * PipelinedCaptureWriter.BATCH; i++) w.site(site("s" + i));
      w.commit(null);
    }).isInstanceOf(WebwatchException.class).hasMessageContaining("disk full");
    w.close();
    assertThat(r.committed).isFalse();
    assertThat(r.closed).isTrue();
    assertThat(r.calls).containsExactly("site s0", "site s1", "site s2");
  }

  @Test
  void closeWithoutCommitStopsTheThreadAndClosesTheDelegate() {
    Recording r = new Recording(null);
    PipelinedCaptureWriter w = new PipelinedCaptureWriter(r);
    w.site(site("s0"));
    w.close();
    assertThat(r.committed).isFalse();
    assertThat(r.closed).isTrue();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("webwatch-sql-writer") && t.isAlive());
  }
}
