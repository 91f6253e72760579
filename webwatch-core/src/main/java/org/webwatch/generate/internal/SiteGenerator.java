package org.webwatch.generate.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.webwatch.generate.Role;

/**
 * Generates one site: its record files (site, boards, accounts, threads, posts, messages)
 * into a part directory and its truth rows into a {@link TruthSink}. Uses only the site's
 * own random stream plus read-only population data, so sites can run in parallel and the
 * output is the same for any thread count. O(posts + messages).
 */
public final class SiteGenerator {
  static final String[] BOARDS = {"Announcements and rules", "Introductions", "General chat", "Tech and security",
      "Sharing", "Requests", "Off-topic", "Inner circle", "Live"};
  static final int[] BOARD_PARENT = {-1, -1, -1, -1, -1, 4, -1, 4, 4};
  private static final int TIMELINE_DAYS = 1000;

  private final Population pop;
  private final SiteStyle site;
  private final List<AccountSpec> accounts;
  private final SplittableRandom rnd;
  private final TruthSink sink = new TruthSink();
  private final TextComposer tc = new TextComposer();
  private final PostContent content;
  private final String sid;
  private long attachmentSeq;

  public SiteGenerator(Population pop, int siteIndex, long seed) {
    this.pop = pop;
    this.site = pop.sites[siteIndex];
    this.accounts = pop.bySite.get(siteIndex);
    this.rnd = Seeds.stream(seed, Seeds.SITE, siteIndex);
    this.sid = site.siteId;
    this.content = new PostContent(pop, site, accounts, tc);
  }

  public TruthSink sink() {
    return sink;
  }

  /** Writes {@code dir}/{sites,boards,accounts,threads,posts,messages}.jsonl for this site. */
  public void run(Path dir) throws IOException {
    Files.createDirectories(dir);
    sink.spillTo(dir);
    long start = Population.EPOCH_2019 / 86400 + site.index * 45L;
    try (BufferedWriter w = writer(dir, "sites.jsonl")) {
      StringBuilder sb = new StringBuilder("{\"id\":").append(site.siteJson()).append(",\"name\":");
      Text.json(sb, site.name).append(",\"url\":\"http://").append(pop.siteOnion(site.index)).append("\",\"software\":\"")
          .append(site.software).append("\",\"language\":\"en\"}\n");
      w.write(sb.toString());
    }
    try (BufferedWriter w = writer(dir, "boards.jsonl")) {
      for (int b = 0; b < BOARDS.length; b++) {
        StringBuilder sb = new StringBuilder("{\"id\":").append(site.idJson(boardId(b))).append(",\"site\":").append(site.siteJson())
            .append(",\"name\":");
        Text.json(sb, BOARDS[b]).append(",\"parent\":").append(BOARD_PARENT[b] < 0 ? "null" : site.idJson(boardId(BOARD_PARENT[b]))).append("}\n");
        w.write(sb.toString());
      }
    }
    // Schedule: one slot per post, shuffled; the slot index sets the day (time runs forward).
    int total = 0;
    for (AccountSpec a : accounts) total += a.posts;
    int[] slots = new int[total];
    int k = 0;
    for (int i = 0; i < accounts.size(); i++) for (int j = 0; j < accounts.get(i).posts; j++) slots[k++] = i;
    for (int i = total - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = slots[i];
      slots[i] = slots[j];
      slots[j] = t;
    }
    long[] firstDay = new long[accounts.size()];
    java.util.Arrays.fill(firstDay, -1);
    for (int i = 0; i < total; i++) if (firstDay[slots[i]] < 0) firstDay[slots[i]] = dayOf(start, i, total);
    try (BufferedWriter w = writer(dir, "accounts.jsonl")) {
      for (int i = 0; i < accounts.size(); i++) {
        AccountSpec a = accounts.get(i);
        long day = firstDay[i] >= 0 ? firstDay[i] : start + rnd.nextInt(TIMELINE_DAYS);
        long reg = (day - rnd.nextInt(30)) * 86400L + rnd.nextInt(86400);
        w.write(content.accountLine(a, reg, rnd, sink));
      }
    }
    try (BufferedWriter posts = writer(dir, "posts.jsonl"); BufferedWriter threads = writer(dir, "threads.jsonl")) {
      writePosts(posts, threads, slots, start);
    }
    try (BufferedWriter w = writer(dir, "messages.jsonl")) {
      writeMessages(w, start);
    }
    sink.spillAll();
  }

