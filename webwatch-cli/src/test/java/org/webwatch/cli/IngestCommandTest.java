package org.webwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    CommandLine cl = WebwatchCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path capture(String id, String posts) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(id));
    Files.writeString(d.resolve("capture.json"), "{\"format\":\"webwatch-capture\",\"version\":1,\"id\":\"" + id + "\"}");
    Files.writeString(d.resolve("sites.jsonl"), "{\"id\":\"s1\",\"name\":\"Example board\"}\n");
    Files.writeString(d.resolve("accounts.jsonl"), "{\"id\":17,\"site\":\"s1\",\"username\":\"owl_77\"}\n");
    Files.writeString(d.resolve("posts.jsonl"), posts);
    return d;
  }

  @Test
  void ingestThenStatus() throws Exception {
    String data = tmp.resolve("data").toString();
    Path clean = capture("clean", "{\"id\":1,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"see you at the market\"}\n");
    Run r = run("ingest", "--data", data, clean.toString());
    assertThat(r.exit()).isEqualTo(WebwatchCli.EXIT_OK);
    assertThat(r.out()).contains("capture clean (").contains("3 records imported, 0 rejected");

    Path bad = capture("bad", "{\"id\":1,\"site\":\"s1\",\"author\":99,\"created_at\":0,\"text\":\"x\"}\n");
    r = run("ingest", "--data", data, bad.toString());
    assertThat(r.exit()).isEqualTo(WebwatchCli.EXIT_WITH_REJECTS);
    assertThat(r.out()).contains("posts.jsonl:1: author: unknown account '99' on site 's1' (not in accounts.jsonl)");

    r = run("ingest", "--data", data, clean.toString());
    assertThat(r.exit()).isEqualTo(WebwatchCli.EXIT_OK);
    assertThat(r.out()).contains("already imported");

    Files.writeString(bad.resolve("capture.json"), "{\"format\":\"webwatch-capture\",\"version\":3,\"id\":\"bad\"}");
    r = run("ingest", "--data", data, bad.toString());
    assertThat(r.exit()).isEqualTo(WebwatchCli.EXIT_REFUSED);
    assertThat(r.err()).contains("refused: capture.json: version: capture format version 3 is newer");

    r = run("status", "--data", data);
    assertThat(r.exit()).isEqualTo(WebwatchCli.EXIT_OK);
    assertThat(r.out()).contains("captures: 2").containsPattern("post\\s+1\\n").containsPattern("rejected_record\\s+1\\n")
        .contains("full-text index: 1 documents");
  }
}
