package org.webwatch.store.triage;

/** One row of payments.csv as stored for a run: a chain payment between two forum accounts. */
public record PaymentRow(String fromSite, String fromAccount, String toSite, String toAccount, String txid, String time,
    long amountSat, String evidence) {
  /** Amount in BTC with 8 decimals, for display. */
  public String btc() {
    return java.math.BigDecimal.valueOf(amountSat, 8).toPlainString();
  }
}
