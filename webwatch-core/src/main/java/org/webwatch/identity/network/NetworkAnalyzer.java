package org.webwatch.identity.network;

import java.util.Map;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.model.AccountKey;
import org.webwatch.model.IndicatorSpan;

/**
 * Builds the interaction graph (replies, quotes, private messages, thread starts, shared
 * threads) while a capture streams past, takes indicator spans to know who encouraged or
 * admitted whom, then computes each account's {@link NetworkRole}.
 */
public interface NetworkAnalyzer extends CaptureVisitor {
  void span(IndicatorSpan span);

  Map<AccountKey, NetworkRole> analyze();
}
