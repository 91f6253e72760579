package org.webwatch.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IdentifierType;
import org.webwatch.model.TextItem;
import org.webwatch.signals.identifiers.BitcoinAddressValidator;
import org.webwatch.signals.identifiers.ContactValidators;
import org.webwatch.signals.identifiers.EthereumAddressValidator;
import org.webwatch.signals.identifiers.IdentifierCheck;
import org.webwatch.signals.identifiers.MoneroAddressValidator;
import org.webwatch.signals.identifiers.OnionAddressValidator;
import org.webwatch.signals.identifiers.PgpFingerprintValidator;
import org.webwatch.signals.identifiers.PgpKeyBlockReader;

/**
 * Finds identifiers with one left-to-right pass: armored PGP key blocks are located with
 * {@code indexOf} and parsed; the rest of the text is cut into tokens (maximal runs without
 * whitespace or brackets/quotes, each capped at {@link #MAX_TOKEN}); each token's shape picks
 * at most one validator. No regular expressions; O(n) in the text length. Candidates with the
 * right shape that fail their checksum are returned with {@code valid=false}. Context-only
 * handles ({@code @name} as Telegram, Threema and Wickr IDs) need the messenger's name in the
 * {@link #CONTEXT_CHARS} characters before them, so forum {@code @mentions} are not taken for
 * Telegram. Thread-safe (stateless).
 */
public final class ValidatingIdentifierExtractor implements IdentifierExtractor {
  public static final int MAX_TOKEN = 2048;
  public static final int CONTEXT_CHARS = 40;
  public static final int MAX_PER_ITEM = 10_000;

  private final BitcoinAddressValidator btc = new BitcoinAddressValidator();
  private final EthereumAddressValidator eth = new EthereumAddressValidator();
  private final MoneroAddressValidator xmr = new MoneroAddressValidator();
  private final OnionAddressValidator onion = new OnionAddressValidator();
  private final PgpFingerprintValidator pgp = new PgpFingerprintValidator();
  private final PgpKeyBlockReader keyBlocks = new PgpKeyBlockReader();
  private final ContactValidators.Email email = new ContactValidators.Email();
  private final ContactValidators.Telegram telegram = new ContactValidators.Telegram();
  private final ContactValidators.Session session = new ContactValidators.Session();
  private final ContactValidators.Threema threema = new ContactValidators.Threema();
  private final ContactValidators.Wickr wickr = new ContactValidators.Wickr();
  private final ContactValidators.Url url = new ContactValidators.Url();

  @Override
  public List<IdentifierOccurrence> extract(TextItem item) {
    List<IdentifierOccurrence> out = new ArrayList<>();
    String t = item.text();
    if (t == null || t.isEmpty()) return out;
    int pos = 0, n = t.length();
    Context ctx = Context.of(t, item.field());
    int hexRunStart = -1, hexRunCount = 0, hexRunEnd = -1;
    while (pos < n && out.size() < MAX_PER_ITEM) {
      if (t.startsWith(PgpKeyBlockReader.BEGIN, pos)) {
        int end = t.indexOf(PgpKeyBlockReader.END, pos);
        int stop = end < 0 ? n : end + PgpKeyBlockReader.END.length();
        for (IdentifierCheck c : keyBlocks.read(t.substring(pos, stop))) add(out, item, c, pos, stop);
        pos = stop;
        continue;
      }
      char ch = t.charAt(pos);
      if (isBreak(ch)) {
        pos++;
        continue;
      }
      int s = pos;
      while (pos < n && !isBreak(t.charAt(pos)) && !(t.charAt(pos) == '-' && t.startsWith(PgpKeyBlockReader.BEGIN, pos))) pos++;
      if (pos - s > MAX_TOKEN) continue; // a giant run is no identifier; skipped in O(length)
      int e = pos;
      while (e > s && ".,:;!?".indexOf(t.charAt(e - 1)) >= 0) e--;
      if (e - s == 4 && isHex(t, s, e)) { // fingerprints written in groups of four
        boolean joins = hexRunCount > 0 && s - hexRunEnd <= 2 && onlySpaces(t, hexRunEnd, s);
        if (!joins) {
          hexRunStart = s;
          hexRunCount = 0;
        }
        hexRunCount++;
        hexRunEnd = e;
        if (hexRunCount == 10) {
          add(out, item, pgp.check(t.substring(hexRunStart, hexRunEnd)), hexRunStart, hexRunEnd);
          hexRunCount = 0;
        }
        continue;
      }
      hexRunCount = 0;
      if (e > s && mayBeIdentifier(t, s, e, ctx)) token(out, item, t, s, e, ctx);
    }
    return out;
  }

