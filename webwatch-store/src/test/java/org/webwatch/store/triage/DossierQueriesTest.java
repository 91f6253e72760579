package org.webwatch.store.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.store.WebwatchStore;

class DossierQueriesTest {
  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;
  /** 2024-01-01, a Monday, 00:00 UTC. */
  static final long MONDAY = 1_704_067_200_000L;

  @TempDir Path dir;
  WebwatchStore store;
  DossierQueries q;
  final List<DossierQueries.Item> expected = new ArrayList<>();

  @BeforeEach
  void fill() throws Exception {
    store = WebwatchStore.open(dir);
    q = new DossierQueries(store);
    try (Connection c = store.connection();
        PreparedStatement acc = c.prepareStatement("INSERT INTO account (site, id, username, capture) VALUES ('s1', ?, ?, 'c')");
        PreparedStatement post = c.prepareStatement("INSERT INTO post (site, id, thread, author, created_at, text, reply_to, capture) VALUES ('s1',?,NULL,?,?,?,?,'c')");
        PreparedStatement msg = c.prepareStatement("INSERT INTO message (site, id, author, created_at, text, subject, recipients, capture) VALUES ('s1',?,?,?,?,NULL,?,'c')")) {
      for (String a : List.of("a1", "a2", "a3")) {
        acc.setString(1, a);
        acc.setString(2, "user-" + a);
        acc.executeUpdate();
      }
      // 23 posts and 17 messages of a1; many share a timestamp across and within tables (ties for the keyset)
      for (int i = 0; i < 23; i++) {
        long t = MONDAY + (i / 3) * DAY + 5 * HOUR;
        String id = "p" + (char) ('a' + i);
        post.setString(1, id);
        post.setString(2, "a1");
        post.setLong(3, t);
        post.setString(4, "post " + i);
        post.setString(5, i == 0 ? "q1" : null);
        post.executeUpdate();
        expected.add(new DossierQueries.Item("s1", "post", id, t, null, "post " + i));
      }
      for (int i = 0; i < 17; i++) {
        long t = MONDAY + (i / 2) * DAY + 5 * HOUR + (i % 4 == 0 ? 0 : 9 * DAY + 2 * HOUR);
        String id = "m" + (char) ('a' + i);
        msg.setString(1, id);
        msg.setString(2, "a1");
        msg.setLong(3, t);
        msg.setString(4, "message " + i);
        msg.setString(5, "[\"a3\"]");
        msg.executeUpdate();
        expected.add(new DossierQueries.Item("s1", "message", id, t, null, "message " + i));
      }
      post.setString(1, "q1");
      post.setString(2, "a2");
      post.setLong(3, MONDAY);
      post.setString(4, "by a2");
      post.setString(5, null);
      post.executeUpdate();
    }
    expected.sort(DossierQueries.NEWEST_FIRST);
  }

  @Test
  void pagesWalkEveryItemOnceNewestFirstAcrossTiesAndTables() {
    for (int limit : new int[] {1, 4, 7, 40, 100}) {
      List<DossierQueries.Item> seen = new ArrayList<>();
      DossierQueries.Cursor after = null;
      int pages = 0;
      do {
        DossierQueries.ItemPage page = q.items("s1", "a1", after, limit);
        assertThat(page.items().size()).isLessThanOrEqualTo(limit);
        seen.addAll(page.items());
        // the cursor survives its URL form
        after = page.next() == null ? null : DossierQueries.Cursor.parse(page.next().toString());
        pages++;
      } while (after != null);
      assertThat(seen).as("limit %d", limit).extracting(DossierQueries.Item::id)
          .containsExactlyElementsOf(expected.stream().map(DossierQueries.Item::id).toList());
      assertThat(pages).isEqualTo(Math.max(1, (40 + limit - 1) / limit));
    }
    assertThat(expected.get(0).time()).isGreaterThanOrEqualTo(expected.get(39).time());
  }

  @Test
  void cursorTextIsValidatedNotTrusted() {
    assertThat(DossierQueries.Cursor.parse(null)).isNull();
    assertThat(DossierQueries.Cursor.parse("12~post")).isNull();
    assertThat(DossierQueries.Cursor.parse("x~post~p1")).isNull();
    assertThat(DossierQueries.Cursor.parse("12~thread~p1")).isNull();
    assertThat(DossierQueries.Cursor.parse("12~message~m~1")).isEqualTo(new DossierQueries.Cursor(12, "message", "m~1"));
    assertThatThrownBy(() -> q.items("s1", "a1", null, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void activityIsCountedPerHourAndPerMondayWeek() {
    DossierQueries.Activity a = q.activity("s1", "a1");
    long[] hours = new long[24];
    java.util.TreeMap<Long, Long> weeks = new java.util.TreeMap<>();
    for (DossierQueries.Item it : expected) {
      hours[(int) ((it.time() / HOUR) % 24)]++;
      java.time.LocalDate d = java.time.Instant.ofEpochMilli(it.time()).atZone(java.time.ZoneOffset.UTC).toLocalDate();
      weeks.merge(d.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toEpochDay(), 1L, Long::sum);
    }
    assertThat(a.perHour()).containsExactly(hours);
    assertThat(a.perWeek()).isEqualTo(weeks);
    assertThat(a.perWeek().keySet()).hasSizeGreaterThan(1);
    assertThat(q.activity("s1", "nobody").perWeek()).isEmpty();
  }

  @Test
  void contactsCarryUsernamesFromOneLookup() {
    List<DossierQueries.Contact> c = q.contacts("s1", "a1", 10);
    assertThat(c).extracting(DossierQueries.Contact::account).containsExactly("a3", "a2");
    assertThat(c.get(0)).isEqualTo(new DossierQueries.Contact("s1", "a3", "user-a3", 0, 17));
    assertThat(c.get(1)).isEqualTo(new DossierQueries.Contact("s1", "a2", "user-a2", 1, 0));
    assertThat(q.usernames("s1", List.of("a1", "zz"))).containsExactly(java.util.Map.entry("a1", "user-a1"));
    assertThat(expected).isSortedAccordingTo(DossierQueries.NEWEST_FIRST);
    assertThat(expected).isSortedAccordingTo(Comparator.comparingLong(DossierQueries.Item::time).reversed());
  }
}
