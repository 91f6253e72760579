package org.webwatch.store;

import java.util.List;
import java.util.Map;

/**
 * What the store holds: rows per table (site, board, thread, account, post, message,
 * attachment, rejected_record), the captures with their status, and the full-text index's
 * document count and size on disk.
 */
public record StoreSummary(Map<String, Long> rowsPerTable, List<CaptureInfo> captures, long indexDocs, long indexBytes) {
  public StoreSummary {
    rowsPerTable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerTable)); // keeps display order
    captures = List.copyOf(captures);
  }

  public long rows(String table) {
    return rowsPerTable.getOrDefault(table, 0L);
  }
}
