package org.webwatch.signals;

import java.util.List;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.TextItem;

/**
 * Finds identifiers (payment addresses, PGP keys and fingerprints, onion addresses, contacts)
 * in one piece of text, validated: {@code valid=false} for near-misses, never dropped.
 * Thread-safe.
 */
public interface IdentifierExtractor {
  List<IdentifierOccurrence> extract(TextItem item);
}
