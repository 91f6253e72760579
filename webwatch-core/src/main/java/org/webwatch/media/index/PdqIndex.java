package org.webwatch.media.index;

import java.util.List;
import java.util.stream.IntStream;
import org.webwatch.media.PdqHash;

/**
 * A set of PDQ hashes, each under a caller-chosen non-negative int id (dense ids keep the id map
 * small), searchable by Hamming radius with EXACT recall: every stored hash within the radius is
 * returned, nothing else. Adds and removes are immediate; {@link #compact()} reclaims removed
 * slots. Searches may run in parallel with each other; writes are serialised against them.
 */
public interface PdqIndex {
  /** One search result: the stored id and its distance to the query. */
  record Hit(int id, int distance) {}

  void add(int id, PdqHash hash);

  /** Removes {@code id}; false when it was not present. */
  boolean remove(int id);

  /** Live hashes. */
  int size();

  /** All live ids within {@code radius} (0–256) of {@code query}, each once, in no particular order. */
  List<Hit> search(PdqHash query, int radius);

  /** Reclaims the space of removed hashes and folds pending additions into the main structure. */
  void compact();

  /** Runs {@link #search} for every query on the common pool; result {@code i} belongs to query {@code i}. */
  default List<List<Hit>> searchAll(List<PdqHash> queries, int radius) {
    return IntStream.range(0, queries.size()).parallel().mapToObj(i -> search(queries.get(i), radius)).toList();
  }

  /** Bytes held by the index structures (hashes, postings, id maps), for capacity planning. */
  long memoryBytes();
}
