package org.webwatch.signals;

import java.util.List;
import org.webwatch.model.IndicatorSpan;
import org.webwatch.model.TextItem;

/**
 * Finds indicator spans (codes of {@code shared/spec/indicators.md}) in one piece of text.
 * Implementations are thread-safe and bounded in time and memory on any input. Every span
 * points at the exact original characters and says which rule or model produced it.
 */
public interface IndicatorDetector {
  List<IndicatorSpan> detect(TextItem item);

  /** Version of the rules / model in use, recorded in {@code summary.json}. */
  String version();
}