  private void token(List<IdentifierOccurrence> out, TextItem item, String t, int s, int e, Context ctx) {
    String tok = t.substring(s, e);
    String low = tok.toLowerCase(Locale.ROOT);
    int len = tok.length();
    if (low.startsWith("http://") || low.startsWith("https://") || low.startsWith("ftp://")) {
      add(out, item, url.check(tok), s, e);
      String host = ContactValidators.Url.host(tok).toLowerCase(Locale.ROOT);
      int hs = s + tok.toLowerCase(Locale.ROOT).indexOf(host);
      if (host.endsWith(".onion")) add(out, item, onion.check(host), hs, hs + host.length());
      telegramLink(out, item, tok, low, s);
      return;
    }
    if (low.startsWith("t.me/") || low.startsWith("telegram.me/")) {
      telegramLink(out, item, tok, low, s);
      return;
    }
    int at = tok.indexOf('@');
    if (at > 0 && tok.indexOf('.', at) > at) {
      add(out, item, email.check(tok), s, e);
      return;
    }
    if (at == 0 && len >= 6 && len <= 33) {
      if (ctx.telegram() && (ctx.fieldTelegram() || context(t, s, "telegram", "tg:", "tg ", "tele"))) add(out, item, telegram.check(tok), s, e);
      return;
    }
    if (low.endsWith(".onion")) {
      int hs = Math.max(low.lastIndexOf('/', len - 7), low.lastIndexOf('.', len - 7)) + 1;
      add(out, item, onion.check(tok.substring(hs)), s + hs, e);
      return;
    }
    if (len == 42 && low.startsWith("0x") && isHex(t, s + 2, e)) {
      add(out, item, eth.check(tok), s, e);
      return;
    }
    if (len >= 14 && len <= 90 && (low.startsWith("bc1") || low.startsWith("tb1") || low.startsWith("bcrt1")) && alnum(t, s, e)) {
      add(out, item, btc.check(tok), s, e);
      return;
    }
    if (len >= 25 && len <= 35 && "13mn2".indexOf(tok.charAt(0)) >= 0 && base58(t, s, e) && mixedCase(t, s, e)) {
      add(out, item, btc.check(tok), s, e);
      return;
    }
    if ((len == 95 || len == 106) && "48579AB".indexOf(tok.charAt(0)) >= 0 && base58(t, s, e)) {
      add(out, item, xmr.check(tok), s, e);
      return;
    }
    if (len == 66 && low.startsWith("05") && isHex(t, s, e)) {
      add(out, item, session.check(tok), s, e);
      return;
    }
    if (len == 40 && isHex(t, s, e)) {
      add(out, item, pgp.check(tok), s, e);
      return;
    }
    if (len == 8 && ctx.threema() && (ctx.fieldThreema() || context(t, s, "threema"))) {
      IdentifierCheck c = threema.check(tok);
      if (c.valid()) add(out, item, c, s, e);
      return;
    }
    if (len >= 5 && len <= 32 && ctx.wickr() && (ctx.fieldWickr() || context(t, s, "wickr")) && !low.startsWith("wickr")) {
      add(out, item, wickr.check(tok), s, e);
    }
  }

  private void telegramLink(List<IdentifierOccurrence> out, TextItem item, String tok, String low, int s) {
    int i = low.indexOf("t.me/");
    int skip = 5;
    if (i < 0) {
      i = low.indexOf("telegram.me/");
      skip = 12;
    }
    if (i < 0 || (i > 0 && low.charAt(i - 1) != '/' && low.charAt(i - 1) != '.')) return;
    int ns = i + skip, ne = ns;
    while (ne < tok.length() && (Character.isLetterOrDigit(tok.charAt(ne)) || tok.charAt(ne) == '_')) ne++;
    if (ne > ns) add(out, item, telegram.check(tok.substring(ns, ne)), s + ns, s + ne);
  }

