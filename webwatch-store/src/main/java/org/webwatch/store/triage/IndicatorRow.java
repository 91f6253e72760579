package org.webwatch.store.triage;

/** A row of indicators.csv: a detected span, offsets in UTF-16 code units, end exclusive. */
public record IndicatorRow(String site, String kind, String item, String account, String category, int start, int end, String text) {}
