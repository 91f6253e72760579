package org.webwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TriageCommandsTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    CommandLine cl = WebwatchCli.commandLine();
    StringWriter out = new StringWriter(), err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void helpListsTriageAndEvaluateWithTheirOptions() {
    assertThat(run("--help")[1]).contains("triage", "evaluate");
    String triage = run("triage", "--help")[1];
    assertThat(triage).contains("--capture", "--hashes", "--chain", "--rules", "--model", "--out", "--data", "--threads", "Example:");
    assertThat(run("evaluate", "--help")[1]).contains("--truth", "--out", "Example:");
  }

  @Test
  void missingRequiredOptionsAreAUsageError() {
    assertThat(run("triage", "--out", dir.toString())[0]).isEqualTo(Integer.toString(WebwatchCli.EXIT_USAGE));
    assertThat(run("evaluate", "--out", dir.toString())[0]).isEqualTo(Integer.toString(WebwatchCli.EXIT_USAGE));
  }

  @Test
  void evaluateWritesItsFiles() throws Exception {
    Path t = Files.createDirectories(dir.resolve("truth"));
    Files.writeString(t.resolve("truth.json"), "{\"format\":\"webwatch-truth\",\"version\":1,\"seed\":5}");
    Files.writeString(t.resolve("accounts.csv"), "site,account,person,role,motivated\ns1,1,P1,producer,true\ns1,2,P2,bystander,false\n");
    Files.writeString(t.resolve("indicators.csv"), "site,kind,item,account,category,start,end,text\n");
    Files.writeString(t.resolve("media.csv"), "site,post,account,attachment,status\n");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("accounts.csv"), "rank,site,account,username,person,score,band,reasons\n"
        + "1,s1,1,a,X,50.000,high,access-claim=2\n2,s1,2,b,Y,0.000,low,\n");
    Files.writeString(out.resolve("persons.csv"), "rank,person,score,band,accounts,reasons\n1,X,50.000,high,s1:1,\n2,Y,0.000,low,s1:2,\n");
    Files.writeString(out.resolve("identities.csv"), "person,site,account,confidence,evidence\nX,s1,1,1.000,\nY,s1,2,1.000,\n");
    Files.writeString(out.resolve("indicators.csv"), "site,kind,item,account,category,start,end,text\n");
    Files.writeString(out.resolve("media.csv"), "site,post,account,attachment,status,source,category,distance\n");
    String[] r = run("evaluate", "--truth", t.resolve("truth.json").toString(), "--out", out.toString());
    assertThat(r[0]).isEqualTo("0");
    assertThat(Files.readString(out.resolve("evaluation.json"))).contains("\"precision_at_k\" : 1.0");
    assertThat(Files.readString(out.resolve("evaluation.md"))).contains("| accounts | 1 | 2 | 1.000 |");
  }

  @Test
  void theLinkingOperatingPointIsChosenOnTheCommandLineAndRecordedInTheSummary() throws Exception {
    Path pop = dir.resolve("pop");
    assertThat(run("generate", "--persons", "60", "--seed", "3", "--out", pop.toString())[0]).isEqualTo("0");
    Path out = dir.resolve("balanced");
    String[] r = run("triage", "--capture", pop.resolve("capture").toString(), "--out", out.toString(), "--linking", "balanced");
    assertThat(r[0]).isIn(Integer.toString(WebwatchCli.EXIT_OK), Integer.toString(WebwatchCli.EXIT_WITH_REJECTS)); // the generator writes broken records on purpose
    assertThat(Files.readString(out.resolve("summary.json"))).contains("\"linking\" : \"balanced\"");
    Path strict = dir.resolve("strict");
    run("triage", "--capture", pop.resolve("capture").toString(), "--out", strict.toString());
    assertThat(Files.readString(strict.resolve("summary.json"))).doesNotContain("\"linking\"");
    String[] bad = run("triage", "--capture", pop.resolve("capture").toString(), "--out", strict.toString(), "--linking", "loose");
    assertThat(bad[0]).isEqualTo(Integer.toString(WebwatchCli.EXIT_USAGE));
    assertThat(bad[2]).contains("--linking: unknown linking operating point 'loose' (strict or balanced)");
    assertThat(run("triage", "--help")[1]).contains("--linking");
  }

  @Test
  void aBrokenTruthFileIsRefusedWithItsLocation() throws Exception {
    Path t = Files.createDirectories(dir.resolve("truth"));
    Files.writeString(t.resolve("truth.json"), "{\"format\":\"webwatch-truth\",\"version\":2}");
    String[] r = run("evaluate", "--truth", t.resolve("truth.json").toString(), "--out", dir.toString());
    assertThat(r[0]).isEqualTo(Integer.toString(WebwatchCli.EXIT_REFUSED));
    assertThat(r[2]).contains("truth.json: version");
  }
}
