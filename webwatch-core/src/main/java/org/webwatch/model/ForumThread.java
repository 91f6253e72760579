package org.webwatch.model;

import java.time.Instant;
import java.util.Map;

/** A thread (topic) of a site ({@code threads.jsonl}). */
public record ForumThread(
    String id, String site, String board, String title, String author, Instant createdAt, Map<String, Object> extra) {}
