package org.webwatch.model;

import java.time.Instant;
import java.util.Map;

/** {@code capture.json}: the manifest of one capture. */
public record CaptureManifest(
    String id, int version, Instant collectedAt, String collector, String notes, Map<String, Object> extra) {}