  private static long dayOf(long start, long i, long total) {
    return start + (total == 0 ? 0 : i * TIMELINE_DAYS / total);
  }

  private String boardId(int b) {
    return site.id('b', b + 1);
  }

  /** Recent threads: id, board, up to 8 recent posts (id, time) for reply_to and quotes. */
  private static final class ThreadState {
    final String id;
    final String[] recent = new String[8];
    final long[] recentTs = new long[8];
    long createdTs;
    int n;

    ThreadState(String id) {
      this.id = id;
    }
  }

  private void writePosts(BufferedWriter out, BufferedWriter threadsOut, int[] slots, long start) throws IOException {
    List<ThreadState> active = new ArrayList<>();
    boolean[] firstDone = new boolean[accounts.size()];
    long threadSeq = 0;
    long postSeq = 0;
    StringBuilder sb = new StringBuilder(1024);
    for (int i = 0; i < slots.length; i++) {
      AccountSpec a = accounts.get(slots[i]);
      PersonSpec p = a.person;
      long ts = p.timing.sample(dayOf(start, i, slots.length), rnd);
      ThreadState th = null;
      if (!active.isEmpty() && rnd.nextInt(100) >= 7) {
        // Mostly recent threads; only threads that already exist at this post's time.
        int k = active.size() - 1 - Math.min(active.size() - 1, (int) Math.abs(rnd.nextGaussian() * 12));
        for (int tries = 0; tries < active.size() && th == null; tries++) {
          ThreadState c = active.get(Math.floorMod(k - tries, active.size()));
          if (c.createdTs <= ts) th = c;
        }
      }
      if (th == null) {
        th = new ThreadState(site.id('t', ++threadSeq));
        th.createdTs = ts;
        int board = content.boardFor(p.role, rnd);
        tc.reset();
        content.title(p, rnd);
        String title = tc.text();
        tc.flush(sink, sid, "thread-title", th.id, a.id, "");
        sb.setLength(0);
        sb.append("{\"id\":").append(site.idJson(th.id)).append(",\"site\":").append(site.siteJson()).append(",\"board\":")
            .append(site.idJson(boardId(board))).append(",\"title\":");
        Text.json(sb, title).append(",\"author\":").append(site.idJson(a.id)).append(",\"created_at\":")
            .append(site.timeJson(ts, false)).append("}\n");
        threadsOut.write(sb.toString());
        sink.threadCount++;
        if (active.size() >= 64) active.remove(rnd.nextInt(active.size()));
        active.add(th);
      }
      String postId = site.id('p', site.intIds() ? 50_000 + ++postSeq : ++postSeq);
      tc.reset();
      List<MediaFactory.Media> media = content.post(a, rnd, !firstDone[slots[i]]);
      firstDone[slots[i]] = true;
      String text = tc.text();
      tc.flush(sink, sid, "post", postId, a.id, "");
      sb.setLength(0);
      sb.append("{\"id\":").append(site.idJson(postId)).append(",\"site\":").append(site.siteJson()).append(",\"thread\":")
          .append(site.idJson(th.id)).append(",\"author\":").append(site.idJson(a.id)).append(",\"created_at\":")
          .append(site.timeJson(ts, false)).append(",\"text\":");
      Text.json(sb, text);
      if (th.n > 0 && rnd.nextInt(10) < 4) {
        int r = rnd.nextInt(Math.min(th.n, 8));
        if (th.recentTs[r] <= ts) sb.append(",\"reply_to\":").append(site.idJson(th.recent[r]));
        if (rnd.nextInt(4) == 0 && th.recentTs[r] <= ts) sb.append(",\"quotes\":[").append(site.idJson(th.recent[r])).append(']');
      }
      if (!media.isEmpty()) {
        sb.append(",\"attachments\":[");
        for (int m = 0; m < media.size(); m++) {
          if (m > 0) sb.append(',');
          String attId = site.id('a', ++attachmentSeq);
          appendAttachment(sb, attId, media.get(m));
          Text.row(sink.media, sid, postId, a.id, attId, media.get(m).status());
          sink.attachmentCount++;
        }
        sb.append(']');
      }
      appendExtra(sb, ts);
      sb.append("}\n");
      out.write(sb.toString());
      sink.postCount++;
      if ((sink.postCount & 1023) == 0) sink.spillIfLarge();
      th.recent[th.n % 8] = postId;
      th.recentTs[th.n % 8] = ts;
      th.n++;
    }
  }

