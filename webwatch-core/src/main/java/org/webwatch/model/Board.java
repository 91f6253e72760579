package org.webwatch.model;

import java.util.Map;

/** A board (sub-forum) of a site ({@code boards.jsonl}); {@code parent} is a board id or null. */
public record Board(String id, String site, String name, String parent, Map<String, Object> extra) {}
