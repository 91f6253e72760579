package org.webwatch.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webwatch.payments.TestChain.addr;
import static org.webwatch.payments.TestChain.pay;
import static org.webwatch.payments.TestChain.spend;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.webwatch.payments.chain.ChainTx;

class WalletClustersTest {
  @Test
  void commonInputsMergeAndEachMergeRecordsItsTransaction() {
    TestChain c = new TestChain();
    ChainTx cb = c.coinbase(pay(1, 100), pay(2, 100), pay(3, 100), pay(4, 100));
    c.block(cb);
    ChainTx t12 = c.tx(List.of(spend(cb, 0), spend(cb, 1)), pay(10, 150), pay(2, 50)); // change reuses address 2
    ChainTx t23 = c.tx(List.of(spend(cb, 2), spend(t12, 1)), pay(11, 140));
    c.block(t12, t23);
    WalletClusters w = new WalletClusters(c.store);
    w.update();
    int a1 = c.store.addressId(addr(1));
    int a2 = c.store.addressId(addr(2));
    int a3 = c.store.addressId(addr(3));
    int a10 = c.store.addressId(addr(10));
    int a4 = c.store.addressId(addr(4));
    assertThat(w.root(a1)).isEqualTo(w.root(a2)).isEqualTo(w.root(a3));
    assertThat(w.root(a4)).isNotEqualTo(w.root(a1));
    assertThat(w.root(a10)).as("payee is never merged").isNotEqualTo(w.root(a1));
    assertThat(w.size(a1)).isEqualTo(3);
    assertThat(w.label(a3)).isEqualTo("c" + Math.min(a1, Math.min(a2, a3)));
    assertThat(w.mergeCount()).isEqualTo(2);
    List<ClusterMerge> path = w.mergePath(a1, a3);
    assertThat(path).extracting(ClusterMerge::txid).containsExactly(t12.txidHex(), t23.txidHex());
    assertThat(w.mergePath(a1, a4)).isNull();
    assertThat(w.mergePath(a2, a2)).isEmpty();
  }

  @Test
  void coinJoinIsDetectedAndNotMergedOn() {
    TestChain c = new TestChain();
    ChainTx cb = c.coinbase(pay(1, 100), pay(2, 100), pay(3, 100));
    c.block(cb);
    ChainTx join = c.tx(List.of(spend(cb, 0), spend(cb, 1), spend(cb, 2)), pay(21, 90), pay(22, 90), pay(23, 90),
        pay(24, 25));
    c.block(join);
    WalletClusters w = new WalletClusters(c.store);
    w.update();
    assertThat(w.isCoinJoin(c.store.txOf(join.txidHex()))).isTrue();
    assertThat(w.coinJoinCount()).isEqualTo(1);
    assertThat(w.mergeCount()).isZero();
    assertThat(w.size(c.store.addressId(addr(1)))).isEqualTo(1);
  }

  @Test
  void threeInputsWithoutEqualOutputsStillMergeAndUpdateIsIncremental() {
    TestChain c = new TestChain();
    ChainTx cb = c.coinbase(pay(1, 100), pay(2, 100), pay(3, 100));
    c.block(cb);
    WalletClusters w = new WalletClusters(c.store);
    w.update();
    assertThat(w.mergeCount()).isZero();
    ChainTx t = c.tx(List.of(spend(cb, 0), spend(cb, 1), spend(cb, 2)), pay(21, 90), pay(22, 80), pay(23, 70));
    c.block(t);
    w.update();
    assertThat(w.coinJoinCount()).isZero();
    assertThat(w.mergeCount()).isEqualTo(2);
    assertThat(w.size(c.store.addressId(addr(3)))).isEqualTo(3);
  }
}
