package org.webwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.webwatch.generate.GenerateOptions;
import org.webwatch.generate.GenerateSummary;
import org.webwatch.generate.PopulationGenerator;

/**
 * Population generation throughput. {@code generate} builds a population of {@code persons}
 * (10 posts per person on average) with 1 or 2 threads; {@code baselineCopy} copies the
 * capture of the same size byte for byte, the I/O floor the generator is compared with.
 * Run: {@code java -jar webwatch-bench/target/benchmarks.jar GenerateBench -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GenerateBench {
  @Param({"10000"})
  public int persons;

  @Param({"1", "2"})
  public int threads;

  private Path dir;
  private Path reference;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("gen-bench");
    reference = Files.createTempDirectory("gen-bench-ref");
    GenerateSummary s = new PopulationGenerator(2).generate(GenerateOptions.of(persons, 1), reference);
    System.out.printf("%n[generate] %d persons -> %d posts, %d messages%n", s.persons(), s.posts(), s.messages());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    delete(dir);
    delete(reference);
  }

  @Benchmark
  public long generate() {
    return new PopulationGenerator(threads).generate(GenerateOptions.of(persons, 7), dir).posts();
  }

  @Benchmark
  public long baselineCopy() throws IOException {
    long n = 0;
    Path out = dir.resolve("copy");
    Files.createDirectories(out);
    try (Stream<Path> s = Files.list(reference.resolve("capture"))) {
      for (Path p : s.toList()) {
        Files.copy(p, out.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        n += Files.size(p);
      }
    }
    return n;
  }

  private static void delete(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
    }
  }
}
