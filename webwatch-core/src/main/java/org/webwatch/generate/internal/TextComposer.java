package org.webwatch.generate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds one text (post, message, signature, title or profile field) sentence by sentence
 * and remembers where each planted indicator, negative, identifier and obfuscation ended up,
 * as UTF-16 offsets into the final string. Reused per item; not thread-safe.
 */
public final class TextComposer {
  /** Share of indicator sentences that get an obfuscation. */
  public static final double OBFUSCATION_RATE = 0.22;

  private record Mark(int type, String a, String b, String c, int start, int end) {}

  private static final int IND = 0, NEG = 1, ID = 2, OBF = 3;
  private final TemplateBank bank = TemplateBank.get();
  private final StringBuilder sb = new StringBuilder(512);
  private final List<Mark> marks = new ArrayList<>();

  public void reset() {
    sb.setLength(0);
    marks.clear();
  }

  public int length() {
    return sb.length();
  }

  public String text() {
    return sb.toString();
  }

  private void sep(WritingStyle st) {
    if (sb.length() > 0) sb.append(st == null ? " " : st.separator());
  }

  /** Raw text, as is (labels like "PGP: "). */
  public void raw(String s) {
    sb.append(s);
  }

  public void chatter(String section, WritingStyle st, SplittableRandom rnd) {
    sep(st);
    String s = bank.fillSlots(bank.pick(section, rnd), rnd);
    sb.append(st == null ? s : st.sentence(s, rnd, true));
  }

  /** An indicator sentence of {@code code}; {@code btc} fills a {btc} slot (null: none expected). */
  public void indicator(String code, WritingStyle st, SplittableRandom rnd, String btc, String btcNote) {
    indicatorFrom(code, bank.pick("code:" + code, rnd), st, rnd, btc, btcNote);
  }

  public void indicatorFrom(String code, String template, WritingStyle st, SplittableRandom rnd, String btc, String btcNote) {
    sep(st);
    String filled = bank.fillSlots(template, rnd);
    String styled = st == null ? filled : st.sentence(filled, rnd, false);
    int coreLen = st != null && !st.ending().isEmpty() && styled.endsWith(st.ending()) ? styled.length() - st.ending().length() : styled.length();
    String core = styled.substring(0, coreLen);
    String obfKind = null;
    if (rnd.nextDouble() < OBFUSCATION_RATE) {
      Obfuscator.Kind k = Obfuscator.randomKind(rnd);
      String o = Obfuscator.apply(core, k, rnd);
      if (!o.equals(core)) {
        core = o;
        obfKind = k.code;
      }
    }
    int start = sb.length();
    int slot = core.indexOf("{btc}");
    if (slot >= 0) {
      if (btc == null) throw new IllegalStateException("template needs an address: " + template);
      sb.append(core, 0, slot);
      marks.add(new Mark(ID, "btc", btc, btcNote, sb.length(), sb.length() + btc.length()));
      sb.append(btc).append(core, slot + 5, core.length());
    } else {
      sb.append(core);
    }
    // Trim trailing spaces from the span so it ends on a visible character.
    int end = sb.length();
    while (end > start && sb.charAt(end - 1) == ' ') end--;
    marks.add(new Mark(IND, code, null, null, start, end));
    if (obfKind != null) marks.add(new Mark(OBF, code, obfKind, null, start, end));
    sb.append(styled, coreLen, styled.length());
  }

  /** A hard negative sentence of {@code type} (news, prohibition, help-seeking, quote-critique, privacy). */
  public void negative(String type, WritingStyle st, SplittableRandom rnd) {
    sep(st);
    String s = bank.fillSlots(bank.pick("neg:" + type, rnd), rnd);
    int start = sb.length();
    sb.append(s);
    marks.add(new Mark(NEG, type, null, null, start, sb.length()));
  }

  /** An identifier after a short lead-in; {@code valid} false for near-misses. */
  public void identifier(String lead, String type, String value, boolean valid, String note, WritingStyle st) {
    sep(st);
    sb.append(lead);
    marks.add(new Mark(ID, type, value, (valid ? "" : "invalid:") + note, sb.length(), sb.length() + value.length()));
    sb.append(value);
  }

  /**
   * Writes the truth rows of the marks into {@code sink}. {@code field} names the profile
   * field (empty for other kinds).
   */
  public void flush(TruthSink sink, String site, String kind, String item, String account, String field) {
    String text = null;
    for (Mark m : marks) {
      if (text == null) text = sb.toString();
      String span = text.substring(m.start, m.end);
      String s = Integer.toString(m.start);
      String e = Integer.toString(m.end);
      switch (m.type) {
        case IND -> {
          Text.row(sink.indicators, site, kind, item, account, m.a, s, e, span);
          sink.indicatorCount++;
        }
        case NEG -> {
          Text.row(sink.negatives, site, kind, item, account, m.a, s, e, span);
          sink.negativeCount++;
        }
        case ID -> {
          boolean valid = !m.c.startsWith("invalid:");
          String note = valid ? m.c : m.c.substring(8);
          Text.row(sink.identifiers, site, kind, item, account, m.a, m.b, Boolean.toString(valid), field, s, e, note);
        }
        default -> Text.row(sink.obfuscations, site, kind, item, account, m.a, m.b, s, e, span);
      }
    }
  }
}
