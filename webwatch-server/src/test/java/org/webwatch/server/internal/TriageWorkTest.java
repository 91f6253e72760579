package org.webwatch.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.generate.GenerateOptions;
import org.webwatch.generate.PopulationGenerator;
import org.webwatch.server.WebwatchServer;
import org.webwatch.server.internal.jobs.JobCancelledException;
import org.webwatch.server.internal.jobs.JobProgress;
import org.webwatch.store.ImportService;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.triage.TriageRepository;
import org.webwatch.store.users.UserRepository;

class TriageWorkTest {
  @TempDir Path tmp;

  /** Records the phases; cancels once the named phase has begun. */
  private static final class Progress implements JobProgress {
    final List<String> phases = new ArrayList<>();
    final List<Long> totals = new ArrayList<>();
    final String cancelIn;
    long done;

    Progress(String cancelIn) {
      this.cancelIn = cancelIn;
    }

    @Override
    public void phase(String name, long total, String unit) {
      phases.add(name);
      totals.add(total);
    }

    @Override
    public void done(long n) {
      done = n;
    }

    @Override
    public void error(String located) {}

    @Override
    public void errorCount(long total) {}

    @Override
    public void checkCancelled() {
      if (cancelIn != null && !phases.isEmpty() && phases.get(phases.size() - 1).startsWith(cancelIn)) throw new JobCancelledException();
    }
  }

  private Services services(WebwatchStore store) {
    return Services.create(store, new UserRepository(store, UserRepository.TEST_ARGON2), WebwatchServer.defaultOptions(store, false));
  }

  @Test
  void runsOverTheStoredRecordsAndLoadsTheRun() throws Exception {
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      new PopulationGenerator(1).generate(new GenerateOptions(20, 3L, 6.0, 2, GenerateOptions.OutputFormat.DIR), tmp.resolve("gen"));
      new ImportService(store).importCapture(tmp.resolve("gen/capture"));
      Progress p = new Progress(null);
      Map<String, Object> summary = new TriageWork(services(store), "admin", 1, org.webwatch.identity.OperatingPoint.STRICT).run(p);
      long run = (Long) summary.get("run");
      assertThat(new TriageRepository(store).currentRun().orElseThrow().id()).isEqualTo(run);
      assertThat(p.phases).containsExactly("loading hash sets and decisions", "reading captures (indicators, identifiers, media)",
          "loading results into the queue");
      assertThat(p.totals.get(1)).isEqualTo(summary.get("records"));
      assertThat((Integer) summary.get("persons")).isPositive();
      assertThat(Path.of((String) summary.get("output")).resolve("report.html")).isRegularFile();
    }
  }

  @Test
  void aBalancedRunSaysSoInItsSummaryAndItsOutputs() throws Exception {
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      new PopulationGenerator(1).generate(new GenerateOptions(20, 3L, 6.0, 2, GenerateOptions.OutputFormat.DIR), tmp.resolve("gen"));
      new ImportService(store).importCapture(tmp.resolve("gen/capture"));
      Map<String, Object> summary = new TriageWork(services(store), "admin", 1, org.webwatch.identity.OperatingPoint.BALANCED).run(new Progress(null));
      assertThat(summary.get("linking")).isEqualTo("balanced");
      assertThat(Files.readString(Path.of((String) summary.get("output")).resolve("summary.json"))).contains("\"linking\" : \"balanced\"");
    }
  }

  @Test
  void aCancelledRunLoadsNothingAndLeavesNoOutputBehind() throws Exception {
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      new PopulationGenerator(1).generate(new GenerateOptions(20, 3L, 6.0, 2, GenerateOptions.OutputFormat.DIR), tmp.resolve("gen"));
      new ImportService(store).importCapture(tmp.resolve("gen/capture"));
      assertThatThrownBy(() -> new TriageWork(services(store), "admin", 1, org.webwatch.identity.OperatingPoint.STRICT).run(new Progress("reading captures")))
          .isInstanceOf(JobCancelledException.class);
      assertThat(new TriageRepository(store).runs()).isEmpty();
      try (Stream<Path> left = Files.list(store.dataDir().resolve(TriageWork.RUNS_DIR))) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void anEmptyStoreIsRefused() {
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("empty"))) {
      assertThatThrownBy(() -> new TriageWork(services(store), "admin", 1, org.webwatch.identity.OperatingPoint.STRICT).run(new Progress(null)))
          .isInstanceOf(WebwatchException.class).hasMessageContaining("import a capture first");
    }
  }
}
