package org.webwatch.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.model.Account;
import org.webwatch.model.Attachment;
import org.webwatch.model.Board;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;

/**
 * Cross-record rules of a capture, applied after a record parsed: ids unique within their file
 * and site (attachment ids within the site), every record's {@code site} listed in sites, and
 * the {@code author} of posts and messages listed in accounts (those records are rejected).
 * References a partial crawl legitimately misses (a thread's board, a post's thread, message
 * recipients) are kept and counted in one warning per kind. Not checked: {@code reply_to},
 * {@code quotes} and {@code board.parent} (they may point forward in the file) and a thread's
 * {@code author} (threads come before accounts in visit order).
 */
public final class RecordChecks {
  private final RecordParser parser;
  private final Set<String> sites = new HashSet<>();
  private final LongHashSet boards = new LongHashSet();
  private final LongHashSet threads = new LongHashSet();
  private final LongHashSet accounts = new LongHashSet();
  private final LongHashSet posts = new LongHashSet();
  private final LongHashSet messages = new LongHashSet();
  private final LongHashSet attachments = new LongHashSet();
  private boolean haveBoards;
  private boolean haveThreads;
  private long threadsWithUnknownBoard;
  private long postsWithUnknownThread;
  private long messagesWithUnknownRecipient;

  public RecordChecks(ObjectMapper mapper) {
    this.parser = new RecordParser(mapper);
  }

  public void startFile(String kind, boolean boardsPresent, boolean threadsPresent) {
    this.haveBoards = boardsPresent;
    this.haveThreads = threadsPresent;
  }

  /** Parses and checks one record of one kind and hands it to the visitor; throws {@link Reject}. */
  @FunctionalInterface
  public interface Handler {
    void accept(JsonNode node, CaptureVisitor visitor);
  }

  /**
   * The handler for the records of {@code kind} ({@code sites}, {@code boards}, ...), chosen once
   * per file. Why one method per kind rather than one switch: the JIT compiles a method with
   * only the branches it has seen, so one method for all kinds was thrown away and recompiled
   * (with the whole record parser inlined) each time the next file brought a new kind — seven
   * compilations, about 3.8 s of compiler time per million posts (JFR, docs/benchmarks.md).
   */
  public Handler handler(String kind) {
    return switch (kind) {
      case "sites" -> this::site;
      case "boards" -> this::board;
      case "threads" -> this::thread;
      case "accounts" -> this::account;
      case "posts" -> this::post;
      case "messages" -> this::message;
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    };
  }

  private void site(JsonNode node, CaptureVisitor visitor) {
    Site s = parser.site(node);
    if (!sites.add(s.id())) throw new Reject("id", "duplicate site id '" + s.id() + "'");
    visitor.site(s);
  }

  private void board(JsonNode node, CaptureVisitor visitor) {
    Board b = parser.board(node);
    unique(boards, site(b.site()), b.id());
    visitor.board(b);
  }

  private void thread(JsonNode node, CaptureVisitor visitor) {
    ForumThread t = parser.thread(node);
    unique(threads, site(t.site()), t.id());
    if (haveBoards && t.board() != null && !boards.contains(LongHashSet.key(t.site(), t.board()))) threadsWithUnknownBoard++;
    visitor.thread(t);
  }

  private void account(JsonNode node, CaptureVisitor visitor) {
    Account a = parser.account(node);
    unique(accounts, site(a.site()), a.id());
    visitor.account(a);
  }

  private void post(JsonNode node, CaptureVisitor visitor) {
    Post p = parser.post(node);
    String site = authoredItem(p.site(), p.author(), p.id(), posts, p.attachments());
    if (haveThreads && p.thread() != null && !threads.contains(LongHashSet.key(site, p.thread()))) postsWithUnknownThread++;
    visitor.post(p);
  }

  private void message(JsonNode node, CaptureVisitor visitor) {
    Message m = parser.message(node);
    String site = authoredItem(m.site(), m.author(), m.id(), messages, m.attachments());
    for (String r : m.recipients()) {
      if (!accounts.contains(LongHashSet.key(site, r))) {
        messagesWithUnknownRecipient++;
        break;
      }
    }
    visitor.message(m);
  }

  /**
   * What posts and messages share: a listed site and author, an id unique in its file and site,
   * attachment ids unique in the site. Nothing is recorded unless all hold. Returns the site.
   */
  private String authoredItem(String site, String author, String id, LongHashSet ids, List<Attachment> list) {
    site(site);
    author(site, author);
    long key = LongHashSet.key(site, id);
    if (ids.contains(key)) throw duplicate(site, id);
    long[] att = attachmentKeys(site, list);
    ids.add(key);
    for (long k : att) attachments.add(k);
    return site;
  }

  private String site(String site) {
    if (!sites.contains(site)) throw new Reject("site", "unknown site '" + Fields.clip(site) + "' (not in sites.jsonl)");
    return site;
  }

  private void author(String site, String author) {
    if (!accounts.contains(LongHashSet.key(site, author))) {
      throw new Reject("author", "unknown account '" + Fields.clip(author) + "' on site '" + site + "' (not in accounts.jsonl)");
    }
  }

  private static void unique(LongHashSet set, String site, String id) {
    if (!set.add(LongHashSet.key(site, id))) throw duplicate(site, id);
  }

  private static Reject duplicate(String site, String id) {
    return new Reject("id", "duplicate id '" + Fields.clip(id) + "' on site '" + site + "'");
  }

  private long[] attachmentKeys(String site, List<Attachment> list) {
    long[] keys = new long[list.size()];
    for (int i = 0; i < keys.length; i++) {
      String id = list.get(i).id();
      long k = LongHashSet.key(site, id);
      boolean dupInRecord = false;
      for (int j = 0; j < i; j++) dupInRecord |= keys[j] == k;
      if (dupInRecord || attachments.contains(k)) {
        throw new Reject("attachments[" + i + "].id", "duplicate attachment id '" + Fields.clip(id) + "' on site '" + site + "'");
      }
      keys[i] = k;
    }
    return keys;
  }

  /** One warning per kind of kept dangling reference. */
  public List<String> danglingWarnings() {
    List<String> out = new ArrayList<>();
    if (threadsWithUnknownBoard > 0) out.add(threadsWithUnknownBoard + " thread(s) name a board not in boards.jsonl (kept)");
    if (postsWithUnknownThread > 0) out.add(postsWithUnknownThread + " post(s) name a thread not in threads.jsonl (kept)");
    if (messagesWithUnknownRecipient > 0) {
      out.add(messagesWithUnknownRecipient + " message(s) name a recipient not in accounts.jsonl (kept)");
    }
    return out;
  }
}
