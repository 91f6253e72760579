package org.webwatch.ingest.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a deterministic synthetic capture directory of a given size for tests and benchmarks
 * (benign text only; not the population generator of {@code webwatch generate}). Every record is
 * valid; every fifth post carries one hashed attachment.
 */
public final class SyntheticCaptureWriter {
  private static final String[] WORDS = {
    "friday", "neighbour", "garden", "weather", "forum", "rules", "welcome", "thread", "reply", "thanks",
    "market", "coffee", "train", "holiday", "picture", "camera", "question", "answer", "moderator", "update",
    "evening", "morning", "school", "football", "music", "kitchen", "window", "bicycle", "library", "river"
  };

  private SyntheticCaptureWriter() {}

  /**
   * Writes capture {@code id} under {@code dir}: {@code sites} sites, {@code accounts} accounts
   * and {@code threads} threads per site, {@code posts} posts in all; posts gzip-compressed when
   * {@code gzipPosts}.
   */
  public static Path write(Path dir, String id, int sites, int accounts, int threads, long posts, boolean gzipPosts, long seed)
      throws IOException {
    Files.createDirectories(dir);
    SplittableRandom rnd = new SplittableRandom(seed);
    Files.writeString(dir.resolve("capture.json"),
        "{\"format\":\"webwatch-capture\",\"version\":1,\"id\":\"" + id + "\",\"collected_at\":\"2026-11-01T00:00:00Z\",\"collector\":\"synthetic\"}\n");
    try (Writer w = writer(dir.resolve("sites.jsonl"), false)) {
      for (int s = 0; s < sites; s++) {
        w.write("{\"id\":\"s" + s + "\",\"name\":\"Board " + s + "\",\"url\":\"http://site" + s + ".onion\",\"software\":\"phpbb\"}\n");
      }
    }
    try (Writer w = writer(dir.resolve("threads.jsonl"), false)) {
      for (int s = 0; s < sites; s++) {
        for (int t = 0; t < threads; t++) {
          w.write("{\"id\":" + t + ",\"site\":\"s" + s + "\",\"title\":\"" + sentence(rnd, 4) + "\",\"author\":"
              + rnd.nextInt(accounts) + ",\"created_at\":" + (1_500_000_000L + t * 60L) + "}\n");
        }
      }
    }
    try (Writer w = writer(dir.resolve("accounts.jsonl"), false)) {
      for (int s = 0; s < sites; s++) {
        for (int a = 0; a < accounts; a++) {
          w.write("{\"id\":" + a + ",\"site\":\"s" + s + "\",\"username\":\"user_" + a + "\",\"role\":\"member\""
              + (a % 3 == 0 ? ",\"signature\":\"" + sentence(rnd, 5) + "\"" : "")
              + ",\"registered_at\":\"2018-01-01T00:00:00Z\"}\n");
        }
      }
    }
    try (Writer w = writer(dir.resolve(gzipPosts ? "posts.jsonl.gz" : "posts.jsonl"), gzipPosts)) {
      StringBuilder b = new StringBuilder(512);
      for (long p = 0; p < posts; p++) {
        int s = (int) (p % sites);
        b.setLength(0);
        b.append("{\"id\":").append(p).append(",\"site\":\"s").append(s).append("\",\"thread\":").append(rnd.nextInt(threads))
            .append(",\"author\":").append(rnd.nextInt(accounts)).append(",\"created_at\":\"2019-03-02T21:14:00Z\",\"text\":\"")
            .append(sentence(rnd, 12 + rnd.nextInt(30))).append('"');
        if (p % 5 == 0) {
          b.append(",\"attachments\":[{\"id\":\"a").append(p).append("\",\"mime\":\"image/jpeg\",\"size\":")
              .append(10_000 + rnd.nextInt(100_000)).append(",\"md5\":\"").append(hex(rnd, 32)).append("\",\"pdq\":\"")
              .append(hex(rnd, 64)).append("\",\"pdq_quality\":").append(rnd.nextInt(101)).append("}]");
        }
        b.append("}\n");
        w.append(b);
      }
    }
    return dir;
  }

  private static Writer writer(Path p, boolean gzip) throws IOException {
    var out = Files.newOutputStream(p);
    return new BufferedWriter(
        new OutputStreamWriter(gzip ? new GZIPOutputStream(out, 1 << 16) : out, StandardCharsets.UTF_8), 1 << 16);
  }

  private static String sentence(SplittableRandom rnd, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) b.append(' ');
      b.append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static String hex(SplittableRandom rnd, int digits) {
    StringBuilder b = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) b.append(Character.forDigit(rnd.nextInt(16), 16));
    return b.toString();
  }
}
