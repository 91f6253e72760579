package org.webwatch.server.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.webwatch.WebwatchException;
import org.webwatch.server.HashLookup;
import org.webwatch.server.HashMatch;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.Jdbc;

/**
 * Looks a hash up among the attachments of imported captures: exact for md5/sha1/sha256 (index
 * scan of the attachment table), PDQ by Hamming distance ≤ {@link #PDQ_THRESHOLD} (linear scan,
 * O(n) in attachments with a PDQ hash). The triage media status of the newest run names the
 * set, category and distance the attachment matched. Stand-in until the media stage's hash-set
 * matcher is wired (it implements the same {@link HashLookup}).
 */
public final class CaptureHashLookup implements HashLookup {
  public static final int PDQ_THRESHOLD = 31;
  public static final String METHOD = "capture-lookup/1";
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
  private final Jdbc db;

  public CaptureHashLookup(WebwatchStore store) {
    this.db = new Jdbc(store);
  }

  @Override
  public List<String> signalTypes() {
    return List.of("md5", "sha1", "sha256", "pdq");
  }

  @Override
  public List<HashMatch> lookup(String signalType, String signal) {
    String type = signalType == null ? "" : signalType.toLowerCase(Locale.ROOT).strip();
    String value = signal == null ? "" : signal.toLowerCase(Locale.ROOT).strip();
    int len = switch (type) {
      case "md5" -> 32;
      case "sha1" -> 40;
      case "sha256", "pdq" -> 64;
      default -> throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT,
          "unknown signal type '" + signalType + "' (" + String.join(", ", signalTypes()) + ")");
    };
    if (value.length() != len || !HEX.matcher(value).matches()) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, type + " must be " + len + " hex digits");
    }
    String media = "LEFT JOIN triage_media m ON m.site = a.site AND m.attachment = a.id "
        + "AND m.run = (SELECT max(id) FROM triage_run WHERE status = 'complete') ";
    if (!type.equals("pdq")) {
      return db.list("SELECT a.site, a.id, a." + type + " AS h, m.status, m.source, m.category FROM attachment a " + media
          + "WHERE a." + type + " = ? LIMIT 100", rs -> match(rs.getString("site"), rs.getString("id"), type, rs.getString("h"), 0,
              rs.getString("status"), rs.getString("source"), rs.getString("category")), value);
    }
    List<HashMatch> out = new ArrayList<>();
    byte[] q = java.util.HexFormat.of().parseHex(value);
    db.list("SELECT a.site, a.id, a.pdq, m.status, m.source, m.category FROM attachment a " + media + "WHERE a.pdq IS NOT NULL",
        rs -> {
          String h = rs.getString("pdq").toLowerCase(Locale.ROOT);
          if (h.length() == 64 && HEX.matcher(h).matches()) {
            int d = hamming(q, java.util.HexFormat.of().parseHex(h));
            if (d <= PDQ_THRESHOLD) {
              out.add(match(rs.getString("site"), rs.getString("id"), "pdq", h, d, rs.getString("status"), rs.getString("source"),
                  rs.getString("category")));
            }
          }
          return null;
        });
    out.sort(Comparator.comparingInt(HashMatch::distance));
    return out.size() > 100 ? List.copyOf(out.subList(0, 100)) : List.copyOf(out);
  }

  private static HashMatch match(String site, String id, String type, String hash, int distance, String status, String source,
      String category) {
    String set = source == null || source.isEmpty() ? "capture" : source;
    return new HashMatch(set, site + "/" + id, type, hash, distance, category == null ? "" : category,
        status == null ? "unassessed" : status, METHOD);
  }

  static int hamming(byte[] a, byte[] b) {
    int d = 0;
    for (int i = 0; i < a.length; i++) d += Integer.bitCount((a[i] ^ b[i]) & 0xff);
    return d;
  }
}
