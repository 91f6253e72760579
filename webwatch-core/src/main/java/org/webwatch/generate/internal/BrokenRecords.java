package org.webwatch.generate.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Deliberately broken capture lines (missing required field, bad timestamp, invalid JSON,
 * dangling author, missing recipients), written after the first site's records. Their file
 * and line are listed in truth.json; they are not counted as accounts, posts or messages.
 */
public final class BrokenRecords {
  /** One planted broken line. */
  public record Broken(String file, long line, String problem) {}

  private final SiteStyle site;
  private final String author;
  private final String thread;
  private final List<Broken> written = new ArrayList<>();

  public BrokenRecords(Population pop, long seed) {
    this.site = pop.sites[0];
    List<AccountSpec> accs = pop.bySite.get(0);
    this.author = accs.isEmpty() ? site.id('u', 1) : accs.get(0).id;
    this.thread = site.id('t', 1);
  }

  private String bid(char kind, int k) {
    return site.idJson(site.id(kind, 90_000_000L + k));
  }

  /** Writes the broken lines of {@code file}; returns the new line count. */
  public long write(String file, Writer w, long line) throws IOException {
    String s = site.siteJson();
    String ts = site.timeJson(1_600_000_000L, false);
    List<String[]> lines = new ArrayList<>();
    switch (file) {
      case "accounts.jsonl" -> lines.add(new String[] {"{\"id\":" + bid('u', 1) + ",\"site\":" + s + ",\"role\":\"member\"}",
          "missing required field username"});
      case "posts.jsonl" -> {
        lines.add(new String[] {"{\"id\":" + bid('p', 1) + ",\"site\":" + s + ",\"thread\":" + site.idJson(thread) + ",\"author\":"
            + site.idJson(author) + ",\"created_at\":" + ts + "}", "missing required field text"});
        lines.add(new String[] {"{\"id\":" + bid('p', 2) + ",\"site\":" + s + ",\"thread\":" + site.idJson(thread) + ",\"author\":"
            + site.idJson(author) + ",\"created_at\":\"yesterday evening\",\"text\":\"see you all tonight\"}", "bad timestamp created_at"});
        lines.add(new String[] {"{\"id\":" + bid('p', 3) + ",\"site\":" + s + ",\"text\":\"unterminated", "invalid JSON"});
        lines.add(new String[] {"{\"id\":" + bid('p', 4) + ",\"site\":" + s + ",\"thread\":" + site.idJson(thread) + ",\"author\":"
            + bid('u', 2) + ",\"created_at\":" + ts + ",\"text\":\"hello from nowhere\"}", "dangling author"});
      }
      case "messages.jsonl" -> lines.add(new String[] {"{\"id\":" + bid('m', 1) + ",\"site\":" + s + ",\"author\":" + site.idJson(author)
          + ",\"created_at\":" + ts + ",\"text\":\"no recipients here\"}", "missing required field recipients"});
      default -> {}
    }
    for (String[] l : lines) {
      w.write(l[0]);
      w.write('\n');
      line++;
      written.add(new Broken(file, line, l[1]));
    }
    return line;
  }

  public int count() {
    return written.size();
  }

  public List<Broken> list() {
    return List.copyOf(written);
  }

  public void appendJson(StringBuilder sb) {
    sb.append('[');
    for (int i = 0; i < written.size(); i++) {
      Broken b = written.get(i);
      if (i > 0) sb.append(',');
      sb.append("{\"file\":\"").append(b.file()).append("\",\"line\":").append(b.line()).append(",\"problem\":\"").append(b.problem()).append("\"}");
    }
    sb.append(']');
  }
}
