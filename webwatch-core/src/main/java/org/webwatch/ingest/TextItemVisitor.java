package org.webwatch.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.webwatch.model.Account;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.TextItem;
import org.webwatch.model.TextKind;

/**
 * Turns capture records into the text items signals are detected in, the one mapping every
 * stage shares: thread titles, signatures, each profile field (in key order), posts, and
 * messages (the subject as item {@code <id>#subject}, then the body). Blank texts are skipped.
 */
public final class TextItemVisitor implements CaptureVisitor {
  /** Suffix of the item id under which a message's subject is reported. */
  public static final String SUBJECT_SUFFIX = "#subject";

  private final Consumer<TextItem> sink;

  public TextItemVisitor(Consumer<TextItem> sink) {
    if (sink == null) throw new IllegalArgumentException("sink is required");
    this.sink = sink;
  }

  @Override
  public void thread(ForumThread t) {
    if (t.author() != null) emit(new TextItem(t.site(), TextKind.THREAD_TITLE, t.id(), t.author(), null, t.createdAt(), t.title()));
  }

  @Override
  public void account(Account a) {
    emit(new TextItem(a.site(), TextKind.SIGNATURE, a.id(), a.id(), null, null, a.signature()));
    if (a.profile() != null) {
      for (Map.Entry<String, String> e : new TreeMap<>(a.profile()).entrySet()) {
        emit(new TextItem(a.site(), TextKind.PROFILE, a.id(), a.id(), e.getKey(), null, e.getValue()));
      }
    }
  }

  @Override
  public void post(Post p) {
    emit(new TextItem(p.site(), TextKind.POST, p.id(), p.author(), null, p.createdAt(), p.text()));
  }

  @Override
  public void message(Message m) {
    emit(new TextItem(m.site(), TextKind.MESSAGE, m.id() + SUBJECT_SUFFIX, m.author(), null, m.createdAt(), m.subject()));
    emit(new TextItem(m.site(), TextKind.MESSAGE, m.id(), m.author(), null, m.createdAt(), m.text()));
  }

  private void emit(TextItem item) {
    if (item.text() != null && !item.text().isBlank()) sink.accept(item);
  }
}