  /**
   * Which messenger names occur anywhere in the item (one pass), so most tokens skip context
   * checks; {@code field*} say that the profile field itself is named after the messenger (a
   * profile {@code "telegram": "@name"} needs no word before the handle).
   */
  private record Context(boolean telegram, boolean threema, boolean wickr, boolean fieldTelegram, boolean fieldThreema,
      boolean fieldWickr) {
    static Context of(String t, String field) {
      Context c = of(t);
      String f = field == null ? "" : field.toLowerCase(Locale.ROOT);
      boolean ft = f.contains("telegram") || f.equals("tg");
      boolean fth = f.contains("threema");
      boolean fw = f.contains("wickr");
      return new Context(c.telegram || ft, c.threema || fth, c.wickr || fw, ft, fth, fw);
    }

    static Context of(String t) {
      boolean tg = false, th = false, wi = false;
      for (int i = 0, n = t.length(); i + 2 < n; i++) {
        char c = (char) (t.charAt(i) | 0x20);
        if (c == 't' && (t.charAt(i + 1) | 0x20) == 'g' || c == 't' && (t.charAt(i + 1) | 0x20) == 'e') tg = true;
        else if (c == 't' && (t.charAt(i + 1) | 0x20) == 'h' && t.regionMatches(true, i, "threema", 0, 7)) th = true;
        else if (c == 'w' && t.regionMatches(true, i, "wickr", 0, 5)) wi = true;
      }
      return new Context(tg, th, wi, false, false, false);
    }
  }

  /** Cheap shape test on the raw token before any string is made. */
  private static boolean mayBeIdentifier(String t, int s, int e, Context ctx) {
    int len = e - s;
    if (len >= 14) return true;
    if (len == 8 && ctx.threema()) return true;
    if (len >= 5 && ctx.wickr()) return true;
    for (int i = s; i < e; i++) {
      char c = t.charAt(i);
      if (c == '@' || c == '/' || c == ':') return true;
      if (c == '.' && i + 6 <= e) return true;
    }
    return false;
  }

  private static boolean context(String t, int s, String... words) {
    String before = t.substring(Math.max(0, s - CONTEXT_CHARS), s).toLowerCase(Locale.ROOT);
    for (String w : words) if (before.contains(w)) return true;
    return false;
  }

  private static void add(List<IdentifierOccurrence> out, TextItem item, IdentifierCheck c, int s, int e) {
    out.add(new IdentifierOccurrence(item.site(), item.kind(), item.item(), item.account(), c.type(), c.value(), c.valid(), s, e));
  }

  private static boolean isBreak(char c) {
    return Character.isWhitespace(c) || c == '\u00a0' || "<>\"'()[]{},;|`\u201c\u201d\u2018\u2019".indexOf(c) >= 0 || Character.isISOControl(c);
  }

  private static boolean onlySpaces(String t, int s, int e) {
    for (int i = s; i < e; i++) if (t.charAt(i) != ' ') return false;
    return true;
  }

  private static boolean isHex(String t, int s, int e) {
    for (int i = s; i < e; i++) if (Character.digit(t.charAt(i), 16) < 0 || t.charAt(i) > 'f') return false;
    return e > s;
  }

  private static boolean alnum(String t, int s, int e) {
    for (int i = s; i < e; i++) if (t.charAt(i) > 127 || !Character.isLetterOrDigit(t.charAt(i))) return false;
    return true;
  }

  private static boolean base58(String t, int s, int e) {
    for (int i = s; i < e; i++) {
      char c = t.charAt(i);
      if (c > 127 || !Character.isLetterOrDigit(c)) return false;
    }
    return true; // letters outside the alphabet (0 O I l) are near-misses, checked by the validator
  }

  private static boolean mixedCase(String t, int s, int e) {
    boolean up = false, lo = false;
    for (int i = s; i < e; i++) {
      up |= Character.isUpperCase(t.charAt(i));
      lo |= Character.isLowerCase(t.charAt(i));
    }
    return up && lo;
  }

  /** The identifier types this extractor can report. */
  public static List<IdentifierType> types() {
    return List.of(IdentifierType.values());
  }
}
