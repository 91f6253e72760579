package org.webwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.webwatch.payments.ChainStore;
import org.webwatch.payments.WalletClusters;
import org.webwatch.payments.chain.BlockFileReader;
import org.webwatch.payments.chain.ReadSummary;

/**
 * One-shot scale run (too big for JMH iterations): generates a synthetic blk*.dat chain of at
 * least N addresses, then times parse-only, ingest into the store and wallet clustering.
 * Usage: {@code java -Xmx6g -cp webwatch-bench/target/benchmarks.jar
 * org.webwatch.bench.PaymentsScaleRun 10000000 /tmp/ww-chain}
 */
public final class PaymentsScaleRun {
  private PaymentsScaleRun() {}

  public static void main(String[] args) throws Exception {
    int target = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/ww-chain"));
    long t0 = System.nanoTime();
    SyntheticChainWriter gen = new SyntheticChainWriter(7);
    List<Path> files = gen.write(dir, target);
    double gen_s = secs(t0);
    double mb = gen.bytesWritten() / 1e6;
    System.out.printf("generated %d addresses, %d txs, %.1f MB in %d files: %.1f s%n", gen.addresses(), gen.txCount(),
        mb, files.size(), gen_s);

    t0 = System.nanoTime();
    long txs = 0;
    for (Path f : files) {
      ReadSummary s = new BlockFileReader().read(f, b -> {});
      if (s.errorCount() > 0) throw new IllegalStateException("errors in synthetic chain: " + s.errors().get(0));
      txs += s.txs();
    }
    double parse = secs(t0);
    System.out.printf("parse only: %.1f s, %.1f MB/s, %d txs%n", parse, mb / parse, txs);

    t0 = System.nanoTime();
    ChainStore store = new ChainStore();
    for (Path f : files) store.ingest(f);
    double ingest = secs(t0);
    System.out.printf("parse + ingest into store: %.1f s, %.1f MB/s; %d addresses, %d outputs, %d unresolved inputs%n",
        ingest, mb / ingest, store.addressCount(), store.outputCount(), store.unresolvedInputs());

    t0 = System.nanoTime();
    WalletClusters clusters = new WalletClusters(store);
    clusters.update();
    double cluster = secs(t0);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf("clustering %d addresses: %.2f s; %d merges, %d coinjoin-like txs; heap in use %.0f MB%n",
        store.addressCount(), cluster, clusters.mergeCount(), clusters.coinJoinCount(),
        (rt.totalMemory() - rt.freeMemory()) / 1e6);
    if (args.length < 3 || !args[2].equals("keep")) {
      for (Path f : files) Files.deleteIfExists(f);
    }
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
