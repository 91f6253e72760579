package org.webwatch.payments;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Payment;

/**
 * Writes {@code payments.csv} and {@code wallets.csv} (RFC 4180: comma, CRLF-free "\n" rows,
 * fields with comma, quote or line break quoted, quotes doubled). Times are ISO-8601 UTC;
 * empty when unknown. {@code accounts} is {@code site:account}, {@code |}-separated.
 */
public final class PaymentCsv {
  public static final String PAYMENTS_HEADER = "from_site,from_account,to_site,to_account,txid,time,amount_sat,evidence";
  public static final String WALLETS_HEADER =
      "address,cluster,cluster_size,received_sat,sent_sat,first_seen,last_seen,accounts";

  private PaymentCsv() {}

  public static void writePayments(List<Payment> payments, Writer w) throws IOException {
    w.write(PAYMENTS_HEADER + "\n");
    for (Payment p : payments) {
      row(w, p.from().site(), p.from().account(), p.to().site(), p.to().account(), p.txid(), time(p.time()),
          Long.toString(p.amountSat()), p.evidence());
    }
  }

  public static void writeWallets(List<WalletRow> rows, Writer w) throws IOException {
    w.write(WALLETS_HEADER + "\n");
    for (WalletRow r : rows) {
      row(w, r.address(), r.cluster(), Integer.toString(r.clusterSize()), Long.toString(r.receivedSat()),
          Long.toString(r.sentSat()), time(r.firstSeen()), time(r.lastSeen()),
          r.accounts().stream().map(AccountKey::toString).collect(Collectors.joining("|")));
    }
  }

  private static String time(Instant t) {
    return t == null ? "" : t.toString();
  }

  private static void row(Writer w, String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) w.write(',');
      w.write(org.webwatch.csv.CsvWriter.field(fields[i]));
    }
    w.write('\n');
  }

}
