package org.webwatch.payments;

/**
 * One merge of two wallet clusters by the common-input-ownership rule: transaction
 * {@code txid} spent from both {@code addressA} and {@code addressB}.
 */
public record ClusterMerge(String txid, long time, String addressA, String addressB) {
  @Override
  public String toString() {
    return "tx " + txid + " (spends from " + addressA + " and " + addressB + ")";
  }
}
