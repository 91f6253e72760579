package org.webwatch.ingest.internal;

import static org.webwatch.ingest.internal.Fields.extra;
import static org.webwatch.ingest.internal.Fields.hex;
import static org.webwatch.ingest.internal.Fields.id;
import static org.webwatch.ingest.internal.Fields.idList;
import static org.webwatch.ingest.internal.Fields.string;
import static org.webwatch.ingest.internal.Fields.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.webwatch.model.Account;
import org.webwatch.model.Attachment;
import org.webwatch.model.Board;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;

/**
 * Maps one JSON object of a capture data file to its model record, checking every field the
 * spec types ({@code shared/spec/capture-format.md}); unknown fields go to {@code extra}.
 * Null values count as absent. Throws {@link Reject} on the first problem.
 */
public final class RecordParser {
  static final Set<String> SITE = Set.of("id", "name", "url", "software");
  static final Set<String> BOARD = Set.of("id", "site", "name", "parent");
  static final Set<String> THREAD = Set.of("id", "site", "board", "title", "author", "created_at");
  static final Set<String> ACCOUNT = Set.of("id", "site", "username", "registered_at", "role", "signature", "profile");
  static final Set<String> POST =
      Set.of("id", "site", "thread", "author", "created_at", "text", "reply_to", "quotes", "attachments");
  static final Set<String> MESSAGE =
      Set.of("id", "site", "author", "created_at", "text", "recipients", "subject", "attachments");
  static final Set<String> ATTACHMENT = Set.of(
      "id", "name", "mime", "size", "md5", "sha1", "sha256", "pdq", "pdq_quality", "pdq_policy", "photodna");

  private final ObjectMapper mapper;

  public RecordParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public Site site(JsonNode o) {
    return new Site(
        id(o, "id", "id", true),
        string(o, "name", "name", true),
        string(o, "url", "url", false),
        string(o, "software", "software", false),
        extra(mapper, o, SITE));
  }

  public Board board(JsonNode o) {
    return new Board(
        id(o, "id", "id", true),
        id(o, "site", "site", true),
        string(o, "name", "name", false),
        id(o, "parent", "parent", false),
        extra(mapper, o, BOARD));
  }

  public ForumThread thread(JsonNode o) {
    return new ForumThread(
        id(o, "id", "id", true),
        id(o, "site", "site", true),
        id(o, "board", "board", false),
        string(o, "title", "title", false),
        id(o, "author", "author", false),
        time(o, "created_at", "created_at", false),
        extra(mapper, o, THREAD));
  }

  public Account account(JsonNode o) {
    return new Account(
        id(o, "id", "id", true),
        id(o, "site", "site", true),
        string(o, "username", "username", true),
        time(o, "registered_at", "registered_at", false),
        string(o, "role", "role", false),
        string(o, "signature", "signature", false),
        Fields.stringMap(o, "profile", "profile"),
        extra(mapper, o, ACCOUNT));
  }

  public Post post(JsonNode o) {
    return new Post(
        id(o, "id", "id", true),
        id(o, "site", "site", true),
        id(o, "thread", "thread", false),
        id(o, "author", "author", true),
        time(o, "created_at", "created_at", true),
        string(o, "text", "text", true),
        id(o, "reply_to", "reply_to", false),
        idList(o, "quotes", "quotes", false),
        attachments(o),
        extra(mapper, o, POST));
  }

  public Message message(JsonNode o) {
    return new Message(
        id(o, "id", "id", true),
        id(o, "site", "site", true),
        id(o, "author", "author", true),
        time(o, "created_at", "created_at", true),
        string(o, "text", "text", true),
        idList(o, "recipients", "recipients", true),
        string(o, "subject", "subject", false),
        attachments(o),
        extra(mapper, o, MESSAGE));
  }

  private List<Attachment> attachments(JsonNode o) {
    JsonNode n = o.get("attachments");
    if (n == null || n.isNull()) return List.of();
    if (!n.isArray()) throw new Reject("attachments", "expected an array, got " + Fields.describe(n));
    List<Attachment> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      String p = "attachments[" + i + "]";
      JsonNode a = n.get(i);
      if (!a.isObject()) throw new Reject(p, "expected an object, got " + Fields.describe(a));
      out.add(attachment(a, p));
    }
    return Collections.unmodifiableList(out);
  }

  private Attachment attachment(JsonNode a, String p) {
    String policy = string(a, "pdq_policy", p + ".pdq_policy", false);
    if (policy != null && !policy.equals("full") && !policy.equals("nn512")) {
      throw new Reject(p + ".pdq_policy", "unknown policy '" + Fields.clip(policy) + "' (expected full or nn512)");
    }
    return new Attachment(
        id(a, "id", p + ".id", true),
        string(a, "name", p + ".name", false),
        string(a, "mime", p + ".mime", false),
        Fields.nonNegativeLong(a, "size", p + ".size"),
        hex(a, "md5", p + ".md5", 32),
        hex(a, "sha1", p + ".sha1", 40),
        hex(a, "sha256", p + ".sha256", 64),
        hex(a, "pdq", p + ".pdq", 64),
        Fields.intInRange(a, "pdq_quality", p + ".pdq_quality", 0, 100),
        policy,
        string(a, "photodna", p + ".photodna", false),
        extra(mapper, a, ATTACHMENT));
  }
}
