package org.webwatch.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.model.Payment;
import org.webwatch.payments.chain.ChainFormatException;

class ChainStoreFileTest {
  static final Path BLOCKS = PaymentTracerTest.BLOCKS;
  @TempDir Path tmp;

  @Test
  void savedStoreLoadsIdenticallyAndKeepsIngestingIncrementally() {
    ChainStore s = new ChainStore();
    s.ingest(BLOCKS.resolve("first-100k-blocks.dat"));
    Path f = tmp.resolve("chain.store");
    ChainStoreFile.save(s, f);
    ChainStore l = ChainStoreFile.load(f);
    assertThat(l.txCount()).isEqualTo(s.txCount());
    assertThat(l.addressCount()).isEqualTo(s.addressCount());
    assertThat(l.blockCount()).isEqualTo(439);
    int tx = l.txOf(PaymentTracerTest.TX170);
    assertThat(tx).isEqualTo(s.txOf(PaymentTracerTest.TX170));
    assertThat(l.spentOutput(l.firstInput(tx))).isEqualTo(s.spentOutput(s.firstInput(tx)));
    int hal = l.addressId(PaymentTracerTest.HAL);
    assertThat(hal).isEqualTo(s.addressId(PaymentTracerTest.HAL));
    assertThat(l.receivedSat(hal)).isEqualTo(s.receivedSat(hal));
    assertThat(l.firstSeen(hal)).isEqualTo(s.firstSeen(hal));
    // The loaded store gives the same analysis as the fresh one.
    List<Payment> p = new PaymentTracer().analyze(l, new WalletClusters(l), List.of(),
        List.of(PaymentTracerTest.posted("s1", "17", "901", PaymentTracerTest.SATOSHI),
            PaymentTracerTest.posted("s2", "4", "77", PaymentTracerTest.HAL))).payments();
    assertThat(p).extracting(Payment::txid).containsExactly(PaymentTracerTest.TX170);
  }

  @Test
  void incrementalIngestAfterLoad() {
    ChainStore s = new ChainStore();
    s.ingest(BLOCKS.resolve("block0.hex"));
    Path f = tmp.resolve("chain.store");
    ChainStoreFile.save(s, f);
    ChainStore l = ChainStoreFile.load(f);
    l.ingest(BLOCKS.resolve("block1.hex"));
    l.ingest(BLOCKS.resolve("block170.hex"));
    assertThat(l.blockCount()).isEqualTo(3);
    assertThat(l.txCount()).isEqualTo(4);
    assertThat(l.receivedSat(l.addressId(PaymentTracerTest.HAL))).isEqualTo(10_00000000L);
    // keys of the genesis, block-1 and block-170 coinbases, Hal, the sender's change key
    assertThat(l.addressCount()).isEqualTo(5);
    ChainStore fresh = new ChainStore();
    for (String n : List.of("block0.hex", "block1.hex", "block170.hex")) fresh.ingest(BLOCKS.resolve(n));
    for (int a = 0; a < 5; a++) {
      assertThat(l.address(a)).isEqualTo(fresh.address(a));
      assertThat(l.receivedSat(a)).isEqualTo(fresh.receivedSat(a));
    }
  }

  @Test
  void corruptOrTruncatedFilesAreLocatedErrors() throws Exception {
    ChainStore s = new ChainStore();
    s.ingest(BLOCKS.resolve("block170.hex"));
    Path f = tmp.resolve("chain.store");
    ChainStoreFile.save(s, f);
    byte[] b = Files.readAllBytes(f);
    Path cut = tmp.resolve("cut.store");
    Files.write(cut, Arrays.copyOf(b, b.length - 3));
    assertThatThrownBy(() -> ChainStoreFile.load(cut)).isInstanceOf(ChainFormatException.class)
        .hasMessageContaining("cut.store").hasMessageContaining("counts imply");
    byte[] huge = b.clone();
    huge[12] = 0x7f; // tx count becomes enormous: rejected before allocating
    Path h = tmp.resolve("huge.store");
    Files.write(h, huge);
    assertThatThrownBy(() -> ChainStoreFile.load(h)).isInstanceOf(ChainFormatException.class);
    Path other = tmp.resolve("other.store");
    Files.writeString(other, "hello, this is not a store at all, but long enough to have a header");
    assertThatThrownBy(() -> ChainStoreFile.load(other)).isInstanceOf(ChainFormatException.class)
        .hasMessageContaining("not a Webwatch chain store");
    assertThat(Files.exists(tmp.resolve("chain.store.tmp"))).isFalse();
  }
}
