package org.webwatch.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.webwatch.payments.ChainStore;
import org.webwatch.payments.WalletClusters;
import org.webwatch.payments.chain.BlockFileReader;
import org.webwatch.payments.chain.Hashes;

/**
 * Payments stage throughput. {@code realBlocks}: the real mainnet fixtures (439 early blocks
 * plus five full blocks of 2012–2017) framed as blk*.dat and repeated to ~32 MB.
 * {@code synthetic}: a generated chain (~32 MB). Baseline: reading the same file and
 * double-SHA256 over all of it (the least work any parser that computes hashes must do).
 * MB/s = file MB / (ms per op / 1000); sizes are printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PaymentsBenchmark {
  static final long TARGET_BYTES = 32L << 20;
  Path dir;
  Path real;
  Path synthetic;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    Path blocks = Path.of(System.getProperty("webwatch.shared", "../shared"), "testdata/crypto/blocks");
    dir = Files.createTempDirectory("ww-payments-bench");
    ByteArrayOutputStream once = new ByteArrayOutputStream();
    once.writeBytes(Files.readAllBytes(blocks.resolve("first-100k-blocks.dat")));
    for (String f : List.of("block169482.dat", "block227835.dat", "block227836.dat", "block481815.dat", "block481829.dat")) {
      byte[] b = Files.readAllBytes(blocks.resolve(f));
      once.writeBytes(new byte[] {(byte) 0xf9, (byte) 0xbe, (byte) 0xb4, (byte) 0xd9,
          (byte) b.length, (byte) (b.length >>> 8), (byte) (b.length >>> 16), (byte) (b.length >>> 24)});
      once.writeBytes(b);
    }
    byte[] unit = once.toByteArray();
    real = dir.resolve("real.dat");
    try (var out = Files.newOutputStream(real)) {
      for (long w = 0; w < TARGET_BYTES; w += unit.length) out.write(unit);
    }
    SyntheticChainWriter gen = new SyntheticChainWriter(42);
    Path sdir = Files.createDirectories(dir.resolve("synthetic"));
    int addresses = 300_000;
    List<Path> files = gen.write(sdir, addresses);
    synthetic = files.get(0);
    System.out.printf("%nreal.dat %.1f MB, synthetic %.1f MB (%d addresses, %d txs)%n", Files.size(real) / 1e6,
        Files.size(synthetic) / 1e6, gen.addresses(), gen.txCount());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static long parse(Path f) {
    long[] txs = new long[1];
    new BlockFileReader().read(f, b -> txs[0] += b.txs().size());
    return txs[0];
  }

  @Benchmark
  public long parseRealBlocks() {
    return parse(real);
  }

  @Benchmark
  public long parseSynthetic() {
    return parse(synthetic);
  }

  @Benchmark
  public int ingestAndClusterSynthetic() {
    ChainStore store = new ChainStore();
    store.ingest(synthetic);
    WalletClusters c = new WalletClusters(store);
    c.update();
    return c.mergeCount();
  }

  @Benchmark
  public byte[] baselineReadAndHashReal() throws IOException {
    return readAndHash(real);
  }

  @Benchmark
  public byte[] baselineReadAndHashSynthetic() throws IOException {
    return readAndHash(synthetic);
  }

  private static byte[] readAndHash(Path f) throws IOException {
    MessageDigest md = Hashes.sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return md.digest(md.digest());
  }
}
