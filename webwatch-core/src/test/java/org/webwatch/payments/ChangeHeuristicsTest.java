package org.webwatch.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webwatch.payments.TestChain.pay;
import static org.webwatch.payments.TestChain.spend;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.webwatch.payments.chain.ChainTx;
import org.webwatch.payments.chain.ScriptClassifier;
import org.webwatch.payments.chain.Hex;
import org.webwatch.payments.chain.TxOutput;

class ChangeHeuristicsTest {
  @Test
  void roundAmountOneTimeChangeAndAddressTypeHints() {
    TestChain c = new TestChain();
    ChainTx cb = c.coinbase(pay(1, 1_000_000), pay(2, 7)); // address 2 is seen before the payment
    c.block(cb);
    TxOutput p2pkhOut = new TxOutput(500_000, ScriptClassifier.classify(
        Hex.decode("76a914a31c06bd463e3923bc1aadbde48b16976c08071788ac")));
    ChainTx t = c.tx(List.of(spend(cb, 0)), p2pkhOut, pay(9, 498_765));
    c.block(t);
    List<ChangeHint> hints = new ChangeHeuristics(c.store).hints(c.store.txOf(t.txidHex()));
    assertThat(hints).extracting(ChangeHint::heuristic).containsExactlyInAnyOrder("address-type", "round-amount");
    assertThat(hints).allMatch(h -> h.vout() == 1 && h.address().equals(TestChain.addr(9)));
    // Both outputs are new addresses: no one-time-change hint.
    assertThat(hints).noneMatch(h -> h.heuristic().equals("one-time-change"));
  }

  @Test
  void oneTimeChangeAndSameAddress() {
    TestChain c = new TestChain();
    ChainTx cb = c.coinbase(pay(1, 1_000_000), pay(2, 5));
    c.block(cb);
    ChainTx t = c.tx(List.of(spend(cb, 0)), pay(2, 300_000), pay(7, 123_456), pay(1, 10));
    c.block(t);
    List<ChangeHint> hints = new ChangeHeuristics(c.store).hints(c.store.txOf(t.txidHex()));
    assertThat(hints).filteredOn(h -> h.heuristic().equals("one-time-change")).singleElement()
        .satisfies(h -> assertThat(h.vout()).isEqualTo(1));
    assertThat(hints).filteredOn(h -> h.heuristic().equals("same-address")).singleElement()
        .satisfies(h -> assertThat(h.vout()).isEqualTo(2));
    assertThat(new ChangeHeuristics(c.store).hints(c.store.txOf(cb.txidHex()))).isEmpty();
  }
}
