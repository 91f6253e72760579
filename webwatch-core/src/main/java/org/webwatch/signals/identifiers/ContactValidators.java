package org.webwatch.signals.identifiers;

import java.util.Locale;
import org.webwatch.model.IdentifierType;

/**
 * Format validators for contacts that carry no checksum. {@code valid} means "well-formed":
 * e-mail (RFC 5321 dot-atom subset, TLD letters), Telegram usernames (5-32 of
 * {@code [a-z0-9_]}, starting with a letter; value {@code @name} lower-case), Session IDs
 * (66 hex starting {@code 05}; value lower-case), Threema IDs (8 of {@code [A-Z0-9]}; value
 * upper-case), Wickr usernames (5-32 of {@code [a-z0-9_.-]}; value lower-case). All O(n).
 */
public final class ContactValidators {
  private ContactValidators() {}

  public static final class Email implements IdentifierValidator {
    @Override public IdentifierType type() { return IdentifierType.EMAIL; }
    @Override public int maxLength() { return 254; }

    @Override
    public IdentifierCheck check(String c) {
      if (c == null || c.length() > maxLength()) return IdentifierCheck.bad(type(), "", "too long");
      String v = c.toLowerCase(Locale.ROOT);
      int at = v.indexOf('@');
      if (at < 1 || at != v.lastIndexOf('@') || at > 64) return IdentifierCheck.bad(type(), v, "no single @");
      String local = v.substring(0, at), domain = v.substring(at + 1);
      for (int i = 0; i < local.length(); i++) {
        char ch = local.charAt(i);
        if (!(isAlnum(ch) || "._%+-!#$&'*/=?^`{|}~".indexOf(ch) >= 0)) return IdentifierCheck.bad(type(), v, "bad local part");
      }
      if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) return IdentifierCheck.bad(type(), v, "bad dots");
      return validDomain(domain) ? IdentifierCheck.ok(type(), v, "format") : IdentifierCheck.bad(type(), v, "bad domain");
    }
  }

  public static final class Telegram implements IdentifierValidator {
    @Override public IdentifierType type() { return IdentifierType.TELEGRAM; }
    @Override public int maxLength() { return 33; }

    @Override
    public IdentifierCheck check(String c) {
      if (c == null || c.length() > maxLength()) return IdentifierCheck.bad(type(), "", "too long");
      String v = c.startsWith("@") ? c.substring(1) : c;
      v = v.toLowerCase(Locale.ROOT);
      boolean ok = v.length() >= 5 && v.length() <= 32 && v.charAt(0) >= 'a' && v.charAt(0) <= 'z' && !v.endsWith("_");
      for (int i = 0; i < v.length() && ok; i++) ok = isAlnum(v.charAt(i)) || v.charAt(i) == '_';
      return ok ? IdentifierCheck.ok(type(), "@" + v, "format") : IdentifierCheck.bad(type(), "@" + v, "not a username");
    }
  }

  public static final class Session implements IdentifierValidator {
    @Override public IdentifierType type() { return IdentifierType.SESSION; }
    @Override public int maxLength() { return 66; }

    @Override
    public IdentifierCheck check(String c) {
      if (c == null || c.length() > maxLength()) return IdentifierCheck.bad(type(), "", "too long");
      String v = c.toLowerCase(Locale.ROOT);
      return v.length() == 66 && v.startsWith("05") && Hashes.isHex(v)
          ? IdentifierCheck.ok(type(), v, "format")
          : IdentifierCheck.bad(type(), v, "not 05 + 64 hex");
    }
  }

  public static final class Threema implements IdentifierValidator {
    @Override public IdentifierType type() { return IdentifierType.THREEMA; }
    @Override public int maxLength() { return 8; }

    @Override
    public IdentifierCheck check(String c) {
      if (c == null || c.length() > maxLength()) return IdentifierCheck.bad(type(), "", "too long");
      String v = c.toUpperCase(Locale.ROOT);
      boolean ok = v.length() == 8;
      for (int i = 0; i < v.length() && ok; i++) ok = (v.charAt(i) >= 'A' && v.charAt(i) <= 'Z') || (v.charAt(i) >= '0' && v.charAt(i) <= '9') || v.charAt(i) == '*';
      return ok ? IdentifierCheck.ok(type(), v, "format") : IdentifierCheck.bad(type(), v, "not 8 of [A-Z0-9]");
    }
  }

  public static final class Wickr implements IdentifierValidator {
    @Override public IdentifierType type() { return IdentifierType.WICKR; }
    @Override public int maxLength() { return 32; }

    @Override
    public IdentifierCheck check(String c) {
      if (c == null || c.length() > maxLength()) return IdentifierCheck.bad(type(), "", "too long");
      String v = c.toLowerCase(Locale.ROOT);
      boolean ok = v.length() >= 5;
      for (int i = 0; i < v.length() && ok; i++) ok = isAlnum(v.charAt(i)) || "_.-".indexOf(v.charAt(i)) >= 0;
      return ok ? IdentifierCheck.ok(type(), v, "format") : IdentifierCheck.bad(type(), v, "not a username");
    }
  }

  public static final class Url implements IdentifierValidator {
    @Override public IdentifierType type() { return IdentifierType.URL; }
    @Override public int maxLength() { return 2048; }

    /** Value: scheme and host lower-cased, the rest as written. */
    @Override
    public IdentifierCheck check(String c) {
      if (c == null || c.length() > maxLength()) return IdentifierCheck.bad(type(), "", "too long");
      int sep = c.indexOf("://");
      if (sep < 1) return IdentifierCheck.bad(type(), c, "no scheme");
      int hostEnd = sep + 3;
      while (hostEnd < c.length() && "/?#".indexOf(c.charAt(hostEnd)) < 0) hostEnd++;
      String host = host(c).toLowerCase(Locale.ROOT);
      String v = c.substring(0, hostEnd).toLowerCase(Locale.ROOT) + c.substring(hostEnd);
      String scheme = v.substring(0, sep);
      boolean ok = (scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp")) && validDomain(host);
      return ok ? IdentifierCheck.ok(type(), v, "format") : IdentifierCheck.bad(type(), v, "bad scheme or host");
    }

    /** The host of a URL (without user info and port), as written. */
    public static String host(String url) {
      int sep = url.indexOf("://");
      int s = sep < 0 ? 0 : sep + 3, e = s;
      while (e < url.length() && "/?#".indexOf(url.charAt(e)) < 0) e++;
      String auth = url.substring(s, e);
      int at = auth.lastIndexOf('@');
      if (at >= 0) auth = auth.substring(at + 1);
      int colon = auth.indexOf(':');
      return colon >= 0 ? auth.substring(0, colon) : auth;
    }
  }

  static boolean isAlnum(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z');
  }

  static boolean validDomain(String d) {
    if (d.length() < 4 || d.length() > 253 || !d.contains(".")) return false;
    String[] labels = d.split("\\.", -1);
    for (String l : labels) {
      if (l.isEmpty() || l.length() > 63 || l.startsWith("-") || l.endsWith("-")) return false;
      for (int i = 0; i < l.length(); i++) if (!isAlnum(l.charAt(i)) && l.charAt(i) != '-') return false;
    }
    String tld = labels[labels.length - 1];
    for (int i = 0; i < tld.length(); i++) if (!Character.isLetter(tld.charAt(i))) return false;
    return tld.length() >= 2;
  }
}
