package org.webwatch.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.audit.AuditLog;
import org.webwatch.store.triage.TriageResultImporter;
import org.webwatch.store.triage.TriageRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Loads a triage output directory into the store so the server shows it. */
@Command(name = "import-triage", mixinStandardHelpOptions = true,
    description = "Load the files of a triage --out directory into the store as a new run (the server shows the newest).",
    footer = {"", "Example:", "  ./webwatch import-triage out/ --data webwatch-data"})
public final class ImportTriageCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "triage output directory (accounts.csv, persons.csv, …)") Path dir;
  @Option(names = "--data", defaultValue = WebwatchStore.DEFAULT_DATA_DIR, description = "data directory (default: ${DEFAULT-VALUE})") Path data;

  @Override
  public Integer call() {
    WebwatchStore store = WebwatchStore.open(data);
    TriageRun run = new TriageResultImporter(store).importRun(dir);
    new AuditLog(store).append(System.currentTimeMillis(), "cli", "import.triage", "run:" + run.id(),
        Map.of("dir", dir.toAbsolutePath().toString(), "accounts", run.accounts(), "persons", run.persons()));
    System.out.println("imported run " + run.id() + ": " + run.accounts() + " accounts, " + run.persons() + " persons");
    return WebwatchCli.EXIT_OK;
  }
}
