package org.webwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureRecordErrorsTest {
  @TempDir Path tmp;
  private static final String OK = "{\"id\":1,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"fine\"}";

  /** Reads a capture whose posts.jsonl is {@code OK} then {@code bad}; returns the one error (line 2). */
  private String errorFor(String bad) throws Exception {
    Captures.Recorder v = new Captures.Recorder();
    ReadReport r = new CaptureReader().read(Captures.dir(tmp.resolve("c" + System.nanoTime()), Captures.withPosts(OK, bad)), v);
    assertThat(r.acceptedByFile()).containsEntry("posts.jsonl", 1L);
    assertThat(r.rejectedByFile()).containsEntry("posts.jsonl", 1L);
    assertThat(v.posts).hasSize(1);
    assertThat(v.errors).hasSize(1);
    assertThat(r.errors()).containsExactlyElementsOf(v.errors);
    return r.errors().get(0).toString();
  }

  private static String post(String fields) {
    return "{\"id\":2,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"t\"" + fields + "}";
  }

  @Test
  void invalidJson() throws Exception {
    assertThat(errorFor("{\"id\":2,")).startsWith("posts.jsonl:2: -: invalid JSON: ");
    assertThat(errorFor("[1,2]")).isEqualTo("posts.jsonl:2: -: expected a JSON object, got array");
    assertThat(errorFor("{\"id\":2} {\"id\":3}")).startsWith("posts.jsonl:2: -: invalid JSON: ");
    assertThat(errorFor("{\"id\":2,\"id\":3}")).startsWith("posts.jsonl:2: -: invalid JSON: Duplicate field 'id'");
  }

  @Test
  void missingRequiredField() throws Exception {
    assertThat(errorFor("{\"id\":2,\"site\":\"s1\",\"author\":17,\"created_at\":0}"))
        .isEqualTo("posts.jsonl:2: text: missing required field");
    assertThat(errorFor("{\"id\":null,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"t\"}"))
        .isEqualTo("posts.jsonl:2: id: missing required field");
  }

  @Test
  void wrongType() throws Exception {
    assertThat(errorFor(post(",\"text2\":1").replace("\"text\":\"t\"", "\"text\":5")))
        .isEqualTo("posts.jsonl:2: text: expected a string, got an integer");
    assertThat(errorFor(post("").replace("\"id\":2", "\"id\":2.5")))
        .isEqualTo("posts.jsonl:2: id: expected a string or integer id, got a decimal number");
    assertThat(errorFor(post(",\"quotes\":\"x\"")))
        .isEqualTo("posts.jsonl:2: quotes: expected an array of ids, got a string");
    assertThat(errorFor(post(",\"attachments\":[{\"id\":\"a\",\"size\":\"big\"}]")))
        .isEqualTo("posts.jsonl:2: attachments[0].size: expected an integer, got a string");
  }

  @Test
  void badTimestamp() throws Exception {
    assertThat(errorFor(post("").replace("\"created_at\":0", "\"created_at\":\"2019-03-02 21:14\"")))
        .isEqualTo("posts.jsonl:2: created_at: invalid timestamp '2019-03-02 21:14': expected ISO-8601 with an offset "
            + "or Z (2019-03-02T21:14:00Z) or integer Unix seconds");
    assertThat(errorFor(post("").replace("\"created_at\":0", "\"created_at\":\"2019-03-02T21:14:00\"")))
        .startsWith("posts.jsonl:2: created_at: invalid timestamp '2019-03-02T21:14:00'");
    assertThat(errorFor(post("").replace("\"created_at\":0", "\"created_at\":true")))
        .isEqualTo("posts.jsonl:2: created_at: expected an ISO-8601 timestamp or integer Unix seconds, got a boolean");
  }

  @Test
  void badHexAndPdq() throws Exception {
    assertThat(errorFor(post(",\"attachments\":[{\"id\":\"a\",\"md5\":\"zz\"}]")))
        .isEqualTo("posts.jsonl:2: attachments[0].md5: expected 32 hex digits, got 2 characters");
    assertThat(errorFor(post(",\"attachments\":[{\"id\":\"a\",\"sha1\":\"" + "g".repeat(40) + "\"}]")))
        .isEqualTo("posts.jsonl:2: attachments[0].sha1: not hex: '" + "g".repeat(40) + "'");
    assertThat(errorFor(post(",\"attachments\":[{\"id\":\"a\"},{\"id\":\"b\",\"pdq\":\"" + "f".repeat(63) + "\"}]")))
        .isEqualTo("posts.jsonl:2: attachments[1].pdq: expected 64 hex digits, got 63 characters");
    assertThat(errorFor(post(",\"attachments\":[{\"id\":\"a\",\"pdq\":\"" + "F".repeat(64) + "\",\"pdq_quality\":101}]")))
        .isEqualTo("posts.jsonl:2: attachments[0].pdq_quality: out of range 0–100: 101");
    assertThat(errorFor(post(",\"attachments\":[{\"id\":\"a\",\"pdq_quality\":-1}]")))
        .isEqualTo("posts.jsonl:2: attachments[0].pdq_quality: out of range 0–100: -1");
    assertThat(errorFor(post(",\"attachments\":[{\"id\":\"a\",\"pdq_policy\":\"half\"}]")))
        .isEqualTo("posts.jsonl:2: attachments[0].pdq_policy: unknown policy 'half' (expected full or nn512)");
  }

  @Test
  void duplicateIdWithinFileAndSite() throws Exception {
    assertThat(errorFor(OK.replace("fine", "again"))).isEqualTo("posts.jsonl:2: id: duplicate id '1' on site 's1'");
    assertThat(errorFor(post(",\"attachments\":[{\"id\":\"x\"},{\"id\":\"x\"}]")))
        .isEqualTo("posts.jsonl:2: attachments[1].id: duplicate attachment id 'x' on site 's1'");
  }

  @Test
  void sameIdOnAnotherSiteIsNotADuplicate() throws Exception {
    Map<String, byte[]> m = Captures.withPosts(OK, OK.replace("\"s1\"", "\"s2\"").replace("17", "5"));
    m.put("sites.jsonl", Captures.utf8(Captures.SITES + "{\"id\":\"s2\",\"name\":\"Other\"}\n"));
    m.put("accounts.jsonl", Captures.utf8(Captures.ACCOUNTS + "{\"id\":5,\"site\":\"s2\",\"username\":\"x\"}\n"));
    ReadReport r = new CaptureReader().read(Captures.dir(tmp.resolve("two"), m), new Captures.Recorder());
    assertThat(r.rejected()).isZero();
    assertThat(r.acceptedByFile()).containsEntry("posts.jsonl", 2L);
  }

  @Test
  void danglingReferences() throws Exception {
    assertThat(errorFor(post("").replace("\"author\":17", "\"author\":99")))
        .isEqualTo("posts.jsonl:2: author: unknown account '99' on site 's1' (not in accounts.jsonl)");
    assertThat(errorFor(post("").replace("\"site\":\"s1\"", "\"site\":\"nope\"")))
        .isEqualTo("posts.jsonl:2: site: unknown site 'nope' (not in sites.jsonl)");
  }

  @Test
  void keptDanglingThreadReferenceIsWarnedOnce() throws Exception {
    Map<String, byte[]> m = Captures.withPosts(post(",\"thread\":404"), post(",\"thread\":405").replace("\"id\":2", "\"id\":3"));
    m.put("threads.jsonl", Captures.utf8("{\"id\":55,\"site\":\"s1\",\"title\":\"Welcome\"}\n"));
    ReadReport r = new CaptureReader().read(Captures.dir(tmp.resolve("d"), m), new Captures.Recorder());
    assertThat(r.rejected()).isZero();
    assertThat(r.warnings()).containsExactly("2 post(s) name a thread not in threads.jsonl (kept)");
  }

  @Test
  void errorsInOtherFilesAreLocatedThere() throws Exception {
    Map<String, byte[]> m = Captures.basic();
    m.put("accounts.jsonl", Captures.utf8(Captures.ACCOUNTS + "\n{\"id\":19,\"site\":\"s1\"}\n"));
    ReadReport r = new CaptureReader().read(Captures.dir(tmp.resolve("e"), m), new Captures.Recorder());
    assertThat(r.errors()).extracting(Object::toString).containsExactly("accounts.jsonl:4: username: missing required field");
    assertThat(r.accepted()).isEqualTo(4);
  }
}
