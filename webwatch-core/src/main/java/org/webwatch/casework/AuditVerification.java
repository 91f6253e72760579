package org.webwatch.casework;

/**
 * Result of checking an audit chain.
 *
 * @param intact true when every row checks out
 * @param rowsChecked rows read
 * @param brokenSeq seq of the first row that does not check out (-1 when intact)
 * @param problem what is wrong with it, in words (empty when intact)
 */
public record AuditVerification(boolean intact, long rowsChecked, long brokenSeq, String problem) {
  public static AuditVerification ok(long rows) {
    return new AuditVerification(true, rows, -1, "");
  }

  public static AuditVerification broken(long rows, long seq, String problem) {
    return new AuditVerification(false, rows, seq, problem);
  }

  @Override
  public String toString() {
    return intact ? "audit chain intact (" + rowsChecked + " rows)" : "audit chain broken at seq " + brokenSeq + ": " + problem;
  }
}
