package org.webwatch.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hash chain over audit rows (a linear hash chain as in Haber &amp; Stornetta 1991 / RFC 6962's
 * append-only idea without the tree): each row's hash is SHA-256 over its canonical fields and
 * the previous row's hash, so editing a row breaks its own hash, deleting or reordering rows
 * breaks the next row's link. A truncated tail is caught against the stored head (seq + hash of
 * the last row) kept beside the log. Verification is O(n) time, O(1) memory (streaming).
 *
 * <p>Canonical form: each field as its decimal or UTF-8 bytes, length-prefixed (4 bytes, big
 * endian), in the order seq, time, actor, action, target, detail, prevHash; so no two distinct
 * rows share an encoding.
 */
public final class AuditChain {
  /** prev_hash of the first row. */
  public static final String GENESIS = "0".repeat(64);

  private long expectedSeq = 1;
  private String expectedPrev = GENESIS;
  private long rows;
  private AuditVerification failure;
  private AuditEntry pendingGap;

  /** SHA-256 (hex) of the canonical encoding of a row's fields and its predecessor's hash. */
  public static String hash(long seq, long time, String actor, String action, String target, String detail, String prevHash) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
    for (String f : new String[] {Long.toString(seq), Long.toString(time), actor, action, target, detail, prevHash}) {
      byte[] b = f.getBytes(StandardCharsets.UTF_8);
      md.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
      md.update(b);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Builds the row that follows {@code previous} (null for the first row). */
  public static AuditEntry next(AuditEntry previous, long time, String actor, String action, String target, String detail) {
    long seq = previous == null ? 1 : previous.seq() + 1;
    String prev = previous == null ? GENESIS : previous.hash();
    return new AuditEntry(seq, time, actor, action, target, detail, prev, hash(seq, time, actor, action, target, detail, prev));
  }

  /**
   * Feeds the next row in storage order; returns false once the chain is broken (later rows are
   * ignored: the first break is the one to investigate).
   */
  public boolean accept(AuditEntry e) {
    if (failure != null) return false;
    rows++;
    if (pendingGap != null) {
      // a row arrived with a higher seq than expected: a later smaller seq means reordering
      failure = e.seq() < pendingGap.seq()
          ? AuditVerification.broken(rows - 1, pendingGap.seq(), "out of order: stored before seq " + e.seq() + " (rows reordered)")
          : gapFailure(rows - 1);
      return false;
    }
    String recomputed = hash(e.seq(), e.time(), e.actor(), e.action(), e.target(), e.detail(), e.prevHash());
    if (e.seq() < expectedSeq) {
      failure = AuditVerification.broken(rows, e.seq(), "out of order: found after seq " + (expectedSeq - 1) + " (rows reordered)");
    } else if (e.seq() > expectedSeq) {
      pendingGap = e;
      return true;
    } else if (!recomputed.equals(e.hash())) {
      failure = AuditVerification.broken(rows, e.seq(), "content does not match its hash (row edited)");
    } else if (!expectedPrev.equals(e.prevHash())) {
      failure = AuditVerification.broken(rows, e.seq(), "prev_hash does not match the hash of seq " + (e.seq() - 1)
          + " (previous row edited, replaced or chain re-linked)");
    }
    if (failure != null) return false;
    expectedSeq = e.seq() + 1;
    expectedPrev = e.hash();
    return true;
  }

  private AuditVerification gapFailure(long rowsRead) {
    long s = pendingGap.seq();
    String missing = s == expectedSeq + 1 ? "seq " + expectedSeq : "seq " + expectedSeq + "–" + (s - 1);
    return AuditVerification.broken(rowsRead, s, missing + " missing before this row (deleted)");
  }

  /**
   * Ends verification. {@code headSeq}/{@code headHash} are the stored head (the last row
   * appended), or -1/null when no head is kept.
   */
  public AuditVerification finish(long headSeq, String headHash) {
    if (failure == null && pendingGap != null) failure = gapFailure(rows);
    if (failure != null) return failure;
    long last = expectedSeq - 1;
    if (headSeq >= 0 && headSeq != last) {
      return AuditVerification.broken(rows, last + 1, "log ends at seq " + last + " but the head says " + headSeq
          + " (rows after seq " + last + " deleted)");
    }
    if (headHash != null && headSeq > 0 && !headHash.equals(expectedPrev)) {
      return AuditVerification.broken(rows, last, "last row's hash does not match the stored head (tail rewritten)");
    }
    return AuditVerification.ok(rows);
  }

  /** Verifies a whole chain held in memory. */
  public static AuditVerification verify(Iterable<AuditEntry> rows, long headSeq, String headHash) {
    AuditChain chain = new AuditChain();
    for (AuditEntry e : rows) if (!chain.accept(e)) break;
    return chain.finish(headSeq, headHash);
  }
}
