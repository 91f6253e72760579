package org.webwatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.webwatch.casework.AuditVerification;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks the hash chain of the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.",
    subcommands = {AuditCommand.Verify.class}, footer = {"", "Example:", "  ./webwatch audit verify --data webwatch-data"})
public final class AuditCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify the audit hash chain; exit 0 when intact, 1 naming the first edited, deleted or reordered row.",
      footer = {"", "Example:", "  ./webwatch audit verify --data webwatch-data"})
  static final class Verify implements Callable<Integer> {
    @Option(names = "--data", defaultValue = WebwatchStore.DEFAULT_DATA_DIR, description = "data directory (default: ${DEFAULT-VALUE})") Path data;

    @Override
    public Integer call() {
      AuditVerification v = new AuditLog(WebwatchStore.open(data)).verify();
      if (v.intact()) {
        System.out.println(v);
        return WebwatchCli.EXIT_OK;
      }
      System.err.println(v);
      return WebwatchCli.EXIT_WITH_REJECTS;
    }
  }
}
