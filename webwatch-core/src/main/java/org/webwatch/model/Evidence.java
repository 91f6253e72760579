package org.webwatch.model;

/**
 * One piece of evidence behind a link, a factor or a payment: a {@code code} (e.g.
 * {@code shared-btc}, {@code style}), the {@code value} it rests on (the address, the
 * fingerprint, the similarity), a {@code weight} (its contribution) and a human-readable
 * {@code detail} pointing at the items that support it (e.g. {@code post s1/901}).
 */
public record Evidence(String code, String value, double weight, String detail) {}
