package org.webwatch.store.triage;

/** One imported triage run. */
public record TriageRun(long id, long importedAt, String sourceDir, String status, long accounts, long persons, String summaryJson) {}
