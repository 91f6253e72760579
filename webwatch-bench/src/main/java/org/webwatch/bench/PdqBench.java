package org.webwatch.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.webwatch.media.ImageDecoder;
import org.webwatch.media.PdqHasher;
import org.webwatch.media.PdqPolicy;
import org.webwatch.media.PdqResult;

/**
 * PDQ hashing cost. Core = from decoded pixels to hash (luma, blur, decimation, quality, DCT,
 * threshold) on a 1600×1004 (1.6 MP) synthetic raster made in memory; the reference-style
 * pipeline is the baseline in the same run. Decode and end-to-end (decode + hash) use the shared
 * benign test photo {@code bridge-mods/aaa-orig.jpg} (also 1600×1004), read from
 * {@code -Dwebwatch.shared} (default {@code ../shared}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PdqBench {
  BufferedImage synthetic;
  Path photo;
  final PdqHasher hasher = new PdqHasher();
  final ImageDecoder decoder = new ImageDecoder();

  @Setup
  public void setUp() {
    synthetic = SyntheticImage.rgb(1600, 1004, 7);
    photo = Path.of(System.getProperty("webwatch.shared", "../shared")).resolve("testdata/pdq/pdq-data/bridge-mods/aaa-orig.jpg");
    if (!Files.exists(photo)) throw new IllegalStateException("test photo not found: " + photo + " (set -Dwebwatch.shared)");
  }

  @Benchmark
  public PdqResult coreFull() {
    return hasher.hash(synthetic, PdqPolicy.FULL, false);
  }

  @Benchmark
  public PdqResult coreFullDihedral() {
    return hasher.hash(synthetic, PdqPolicy.FULL, true);
  }

  @Benchmark
  public PdqResult coreNn512() {
    return hasher.hash(synthetic, PdqPolicy.NN512, false);
  }

  @Benchmark
  public float[] baselineReferenceStyleBlurOnly() {
    return ReferenceStylePdq.dctInput(synthetic);
  }

  @Benchmark
  public BufferedImage decodeJpeg() {
    return decoder.decode(photo);
  }

  @Benchmark
  public PdqResult endToEndFull() {
    return hasher.hash(decoder.decode(photo), PdqPolicy.FULL, false);
  }

  @Benchmark
  public PdqResult endToEndNn512() {
    return hasher.hash(decoder.decode(photo), PdqPolicy.NN512, false);
  }
}
