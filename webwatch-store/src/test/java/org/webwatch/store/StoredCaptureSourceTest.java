package org.webwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.generate.GenerateOptions;
import org.webwatch.generate.PopulationGenerator;
import org.webwatch.ingest.CaptureReader;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.model.Account;
import org.webwatch.model.Board;
import org.webwatch.model.CaptureManifest;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;
import org.webwatch.triage.SourceCounts;

class StoredCaptureSourceTest {
  @TempDir Path tmp;

  /** Every record a visitor saw, keyed by kind and (site, id), plus the order of kinds. */
  private static final class Collect implements CaptureVisitor {
    final Map<String, Object> records = new TreeMap<>();
    final List<String> kinds = new ArrayList<>();
    CaptureManifest manifest;

    private void add(String kind, String site, String id, Object r) {
      if (kinds.isEmpty() || !kinds.get(kinds.size() - 1).equals(kind)) kinds.add(kind);
      records.put(kind + "/" + site + "/" + id, r);
    }

    @Override
    public void manifest(CaptureManifest m) {
      manifest = m;
    }

    @Override
    public void site(Site s) {
      add("site", s.id(), "", s);
    }

    @Override
    public void board(Board b) {
      add("board", b.site(), b.id(), b);
    }

    @Override
    public void thread(ForumThread t) {
      add("thread", t.site(), t.id(), t);
    }

    @Override
    public void account(Account a) {
      add("account", a.site(), a.id(), a);
    }

    @Override
    public void post(Post p) {
      add("post", p.site(), p.id(), p);
    }

    @Override
    public void message(Message m) {
      add("message", m.site(), m.id(), m);
    }
  }

  @Test
  void readsBackExactlyTheAcceptedRecordsOfTheImportedCaptures() {
    Path gen = tmp.resolve("gen");
    new PopulationGenerator(1).generate(new GenerateOptions(40, 7L, 6.0, 2, GenerateOptions.OutputFormat.DIR), gen);
    Path capture = gen.resolve("capture");
    Collect fromFile = new Collect();
    new CaptureReader().read(capture, fromFile);
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      ImportResult imported = new ImportService(store).importCapture(capture);
      assertThat(imported.rejected()).as("the generator plants broken records").isPositive();
      List<Long> progress = new ArrayList<>();
      StoredCaptureSource source = new StoredCaptureSource(store, progress::add);
      assertThat(source.records()).isEqualTo(fromFile.records.size());
      Collect fromStore = new Collect();
      SourceCounts counts = source.read(fromStore);

      assertThat(counts.read()).isEqualTo(fromFile.records.size());
      assertThat(counts.rejected()).isZero();
      assertThat(progress).last().isEqualTo(counts.read());
      assertThat(fromStore.records.keySet()).isEqualTo(fromFile.records.keySet());
      // every field of every record survives the round trip (attachments, quotes, recipients, profile, extra)
      fromFile.records.forEach((k, v) -> assertThat(fromStore.records.get(k)).as(k).isEqualTo(v));
      assertThat(fromStore.records.values()).filteredOn(r -> r instanceof Post p && !p.attachments().isEmpty()).isNotEmpty();
      assertThat(fromStore.kinds).containsExactly("site", "board", "thread", "account", "post", "message");
      assertThat(fromStore.manifest.id()).isEqualTo("store");
      assertThat(fromStore.manifest.collectedAt()).isEqualTo(fromFile.manifest.collectedAt());
      assertThat(source.name()).startsWith("store:");
    }
  }

  @Test
  void anEmptyStoreHasNoRecords() {
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("empty"))) {
      StoredCaptureSource source = new StoredCaptureSource(store, null);
      assertThat(source.records()).isZero();
      Collect c = new Collect();
      assertThat(source.read(c).read()).isZero();
      assertThat(c.records).isEmpty();
    }
  }
}
