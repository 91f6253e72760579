package org.webwatch.store.triage;

/**
 * A suggested link (a row of link-suggestions.csv) with the rank and band of both persons:
 * account {@code a} of person {@code personA} and account {@code b} of person {@code personB}, as
 * {@code site:account}; {@code confidence} is the model's probability, {@code evidence} the codes
 * that count for the pair.
 */
public record SuggestionRow(String a, String personA, long rankA, String bandA, String b, String personB, long rankB, String bandB,
    double confidence, String method, String version, String evidence) {}
