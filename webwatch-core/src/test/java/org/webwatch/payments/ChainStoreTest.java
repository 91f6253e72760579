package org.webwatch.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.webwatch.payments.chain.ReadSummary;

class ChainStoreTest {
  static final Path BLOCKS = PaymentTracerTest.BLOCKS;

  @Test
  void resolvesBlock170InputToBlock9CoinbaseOutput() {
    ChainStore s = new ChainStore();
    ReadSummary r = s.ingest(BLOCKS.resolve("first-100k-blocks.dat"));
    assertThat(r.blocks()).isEqualTo(439);
    assertThat(s.blockCount()).isEqualTo(439);
    assertThat(s.txCount()).isEqualTo((int) r.txs());
    assertThat(s.unresolvedInputs()).isZero();
    int tx = s.txOf(PaymentTracerTest.TX170);
    assertThat(tx).isPositive();
    int spent = s.spentOutput(s.firstInput(tx));
    int funding = s.txOfOutput(spent);
    assertThat(s.txid(funding)).isEqualTo("0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9");
    assertThat(s.address(s.outputAddress(spent))).isEqualTo(PaymentTracerTest.SATOSHI);
    assertThat(s.outputValue(spent)).isEqualTo(50_00000000L);
    assertThat(s.spendingTx(spent)).isEqualTo(tx);
    assertThat(s.addressType(s.outputAddress(spent))).isEqualTo("p2pkh");
    assertThat(s.endOutput(tx) - s.firstOutput(tx)).isEqualTo(2);
  }

  @Test
  void incrementalIngestResolvesAcrossFiles() {
    ChainStore s = new ChainStore();
    s.ingest(BLOCKS.resolve("block0.hex"));
    s.ingest(BLOCKS.resolve("block1.hex"));
    assertThat(s.blockCount()).isEqualTo(2);
    assertThat(s.txCount()).isEqualTo(2);
    s.ingest(BLOCKS.resolve("block170.hex"));
    assertThat(s.unresolvedInputs()).isEqualTo(1); // block 9 not read
    int hal = s.addressId(PaymentTracerTest.HAL);
    assertThat(s.receivedSat(hal)).isEqualTo(10_00000000L);
    assertThat(s.sentSat(hal)).isZero();
    assertThat(s.firstSeen(hal)).isEqualTo(s.lastSeen(hal)).isEqualTo(1231731025L);
    assertThat(s.addressId("not-an-address")).isEqualTo(-1);
    assertThat(s.txOf("zz")).isEqualTo(-1);
    assertThat(s.txOf("g".repeat(64))).isEqualTo(-1);
  }
}
