package org.webwatch.payments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IdentifierType;

/**
 * BTC addresses posted in forum text, resolved against the store: address string → ties
 * (one per account, its first occurrence), address id → ties, cluster root → tied ids.
 */
final class ForumAddresses {
  final Map<String, List<AddressTie>> byString = new TreeMap<>();
  final Map<Integer, List<AddressTie>> byId = new HashMap<>();
  final Map<Integer, List<Integer>> byRoot = new HashMap<>();

  ForumAddresses(List<IdentifierOccurrence> occurrences, ChainStore store, WalletClusters clusters) {
    List<IdentifierOccurrence> sorted = new ArrayList<>();
    for (IdentifierOccurrence o : occurrences) {
      if (o.type() == IdentifierType.BTC && o.value() != null && !o.value().isBlank()) sorted.add(o);
    }
    sorted.sort(Comparator.comparing(IdentifierOccurrence::site).thenComparing(IdentifierOccurrence::account)
        .thenComparing(IdentifierOccurrence::item).thenComparingInt(IdentifierOccurrence::start));
    Map<String, Map<Object, AddressTie>> first = new TreeMap<>();
    for (IdentifierOccurrence o : sorted) {
      AddressTie t = AddressTie.of(o);
      first.computeIfAbsent(t.address(), k -> new LinkedHashMap<>()).putIfAbsent(t.account(), t);
    }
    for (var e : first.entrySet()) {
      List<AddressTie> ties = List.copyOf(e.getValue().values());
      byString.put(e.getKey(), ties);
      int id = store.addressId(e.getKey());
      if (id < 0) continue;
      byId.merge(id, ties, (a, b) -> {
        List<AddressTie> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
      });
    }
    for (int id : byId.keySet()) byRoot.computeIfAbsent(clusters.root(id), k -> new ArrayList<>()).add(id);
    byRoot.values().forEach(l -> l.sort(Integer::compare));
  }
}
