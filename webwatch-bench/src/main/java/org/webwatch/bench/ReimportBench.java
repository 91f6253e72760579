package org.webwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.webwatch.store.ImportOptions;
import org.webwatch.store.ImportResult;
import org.webwatch.store.ImportService;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.search.FullTextIndex;

/**
 * The replace path of the import: a capture is imported into a fresh store, then imported again
 * with {@code --reimport}, so that every document of the full-text index is deleted by its key
 * and added anew (what an overlapping re-crawl does to the items it shares with an earlier
 * capture). Prints the wall and process CPU of each and the index's live documents after both.
 *
 * <pre>java -Xmx1g -XX:+UseParallelGC -XX:-TieredCompilation -cp webwatch-bench/target/benchmarks.jar org.webwatch.bench.ReimportBench CAPTURE [workdir] [index-ram-buffer-mb]</pre>
 */
public final class ReimportBench {
  private ReimportBench() {}

  public static void main(String[] args) throws IOException {
    Path cap = Path.of(args[0]);
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("webwatch-reimport-bench");
    double ramMb = args.length > 2 ? Double.parseDouble(args[2]) : FullTextIndex.DEFAULT_RAM_BUFFER_MB;
    Path data = work.resolve("data");
    IngestBench.deleteTree(data);
    try (WebwatchStore store = WebwatchStore.open(data)) {
      ImportService service = new ImportService(store);
      for (boolean again : new boolean[] {false, true}) {
        long c = IngestBench.cpu();
        long t = System.nanoTime();
        ImportResult r = service.importCapture(cap, ImportOptions.defaults().withReimport(again).withIndexRamBufferMb(ramMb));
        System.out.printf("%s: %,d records, %,d documents in %.2f s (process CPU %.2f s)%n", again ? "re-import (every document replaced)" : "first import",
            r.accepted(), r.indexed(), (System.nanoTime() - t) / 1e9, (IngestBench.cpu() - c) / 1e9);
      }
    }
    System.out.printf("live documents in the index: %,d%n", FullTextIndex.docCount(data.resolve("index")));
  }
}
