package org.webwatch.model;

import java.util.List;

/**
 * A decided link between two accounts of one person, with its confidence in [0,1], the method
 * and version that produced it, and every piece of evidence (down to values and items).
 */
public record AccountLink(
    AccountKey a, AccountKey b, double confidence, String method, String version, List<Evidence> evidence) {}
