package org.webwatch.payments.chain;

import java.util.List;

/**
 * What reading one block file gave: its detected format, counts, first/last block hash (in
 * file order, display form; null when none) and the located errors (capped at
 * {@link BlockFileReader#MAX_ERRORS_KEPT}; {@code errorCount} counts all).
 */
public record ReadSummary(
    String source,
    String format,
    long bytes,
    int blocks,
    long txs,
    int rejected,
    String firstHash,
    String lastHash,
    long errorCount,
    List<ChainError> errors) {
  public ReadSummary {
    errors = List.copyOf(errors);
  }
}
