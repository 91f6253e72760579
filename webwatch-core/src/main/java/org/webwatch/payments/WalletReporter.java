package org.webwatch.payments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.model.AccountKey;

/**
 * Wallet rows for forum addresses: cluster, totals, first/last seen and counterparties
 * (transfers with addresses outside the forum address's cluster, largest first, capped at
 * {@value #MAX_COUNTERPARTIES}). One pass over all transactions: O(inputs + outputs).
 */
final class WalletReporter {
  static final int MAX_COUNTERPARTIES = 50;
  private final ChainStore store;
  private final WalletClusters clusters;
  private final ForumAddresses forum;

  WalletReporter(ChainStore store, WalletClusters clusters, ForumAddresses forum) {
    this.store = store;
    this.clusters = clusters;
    this.forum = forum;
  }

  List<WalletRow> rows() {
    Map<Integer, List<Counterparty>> parties = counterparties();
    List<WalletRow> rows = new ArrayList<>();
    for (var e : forum.byString.entrySet()) {
      List<AccountKey> accounts = e.getValue().stream().map(AddressTie::account).distinct().sorted().toList();
      int id = store.addressId(e.getKey());
      if (id < 0) {
        rows.add(new WalletRow(e.getKey(), "", 0, 0, 0, null, null, accounts, List.of()));
        continue;
      }
      List<Counterparty> cp = new ArrayList<>(parties.getOrDefault(id, List.of()));
      cp.sort(Comparator.comparingLong(Counterparty::amountSat).reversed().thenComparing(Counterparty::txid));
      rows.add(new WalletRow(e.getKey(), clusters.label(id), clusters.size(id), store.receivedSat(id), store.sentSat(id),
          Instant.ofEpochSecond(store.firstSeen(id)), Instant.ofEpochSecond(store.lastSeen(id)), accounts,
          cp.subList(0, Math.min(cp.size(), MAX_COUNTERPARTIES))));
    }
    return rows;
  }

  private Map<Integer, List<Counterparty>> counterparties() {
    Map<Integer, List<Counterparty>> out = new HashMap<>();
    if (forum.byId.isEmpty()) return out;
    for (int tx = 0; tx < store.txCount(); tx++) {
      List<Integer> forumIn = new ArrayList<>();
      List<Integer> forumOut = new ArrayList<>();
      for (int in = store.firstInput(tx); in < store.endInput(tx); in++) {
        int o = store.spentOutput(in);
        if (o >= 0 && forum.byId.containsKey(store.outputAddress(o))) forumIn.add(store.outputAddress(o));
      }
      for (int o = store.firstOutput(tx); o < store.endOutput(tx); o++) {
        if (forum.byId.containsKey(store.outputAddress(o))) forumOut.add(o);
      }
      if (forumIn.isEmpty() && forumOut.isEmpty()) continue;
      String txid = store.txid(tx);
      long time = store.txTime(tx);
      for (int f : forumIn.stream().distinct().toList()) {
        int root = clusters.root(f);
        for (int o = store.firstOutput(tx); o < store.endOutput(tx); o++) {
          int b = store.outputAddress(o);
          if (b < 0 || clusters.root(b) == root) continue;
          add(out, f, new Counterparty(store.address(b), "to", txid, time, store.outputValue(o)));
        }
      }
      for (int o : forumOut) {
        int f = store.outputAddress(o);
        int root = clusters.root(f);
        List<Integer> seen = new ArrayList<>();
        for (int in = store.firstInput(tx); in < store.endInput(tx); in++) {
          int s = store.spentOutput(in);
          if (s < 0 || store.outputAddress(s) < 0) continue;
          int a = store.outputAddress(s);
          if (clusters.root(a) == root || seen.contains(a)) continue;
          seen.add(a);
          add(out, f, new Counterparty(store.address(a), "from", txid, time, store.outputValue(o)));
        }
      }
    }
    return out;
  }

  private static void add(Map<Integer, List<Counterparty>> out, int f, Counterparty c) {
    List<Counterparty> l = out.computeIfAbsent(f, k -> new ArrayList<>());
    if (l.size() < MAX_COUNTERPARTIES * 20) l.add(c);
  }
}
