package org.webwatch.store.triage;

/** A row of media.csv joined with the attachment's hashes from the capture (empty when absent). */
public record MediaRow(String site, String post, String account, String attachment, String status, String source,
    String category, Integer distance, String sha256, String md5, String pdq) {}
