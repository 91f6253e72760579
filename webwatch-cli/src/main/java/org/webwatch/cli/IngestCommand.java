package org.webwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.webwatch.ingest.CaptureRefusedException;
import org.webwatch.ingest.ReadReport;
import org.webwatch.ingest.RecordError;
import org.webwatch.store.ImportOptions;
import org.webwatch.store.ImportResult;
import org.webwatch.store.ImportService;
import org.webwatch.store.WebwatchStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code webwatch ingest}: imports captures into the store. Thin: options, {@link ImportService}, printing. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Imports captures (directory, .zip or .tar.gz; see shared/spec/capture-format.md) into the store.",
      "Re-importing a capture id changes nothing; an interrupted import can simply be run again.",
      "Exit: 0 imported cleanly, 1 imported with rejected records, 3 a capture was refused (nothing of it stored)."
    },
    footer = {"", "Example:", "  ./webwatch ingest --data ./webwatch-data captures/example-2019-03.tar.gz"})
public final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory of the store (default: ${DEFAULT-VALUE}).",
      defaultValue = WebwatchStore.DEFAULT_DATA_DIR)
  Path data;

  @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
  boolean progress;

  @Option(names = "--reimport", description = "Read and write a capture again even when it is already imported.")
  boolean reimport;

  @Option(names = "--errors", paramLabel = "N", defaultValue = "20",
      description = "How many located errors to print per capture (default: ${DEFAULT-VALUE}); all are stored.")
  int maxErrors;

  @Parameters(arity = "1..*", paramLabel = "CAPTURE", description = "Capture directory, .zip or .tar.gz.")
  List<Path> captures;

  @Override
  public Integer call() {
    Quiet.silenceLibraryLogging();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = WebwatchCli.EXIT_OK;
    try (WebwatchStore store = WebwatchStore.open(data)) {
      ImportService service = new ImportService(store);
      for (Path capture : captures) {
        try {
          ImportResult r = importOne(service, capture);
          print(out, capture, r);
          if (r.rejected() > 0) exit = Math.max(exit, WebwatchCli.EXIT_WITH_REJECTS);
        } catch (CaptureRefusedException e) {
          err.println("webwatch: " + capture + ": refused: " + e.getMessage());
          exit = Math.max(exit, WebwatchCli.EXIT_REFUSED);
        }
        out.flush();
        err.flush();
      }
    }
    return exit;
  }

  private ImportResult importOne(ImportService service, Path capture) {
    ImportOptions options = ImportOptions.defaults().withReimport(reimport);
    if (!progress && System.console() == null) return service.importCapture(capture, options);
    try (ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("ingest " + capture.getFileName())
        .setInitialMax(-1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" records", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build()) {
      return service.importCapture(capture, options.withProgress(bar::stepTo));
    }
  }

  private void print(PrintWriter out, Path capture, ImportResult r) {
    if (r.outcome() == ImportResult.Outcome.ALREADY_IMPORTED) {
      out.printf("capture %s (%s): already imported (%,d records, %,d rejected); nothing changed; use --reimport to write it again%n",
          r.captureId(), capture, r.accepted(), r.rejected());
      return;
    }
    ReadReport rep = r.report();
    out.printf("capture %s (%s): %,d records imported, %,d rejected, %,d documents indexed in %.1f s%n",
        r.captureId(), capture, r.accepted(), r.rejected(), r.indexed(), r.elapsed().toMillis() / 1000.0);
    for (Map.Entry<String, Long> e : rep.acceptedByFile().entrySet()) {
      out.printf("  %-20s %,12d accepted %,10d rejected%n", e.getKey(), e.getValue(), rep.rejectedByFile().getOrDefault(e.getKey(), 0L));
    }
    for (String w : rep.warnings()) out.println("  warning: " + w);
    int shown = 0;
    for (RecordError e : rep.errors()) {
      if (shown++ >= maxErrors) break;
      out.println("  " + e);
    }
    if (r.rejected() > shown) {
      out.printf("  ... %,d more rejected records (all stored in table rejected_record; see ./webwatch status)%n", r.rejected() - shown);
    }
  }
}
