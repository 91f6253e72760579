package org.webwatch.generate;

import java.nio.file.Path;

/** Counts of what a generator run wrote (broken records excluded from the counts). */
public record GenerateSummary(
    Path out,
    int persons,
    int accounts,
    long posts,
    long messages,
    long indicatorSpans,
    long negativeSpans,
    long attachments,
    int brokenRecords,
    long millis) {}
