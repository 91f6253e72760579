package org.webwatch.ingest.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.webwatch.ingest.CaptureRefusedException;

/** Checks archive entry names (zip-slip) and finds the capture root inside a container. */
public final class EntryPaths {
  public static final String MANIFEST = "capture.json";

  private EntryPaths() {}

  /**
   * The normalised '/'-separated name of an archive entry, or a refusal when it is absolute,
   * climbs out with {@code ..}, or carries a NUL: such an archive was made to escape an
   * extraction directory and is treated as hostile.
   */
  public static String normalise(String raw) {
    if (raw.indexOf('\0') >= 0) throw unsafe(raw, "contains a NUL character");
    String s = raw.replace('\\', '/');
    if (s.startsWith("/") || (s.length() >= 2 && s.charAt(1) == ':' && Character.isLetter(s.charAt(0)))) {
      throw unsafe(raw, "is an absolute path");
    }
    List<String> parts = new ArrayList<>();
    for (String p : s.split("/")) {
      if (p.isEmpty() || p.equals(".")) continue;
      if (p.equals("..")) throw unsafe(raw, "climbs out of the capture with '..'");
      parts.add(p);
    }
    return String.join("/", parts);
  }

  private static CaptureRefusedException unsafe(String raw, String why) {
    return new CaptureRefusedException("unsafe entry path '" + printable(raw) + "' in archive: " + why + "; capture refused");
  }

  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 200; i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }

  /**
   * The root prefix ("" or "top/") given every entry name (files, links, directories): the
   * container root when it holds {@code capture.json}, else its single top-level folder when
   * that holds it. Returns null when there is no manifest at either place.
   */
  public static String root(Set<String> names) {
    if (names.contains(MANIFEST)) return "";
    Set<String> tops = new HashSet<>();
    for (String n : names) {
      if (n.startsWith("__MACOSX/") || n.equals("__MACOSX")) continue;
      int i = n.indexOf('/');
      tops.add(i < 0 ? n : n.substring(0, i));
    }
    if (tops.size() == 1) {
      String top = tops.iterator().next();
      if (names.contains(top + "/" + MANIFEST)) return top + "/";
    }
    return null;
  }

  /** The name relative to {@code root}, or null when the entry lies outside it. */
  public static String relative(String name, String root) {
    return name.startsWith(root) && name.length() > root.length() ? name.substring(root.length()) : null;
  }
}
