package org.webwatch.triage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Content of summary.json: per input what its reader reported, counts of everything read,
 * rejected and written ({@code read.*}, {@code rejected}, {@code written.*},
 * {@code component-errors}), accounts and persons per band, versions of the model, rules and
 * hash sets, wall-clock milliseconds per stage (in run order), and the first located
 * rejections, warnings and component errors.
 */
public record TriageSummary(
    List<Input> inputs,
    Map<String, Long> counts,
    Map<String, String> versions,
    Map<String, Long> timingsMillis,
    List<String> messages) {

  /** One capture source and what it reported. */
  public record Input(String name, long read, long rejected) {}

  public TriageSummary {
    inputs = List.copyOf(inputs);
    counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    versions = Collections.unmodifiableMap(new TreeMap<>(versions));
    timingsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMillis));
    messages = List.copyOf(messages);
  }
}
