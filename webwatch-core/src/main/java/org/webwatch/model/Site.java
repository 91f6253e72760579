package org.webwatch.model;

import java.util.Map;

/** A forum or service a capture was taken from ({@code sites.jsonl}). */
public record Site(String id, String name, String url, String software, Map<String, Object> extra) {}
