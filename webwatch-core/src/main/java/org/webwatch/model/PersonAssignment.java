package org.webwatch.model;

import java.util.List;

/** Row of {@code identities.csv}: which person an account belongs to, how sure, and why. */
public record PersonAssignment(String person, AccountKey account, double confidence, List<String> evidenceCodes) {}
