package org.webwatch.triage.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IdentifierType;
import org.webwatch.model.TextItem;
import org.webwatch.signals.IdentifierExtractor;

/** Test fake: {@code bc1q…} tokens are BTC addresses (valid when they end in a digit), {@code x@y.z} are emails. */
public final class PatternExtractor implements IdentifierExtractor {
  private static final Pattern BTC = Pattern.compile("bc1q[a-z0-9]{6,}");
  private static final Pattern EMAIL = Pattern.compile("[a-z0-9_]+@[a-z0-9]+\\.[a-z]+");

  @Override
  public List<IdentifierOccurrence> extract(TextItem item) {
    List<IdentifierOccurrence> out = new ArrayList<>();
    Matcher m = EMAIL.matcher(item.text());
    while (m.find())
      out.add(new IdentifierOccurrence(item.site(), item.kind(), item.item(), item.account(), IdentifierType.EMAIL,
          m.group(), true, m.start(), m.end()));
    m = BTC.matcher(item.text());
    while (m.find())
      out.add(new IdentifierOccurrence(item.site(), item.kind(), item.item(), item.account(), IdentifierType.BTC,
          m.group(), Character.isDigit(m.group().charAt(m.group().length() - 1)), m.start(), m.end()));
    return out;
  }
}
