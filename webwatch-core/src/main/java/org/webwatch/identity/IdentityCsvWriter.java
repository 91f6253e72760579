package org.webwatch.identity;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.webwatch.identity.internal.Csv;
import org.webwatch.model.AccountLink;
import org.webwatch.model.Evidence;
import org.webwatch.model.PersonAssignment;

/**
 * Writes linking results as RFC 4180 CSV (CRLF line ends, UTF-8 expected of the writer):
 * {@code identities.csv} ({@code person,site,account,confidence,evidence}, see
 * {@code shared/spec/outputs.md}) and {@code links.csv}, the explanation of every link, one row
 * per piece of evidence: {@code site_a,account_a,site_b,account_b,confidence,method,version,code,value,weight,detail}.
 */
public final class IdentityCsvWriter {
  public static final String IDENTITIES_HEADER = "person,site,account,confidence,evidence";
  public static final String LINKS_HEADER = "site_a,account_a,site_b,account_b,confidence,method,version,code,value,weight,detail";

  private IdentityCsvWriter() {}

  public static void writeIdentities(IdentityResult result, Writer out) throws IOException {
    out.write(IDENTITIES_HEADER + "\r\n");
    for (PersonAssignment a : result.assignments()) {
      out.write(Csv.row(a.person(), a.account().site(), a.account().account(), number(a.confidence()),
          String.join(";", a.evidenceCodes())));
    }
    out.flush();
  }

  public static void writeLinks(IdentityResult result, Writer out) throws IOException {
    out.write(LINKS_HEADER + "\r\n");
    for (AccountLink l : result.links()) {
      for (Evidence e : l.evidence()) {
        out.write(Csv.row(l.a().site(), l.a().account(), l.b().site(), l.b().account(), number(l.confidence()),
            l.method(), l.version(), e.code(), e.value(), number(e.weight()), e.detail()));
      }
    }
    out.flush();
  }

  static String number(double d) {
    String s = String.format(Locale.ROOT, "%.4f", d);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s + "0" : s;
  }
}
