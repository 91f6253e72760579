package org.webwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.store.WebwatchStore;

class UserAndAuditCommandTest {
  @TempDir Path data;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, ByteArrayOutputStream out, String... args) {
    InputStream in = System.in;
    PrintStream o = System.out;
    PrintStream e = System.err;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      return WebwatchCli.commandLine().execute(args);
    } finally {
      System.setIn(in);
      System.setOut(o);
      System.setErr(e);
    }
  }

  @Test
  void addListDisableTokenAndVerify() {
    String d = data.toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(run("a very long password\n", out, "user", "add", "alice", "--role", "admin", "--password-stdin", "--data", d)).isZero();
    assertThat(run("short\n", out, "user", "add", "bob", "--role", "viewer", "--password-stdin", "--data", d)).isEqualTo(3);
    assertThat(run("a very long password\n", out, "user", "add", "bob", "--role", "root", "--password-stdin", "--data", d)).isEqualTo(3);
    ByteArrayOutputStream tok = new ByteArrayOutputStream();
    assertThat(run("", tok, "user", "token", "alice", "--data", d)).isZero();
    assertThat(tok.toString(StandardCharsets.UTF_8).strip()).startsWith("ww_");
    assertThat(run("", out, "user", "disable", "alice", "--data", d)).isZero();
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    assertThat(run("", list, "user", "list", "--data", d)).isZero();
    assertThat(list.toString(StandardCharsets.UTF_8)).contains("alice").contains("admin").contains("disabled");
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    assertThat(run("", v, "audit", "verify", "--data", d)).isZero();
    assertThat(v.toString(StandardCharsets.UTF_8)).contains("intact (3 rows)");
    WebwatchStore.open(data).execute("UPDATE audit_log SET actor = 'someone' WHERE seq = 2");
    ByteArrayOutputStream broken = new ByteArrayOutputStream();
    assertThat(run("", broken, "audit", "verify", "--data", d)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken at seq 2").contains("edited");
  }
}
