package org.webwatch.server.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.webwatch.store.triage.IndicatorRow;

/**
 * Splits a text into plain and marked segments by indicator spans (UTF-16 offsets, end
 * exclusive). Templates escape every segment and wrap marked ones in {@code <mark>}, so text
 * from captures can never inject markup. Overlapping spans are merged into the earlier one;
 * spans outside the text are clamped. O(s log s + n).
 */
public final class Highlight {
  /** A piece of text; {@code code} is the indicator code when marked, else null. */
  public record Segment(String text, String code) {
    public boolean marked() {
      return code != null;
    }
  }

  private Highlight() {}

  public static List<Segment> segments(String text, List<IndicatorRow> spans) {
    List<Segment> out = new ArrayList<>();
    if (text == null) return out;
    List<IndicatorRow> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt(IndicatorRow::start));
    int cursor = 0;
    for (IndicatorRow s : sorted) {
      int start = Math.max(cursor, Math.min(s.start(), text.length()));
      int end = Math.min(s.end(), text.length());
      if (end <= start) continue;
      if (start > cursor) out.add(new Segment(text.substring(cursor, start), null));
      out.add(new Segment(text.substring(start, end), s.category()));
      cursor = end;
    }
    if (cursor < text.length()) out.add(new Segment(text.substring(cursor), null));
    return out;
  }
}
