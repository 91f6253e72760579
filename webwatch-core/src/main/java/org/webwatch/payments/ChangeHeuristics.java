package org.webwatch.payments;

import java.util.ArrayList;
import java.util.List;

/**
 * Change-output hints per transaction, after Androulaki et al. 2013 and Meiklejohn et al. 2013
 * (one-time change), and the address-type and round-amount heuristics used by BlockSci and
 * GraphSense. These are annotations only: BlockSci's change merging produced a 139M-address
 * supercluster, so Webwatch never merges on them. O(inputs + outputs) per transaction.
 * <ul>
 *   <li>{@code same-address}: an output pays an address that is also spent by an input.
 *   <li>{@code one-time-change}: exactly one output address appears on chain for the first
 *       time in this transaction, and the transaction has ≥ 2 outputs.
 *   <li>{@code address-type}: all inputs share one address type and exactly one output has it.
 *   <li>{@code round-amount}: two outputs, one a multiple of {@value #ROUND_SAT} sat (the
 *       payment), the other not (the change).
 * </ul>
 */
public final class ChangeHeuristics {
  /** Round payment amounts are multiples of this (0.0001 BTC). */
  public static final long ROUND_SAT = 10_000L;

  private final ChainStore store;

  public ChangeHeuristics(ChainStore store) {
    if (store == null) throw new IllegalArgumentException("store is null");
    this.store = store;
  }

  /** Hints for transaction index {@code tx} (empty for coinbases and single-output txs). */
  public List<ChangeHint> hints(int tx) {
    List<ChangeHint> hints = new ArrayList<>();
    int o0 = store.firstOutput(tx);
    int o1 = store.endOutput(tx);
    if (o1 - o0 < 2) return hints;
    List<Integer> inputAddrs = new ArrayList<>();
    String inputType = null;
    boolean oneType = true;
    for (int in = store.firstInput(tx); in < store.endInput(tx); in++) {
      int out = store.spentOutput(in);
      if (out < 0 || store.outputAddress(out) < 0) continue;
      int a = store.outputAddress(out);
      inputAddrs.add(a);
      String t = store.addressType(a);
      if (inputType == null) inputType = t;
      else if (!inputType.equals(t)) oneType = false;
    }
    if (inputAddrs.isEmpty()) return hints;
    String txid = store.txid(tx);
    int fresh = -1;
    int freshCount = 0;
    int typed = -1;
    int typedCount = 0;
    for (int o = o0; o < o1; o++) {
      int a = store.outputAddress(o);
      if (a < 0) continue;
      if (inputAddrs.contains(a)) {
        hints.add(new ChangeHint(txid, o - o0, store.address(a), "same-address", "output pays an input address"));
      }
      if (store.firstOutputOf(a) == o) {
        fresh = o;
        freshCount++;
      }
      if (oneType && store.addressType(a).equals(inputType)) {
        typed = o;
        typedCount++;
      }
    }
    if (freshCount == 1) {
      hints.add(new ChangeHint(txid, fresh - o0, store.address(store.outputAddress(fresh)), "one-time-change",
          "only output address first seen in this transaction"));
    }
    if (typedCount == 1 && o1 - o0 >= 2) {
      hints.add(new ChangeHint(txid, typed - o0, store.address(store.outputAddress(typed)), "address-type",
          "only output of the inputs' type " + inputType));
    }
    if (o1 - o0 == 2) {
      boolean r0 = store.outputValue(o0) % ROUND_SAT == 0;
      boolean r1 = store.outputValue(o0 + 1) % ROUND_SAT == 0;
      if (r0 != r1) {
        int change = r0 ? o0 + 1 : o0;
        int a = store.outputAddress(change);
        if (a >= 0) {
          hints.add(new ChangeHint(txid, change - o0, store.address(a), "round-amount",
              "other output is a round " + store.outputValue(r0 ? o0 : o0 + 1) + " sat"));
        }
      }
    }
    return hints;
  }
}
