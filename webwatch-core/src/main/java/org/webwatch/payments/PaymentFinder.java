package org.webwatch.payments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Payment;

/**
 * Finds payments between forum accounts: a transaction whose inputs spend from an address
 * tied to account S — directly (S posted it) or through its wallet cluster (S posted another
 * address of the cluster) — and whose outputs pay an address tied to another account R. The
 * amount is the sum of the outputs tied to R; outputs in the sender's own cluster count only
 * when R posted that exact address. CoinJoin-like transactions are skipped (which input paid
 * which output is unknowable). Each payment carries its chain of evidence as text.
 * O(inputs + outputs) over all transactions, plus the evidence of the hits.
 */
final class PaymentFinder {
  private final ChainStore store;
  private final WalletClusters clusters;
  private final ForumAddresses forum;

  PaymentFinder(ChainStore store, WalletClusters clusters, ForumAddresses forum) {
    this.store = store;
    this.clusters = clusters;
    this.forum = forum;
  }

  List<Payment> find() {
    List<Payment> payments = new ArrayList<>();
    if (forum.byRoot.isEmpty()) return payments;
    for (int tx = 0; tx < store.txCount(); tx++) {
      if (clusters.isCoinJoin(tx) || !touchesTiedClusters(tx)) continue;
      Map<AccountKey, String> senders = new LinkedHashMap<>();
      Set<Integer> inputRoots = new HashSet<>();
      for (int in = store.firstInput(tx); in < store.endInput(tx); in++) {
        int out = store.spentOutput(in);
        if (out < 0 || store.outputAddress(out) < 0) continue;
        int a = store.outputAddress(out);
        inputRoots.add(clusters.root(a));
        tiesOf(a, "input", true).forEach(senders::putIfAbsent);
      }
      if (senders.isEmpty()) continue;
      Map<AccountKey, long[]> amounts = new LinkedHashMap<>();
      Map<AccountKey, StringJoiner> evidence = new LinkedHashMap<>();
      for (int o = store.firstOutput(tx); o < store.endOutput(tx); o++) {
        int b = store.outputAddress(o);
        if (b < 0) continue;
        boolean own = inputRoots.contains(clusters.root(b));
        for (var e : tiesOf(b, "output", !own).entrySet()) {
          amounts.computeIfAbsent(e.getKey(), k -> new long[1])[0] += store.outputValue(o);
          evidence.computeIfAbsent(e.getKey(), k -> new StringJoiner(" + ")).add(e.getValue());
        }
      }
      for (var s : senders.entrySet()) {
        for (var r : amounts.entrySet()) {
          if (s.getKey().equals(r.getKey())) continue;
          String ev = s.getValue() + " -> " + evidence.get(r.getKey());
          payments.add(new Payment(s.getKey(), r.getKey(), store.txid(tx), Instant.ofEpochSecond(store.txTime(tx)),
              r.getValue()[0], ev));
        }
      }
    }
    return payments;
  }

  private boolean touchesTiedClusters(int tx) {
    boolean in = false;
    for (int i = store.firstInput(tx); i < store.endInput(tx) && !in; i++) {
      int out = store.spentOutput(i);
      in = out >= 0 && store.outputAddress(out) >= 0 && forum.byRoot.containsKey(clusters.root(store.outputAddress(out)));
    }
    if (!in) return false;
    for (int o = store.firstOutput(tx); o < store.endOutput(tx); o++) {
      int b = store.outputAddress(o);
      if (b >= 0 && forum.byRoot.containsKey(clusters.root(b))) return true;
    }
    return false;
  }

  /**
   * Accounts tied to address {@code a} with their evidence text: direct ties first, then (when
   * {@code viaCluster}) ties of other addresses in a's cluster with the merge chain.
   */
  private Map<AccountKey, String> tiesOf(int a, String side, boolean viaCluster) {
    Map<AccountKey, String> out = new LinkedHashMap<>();
    String addr = store.address(a);
    for (AddressTie t : forum.byId.getOrDefault(a, List.of())) {
      out.putIfAbsent(t.account(), side + " addr " + addr + " (" + t.describe() + ")");
    }
    if (!viaCluster) return out;
    for (int z : forum.byRoot.getOrDefault(clusters.root(a), List.of())) {
      if (z == a) continue;
      for (AddressTie t : forum.byId.get(z)) {
        if (out.containsKey(t.account())) continue;
        List<ClusterMerge> path = clusters.mergePath(a, z);
        StringJoiner merges = new StringJoiner(", ");
        if (path != null) path.forEach(m -> merges.add(m.txid()));
        out.put(t.account(), side + " addr " + addr + " (in cluster " + clusters.label(a) + " with addr "
            + t.address() + " " + t.describe() + "; via cluster " + clusters.label(a) + " merged by tx "
            + (path == null ? "(cluster too large to walk)" : merges) + ")");
      }
    }
    return out;
  }
}
