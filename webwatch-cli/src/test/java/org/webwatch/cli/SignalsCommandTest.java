package org.webwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalsCommandTest {
  @Test
  void writesBothCsvsFromACaptureDirectory(@TempDir Path dir) throws Exception {
    Path cap = Files.createDirectories(dir.resolve("cap"));
    Files.writeString(cap.resolve("capture.json"), "{\"format\":\"webwatch-capture\",\"version\":1,\"id\":\"t\"}");
    Files.writeString(cap.resolve("sites.jsonl"), "{\"id\":\"s1\",\"name\":\"x\"}\n");
    Files.writeString(cap.resolve("accounts.jsonl"), "{\"id\":17,\"site\":\"s1\",\"username\":\"u\",\"signature\":\"strip metadata before you post\",\"profile\":{\"contact\":\"t.me/quiet_fox\"}}\n");
    Files.writeString(cap.resolve("posts.jsonl"), "{\"id\":901,\"site\":\"s1\",\"thread\":1,\"author\":17,\"created_at\":\"2019-03-02T21:14:00Z\",\"text\":\"stop watching and start doing\"}\n");
    Path out = dir.resolve("out");
    int rc = WebwatchCli.commandLine().execute("signals", "--capture", cap.toString(), "--out", out.toString());
    assertThat(rc).isEqualTo(WebwatchCli.EXIT_OK);
    assertThat(Files.readString(out.resolve("indicators.csv")))
        .startsWith("site,kind,item,account,category,start,end,text\r\n")
        .contains("s1,signature,17,17,opsec,0,14,strip metadata\r\n")
        .contains("s1,post,901,17,contact-advocacy,0,29,stop watching and start doing");
    assertThat(Files.readString(out.resolve("identifiers.csv"))).contains("s1,profile,17,17,telegram,@quiet_fox,true");
  }

  @Test
  void missingManifestIsARefusedInputWithThePath(@TempDir Path dir) {
    int rc = WebwatchCli.commandLine().execute("signals", "--capture", dir.toString(), "--out", dir.resolve("o").toString());
    assertThat(rc).isEqualTo(WebwatchCli.EXIT_REFUSED);
  }
}
