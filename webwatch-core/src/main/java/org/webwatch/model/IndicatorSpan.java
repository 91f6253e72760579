package org.webwatch.model;

/**
 * One detected indicator: a span of an item's original text (UTF-16 offsets, end exclusive)
 * with its code, and what produced it: {@code method} (e.g. {@code rule} or {@code classifier}),
 * {@code rule} (the rule id or model name), {@code version} (of the rules file or model) and
 * {@code confidence} in [0,1]. Row of {@code indicators.csv}.
 */
public record IndicatorSpan(
    String site,
    TextKind kind,
    String item,
    String account,
    IndicatorCode code,
    int start,
    int end,
    String text,
    String method,
    String rule,
    String version,
    double confidence) {

  public IndicatorSpan {
    if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
  }

  public AccountKey accountKey() {
    return new AccountKey(site, account);
  }
}
