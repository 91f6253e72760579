package org.webwatch.media.hashset;

import java.util.function.Consumer;

/** Something that streams hash-set entries: a file reader or a store. */
@FunctionalInterface
public interface HashEntrySource {
  void forEachEntry(Consumer<HashEntry> sink);
}