  private void appendExtra(StringBuilder sb, long ts) {
    switch (site.style) {
      case 0 -> sb.append(",\"bbcode_uid\":\"").append(MediaFactory.randomHex(rnd, 8)).append('"');
      case 1 -> sb.append(",\"poster_ip_hash\":\"").append(MediaFactory.randomHex(rnd, 16)).append("\",\"smileys_enabled\":1");
      case 2 -> sb.append(",\"reactions\":{\"+1\":").append(rnd.nextInt(5)).append('}');
      default -> {
        if (rnd.nextInt(10) == 0) sb.append(",\"edited_at\":").append(ts + 60 + rnd.nextInt(3600));
      }
    }
  }

  private void appendAttachment(StringBuilder sb, String attId, MediaFactory.Media m) {
    sb.append("{\"id\":").append(site.idJson(attId));
    if (m.name() != null) Text.json(sb.append(",\"name\":"), m.name());
    if (m.mime() != null) sb.append(",\"mime\":\"").append(m.mime()).append('"');
    if (m.size() > 0) sb.append(",\"size\":").append(m.size());
    if (m.md5() != null) sb.append(",\"md5\":\"").append(site.style == 1 ? m.md5().toUpperCase(java.util.Locale.ROOT) : m.md5()).append('"');
    if (m.sha1() != null) sb.append(",\"sha1\":\"").append(m.sha1()).append('"');
    if (m.sha256() != null) sb.append(",\"sha256\":\"").append(m.sha256()).append('"');
    if (m.pdq() != null) {
      sb.append(",\"pdq\":\"").append(MediaFactory.pdqHex(m.pdq())).append("\",\"pdq_quality\":").append(m.quality());
      if (m.policy() != null) sb.append(",\"pdq_policy\":\"").append(m.policy()).append('"');
    }
    if (m.photodna() != null) sb.append(",\"photodna\":\"").append(m.photodna()).append('"');
    sb.append('}');
  }

  private void writeMessages(BufferedWriter out, long start) throws IOException {
    List<int[]> slots = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) for (int j = 0; j < accounts.get(i).messages; j++) slots.add(new int[] {i});
    int total = slots.size();
    for (int i = total - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int[] t = slots.get(i);
      slots.set(i, slots.get(j));
      slots.set(j, t);
    }
    StringBuilder sb = new StringBuilder(512);
    long seq = 0;
    for (int i = 0; i < total; i++) {
      AccountSpec a = accounts.get(slots.get(i)[0]);
      long ts = a.person.timing.sample(dayOf(start, i, total), rnd);
      String id = site.id('m', site.intIds() ? 900_000 + ++seq : ++seq);
      tc.reset();
      AccountSpec to = content.message(a, rnd);
      String text = tc.text();
      tc.flush(sink, sid, "message", id, a.id, "");
      sb.setLength(0);
      sb.append("{\"id\":").append(site.idJson(id)).append(",\"site\":").append(site.siteJson()).append(",\"author\":")
          .append(site.idJson(a.id)).append(",\"recipients\":[").append(site.idJson(to.id));
      if (rnd.nextInt(20) == 0) {
        AccountSpec cc = accounts.get(rnd.nextInt(accounts.size()));
        if (cc != to && cc != a) sb.append(',').append(site.idJson(cc.id));
      }
      sb.append("],\"created_at\":").append(site.timeJson(ts, false)).append(",\"subject\":");
      Text.json(sb, rnd.nextBoolean() ? "re: hi" : "PM").append(",\"text\":");
      Text.json(sb, text).append("}\n");
      out.write(sb.toString());
      sink.messageCount++;
      if ((sink.messageCount & 1023) == 0) sink.spillIfLarge();
    }
  }

  static BufferedWriter writer(Path dir, String name) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8), 1 << 16);
  }

  /** Role of the account's person (for tests and callers). */
  static Role roleOf(AccountSpec a) {
    return a.person.role;
  }
}
