package org.webwatch.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.webwatch.payments.TestChain.addr;
import static org.webwatch.payments.TestChain.pay;
import static org.webwatch.payments.TestChain.spend;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webwatch.payments.chain.ChainTx;
import org.webwatch.payments.chain.TxOutput;

class PaymentPathSearchTest {
  /** 1 → 2 → 3 → 4 in three transactions; 1 also pays hub 50, which pays 4 among many. */
  private static TestChain chain() {
    TestChain c = new TestChain();
    ChainTx cb = c.coinbase(pay(1, 1000));
    c.block(cb);
    ChainTx t1 = c.tx(List.of(spend(cb, 0)), pay(2, 600), pay(50, 300));
    ChainTx t2 = c.tx(List.of(spend(t1, 0)), pay(3, 500));
    ChainTx t3 = c.tx(List.of(spend(t2, 0)), pay(4, 400));
    List<TxOutput> many = new ArrayList<>();
    many.add(pay(4, 1));
    for (int i = 0; i < 20; i++) many.add(pay(100 + i, 10));
    ChainTx hub = c.tx(List.of(spend(t1, 1)), many.toArray(TxOutput[]::new));
    c.block(t1, t2, t3, hub);
    return c;
  }

  @Test
  void findsShortestPathWithTransactionOnEveryEdgeAndSkipsHubs() {
    TestChain c = chain();
    WalletClusters w = new WalletClusters(c.store);
    w.update();
    PaymentPathSearch s = new PaymentPathSearch(c.store, w);
    // Through the hub the path is 2 hops; with the hub capped it is the 3-hop chain.
    assertThat(s.find(addr(1), addr(4), 6, 1000).orElseThrow()).hasSize(2);
    List<PathHop> path = s.find(addr(1), addr(4), 6, 5).orElseThrow();
    assertThat(path).extracting(PathHop::toAddress).containsExactly(addr(2), addr(3), addr(4));
    assertThat(path).extracting(PathHop::amountSat).containsExactly(600L, 500L, 400L);
    assertThat(path.get(0).fromAddress()).isEqualTo(addr(1));
    assertThat(path.get(2).txid()).isEqualTo(c.store.txid(c.store.txCount() - 2));
    assertThat(path).allMatch(h -> h.time() == c.time());
    assertThat(s.find(addr(1), addr(4), 2, 5)).isEmpty();
    assertThat(s.find(addr(4), addr(1), 6, 1000)).isEmpty(); // direction matters
    assertThat(s.find(addr(1), "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", 6, 1000)).isEmpty();
    assertThatThrownBy(() -> s.find(addr(1), addr(4), 0, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
