package org.webwatch.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.model.*;

/**
 * Scale check of the pipeline itself with the simple fakes (not a unit test; no timing
 * assertions): {@code -Dwebwatch.scale=ACCOUNTS:POSTS}, e.g. 100000:1000000, with the heap the
 * benchmark targets (surefire argLine {@code -Xmx4g}). Prints wall time and heap used.
 */
@EnabledIfSystemProperty(named = "webwatch.scale", matches = "\\d+:\\d+")
class TriageScaleCheck {
  @TempDir Path dir;

  private static final String[] PHRASES = {"hello all, thanks for the share", "nice weather today", "anyone seen the new board?",
      "use Tails please", "welcome, you're normal here", "I look after my neighbour's kids", "I made myself this set",
      "upload your own to enter", "meet up in May?", "live show tonight"};

  @Test
  void streamsAPopulation() {
    String[] spec = System.getProperty("webwatch.scale").split(":");
    int accounts = Integer.parseInt(spec[0]);
    int posts = Integer.parseInt(spec[1]);
    CaptureSource src = new CaptureSource() {
      @Override
      public String name() {
        return "synthetic";
      }

      @Override
      public SourceCounts read(CaptureVisitor v) {
        SplittableRandom rnd = new SplittableRandom(7);
        v.site(new Site("s1", "big", null, null, Map.of()));
        for (int a = 0; a < accounts; a++)
          v.account(new Account(Integer.toString(a), "s1", "user" + a, null, a % 5000 == 0 ? "admin" : "member",
              a % 97 == 0 ? "tips bc1qaddr" + (a % 1000) + "0" : null, Map.of(), Map.of()));
        Instant t0 = Instant.parse("2019-01-01T00:00:00Z");
        for (int p = 0; p < posts; p++) {
          int author = (int) Math.min(accounts - 1, Math.abs(rnd.nextGaussian()) * accounts / 3);
          String text = rnd.nextInt(100) < 97 ? PHRASES[rnd.nextInt(3)] : PHRASES[3 + rnd.nextInt(PHRASES.length - 3)];
          List<Attachment> atts = rnd.nextInt(100) < 5
              ? List.of(Fixture.att("a" + p, String.format("%064x", rnd.nextInt(rnd.nextBoolean() ? 1000 : 1_000_000)))) : List.of();
          v.post(new Post(Integer.toString(p), "s1", "t" + (p / 50), Integer.toString(author), t0.plusSeconds(p * 60L),
              text + " #" + p, p % 50 == 0 ? null : Integer.toString(p - 1), List.of(), atts, Map.of()));
        }
        return new SourceCounts(accounts + posts + 1, 0);
      }
    };
    long start = System.nanoTime();
    TriageResult r = new TriagePipeline(Fixture.components(), TriageOptions.defaults()).run(List.of(src), dir);
    long ms = (System.nanoTime() - start) / 1_000_000;
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf("scale %d accounts %d posts: %d ms, heap used after run %d MB (max %d MB); timings %s; persons critical %s%n",
        accounts, posts, ms, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, r.summary().timingsMillis(),
        r.summary().counts().get("bands.persons.critical"));
    assertThat(r.accounts()).hasSize(accounts);
    assertThat(Files.exists(dir.resolve("report.html"))).isTrue();
  }
}
