package org.webwatch.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webwatch.payments.TestChain.addr;
import static org.webwatch.payments.TestChain.pay;
import static org.webwatch.payments.TestChain.spend;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IdentifierType;
import org.webwatch.model.Payment;
import org.webwatch.model.TextKind;
import org.webwatch.payments.chain.ChainTx;

class PaymentTracerTest {
  static final Path BLOCKS = Path.of(System.getProperty("webwatch.shared"), "testdata/crypto/blocks");
  static final String SATOSHI = "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S"; // P2PKH of block 9's coinbase key
  static final String HAL = "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3";
  static final String TX170 = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";

  static IdentifierOccurrence posted(String site, String account, String post, String address) {
    return new IdentifierOccurrence(site, TextKind.POST, post, account, IdentifierType.BTC, address, true, 0, address.length());
  }

  @Test
  void firstPersonToPersonPaymentAppearsBetweenTwoForumAccounts() throws Exception {
    PaymentAnalysis a = new PaymentTracer().analyze(List.of(BLOCKS.resolve("first-100k-blocks.dat")),
        List.of(posted("s1", "17", "901", SATOSHI), posted("s2", "4", "77", HAL)));
    assertThat(a.payments()).hasSize(1);
    Payment p = a.payments().get(0);
    assertThat(p.from()).isEqualTo(new AccountKey("s1", "17"));
    assertThat(p.to()).isEqualTo(new AccountKey("s2", "4"));
    assertThat(p.txid()).isEqualTo(TX170);
    assertThat(p.amountSat()).isEqualTo(1_000_000_000L);
    assertThat(p.time()).isEqualTo(Instant.parse("2009-01-12T03:30:25Z"));
    assertThat(p.evidence()).isEqualTo("input addr " + SATOSHI + " (posted by s1:17 in post 901) -> output addr " + HAL
        + " (posted by s2:4 in post 77)");
    // Change back to the sender's own key is hinted, never merged on.
    assertThat(a.changeHints()).filteredOn(h -> h.heuristic().equals("same-address")).singleElement()
        .satisfies(h -> {
          assertThat(h.txid()).isEqualTo(TX170);
          assertThat(h.vout()).isEqualTo(1);
          assertThat(h.address()).isEqualTo(SATOSHI);
        });
    assertThat(a.counters().blocks()).isEqualTo(439);
    assertThat(a.counters().errors()).isZero();
    assertThat(a.counters().forumAddressesOnChain()).isEqualTo(2);
    AccountPaymentSummary s1 = a.accountSummaries().get(new AccountKey("s1", "17"));
    assertThat(s1.sentSat()).isEqualTo(1_000_000_000L);
    assertThat(s1.paidTo()).containsExactly(new AccountKey("s2", "4"));
    assertThat(a.accountSummaries().get(new AccountKey("s2", "4")).receivedSat()).isEqualTo(1_000_000_000L);
    WalletRow hal = a.wallets().stream().filter(w -> w.address().equals(HAL)).findFirst().orElseThrow();
    assertThat(hal.receivedSat()).isEqualTo(1_000_000_000L);
    assertThat(hal.counterparties()).extracting(Counterparty::address).contains(SATOSHI);
    WalletRow satoshi = a.wallets().stream().filter(w -> w.address().equals(SATOSHI)).findFirst().orElseThrow();
    // Independent recount from the parsed blocks: every output paying the key's address.
    long[] recount = new long[1];
    new org.webwatch.payments.chain.BlockFileReader().read(BLOCKS.resolve("first-100k-blocks.dat"), b -> b.txs()
        .forEach(t -> t.outputs().forEach(o -> {
          if (SATOSHI.equals(o.script().address())) recount[0] += o.valueSat();
        })));
    assertThat(satoshi.receivedSat()).isEqualTo(recount[0]).isGreaterThanOrEqualTo(90_00000000L);
    assertThat(satoshi.sentSat()).isGreaterThanOrEqualTo(50_00000000L);
    assertThat(satoshi.firstSeen()).isBefore(p.time());
  }

  @Test
  void nothingWhenOnlyOneSideIsPostedOrTheSameAccountPostedBoth() throws Exception {
    List<Path> f = List.of(BLOCKS.resolve("first-100k-blocks.dat"));
    assertThat(new PaymentTracer().analyze(f, List.of(posted("s1", "17", "901", SATOSHI))).payments()).isEmpty();
    assertThat(new PaymentTracer().analyze(f, List.of(posted("s1", "17", "901", SATOSHI), posted("s1", "17", "902", HAL)))
        .payments()).isEmpty();
  }

  @Test
  void paymentThroughClusterCarriesTheMergeTransaction() {
    TestChain c = new TestChain();
    ChainTx cb = c.coinbase(pay(1, 500), pay(2, 500));
    c.block(cb);
    ChainTx merge = c.tx(List.of(spend(cb, 0), spend(cb, 1)), pay(3, 900), pay(2, 90));
    c.block(merge);
    ChainTx pays = c.tx(List.of(spend(merge, 1)), pay(9, 80)); // spends from addr 2; account posted addr 1
    c.block(pays);
    WalletClusters w = new WalletClusters(c.store);
    PaymentAnalysis a = new PaymentTracer().analyze(c.store, w, List.of(),
        List.of(posted("s1", "a", "p1", addr(1)), posted("s2", "b", "p2", addr(9)), posted("s3", "c", "p3", addr(3))));
    assertThat(a.payments()).extracting(Payment::txid).containsExactly(merge.txidHex(), pays.txidHex());
    Payment viaCluster = a.payments().get(1);
    assertThat(viaCluster.from()).isEqualTo(new AccountKey("s1", "a"));
    assertThat(viaCluster.to()).isEqualTo(new AccountKey("s2", "b"));
    assertThat(viaCluster.amountSat()).isEqualTo(80);
    assertThat(viaCluster.evidence())
        .startsWith("input addr " + addr(2) + " (in cluster c")
        .contains("with addr " + addr(1) + " posted by s1:a in post p1")
        .contains("merged by tx " + merge.txidHex())
        .endsWith("-> output addr " + addr(9) + " (posted by s2:b in post p2)");
    assertThat(a.payments().get(0).to()).isEqualTo(new AccountKey("s3", "c"));
    assertThat(a.payments().get(0).amountSat()).isEqualTo(900);
  }

  @Test
  void csvWritersQuoteAndListAccounts() throws Exception {
    PaymentAnalysis a = new PaymentTracer().analyze(List.of(BLOCKS.resolve("block170.hex")),
        List.of(posted("s1", "17", "901", SATOSHI), posted("s,2", "4", "77", HAL), posted("s3", "9", "5", HAL),
            posted("s4", "1", "2", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT")));
    // block170 alone: the spent block-9 coinbase is unknown, so no payment, but wallet rows exist.
    assertThat(a.payments()).isEmpty();
    assertThat(a.counters().unresolvedInputs()).isEqualTo(1);
    StringWriter w = new StringWriter();
    PaymentCsv.writeWallets(a.wallets(), w);
    String[] lines = w.toString().split("\n");
    assertThat(lines[0]).isEqualTo(PaymentCsv.WALLETS_HEADER);
    assertThat(lines).hasSize(4);
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(HAL + ",c").endsWith(",1000000000,0,2009-01-12T03:30:25Z,2009-01-12T03:30:25Z,\"s,2:4|s3:9\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("1BoatSLRHtKNngkdXEeobR76b53LETtpyT,,0,0,0,,,s4:1"));
    StringWriter pw = new StringWriter();
    PaymentCsv.writePayments(List.of(new Payment(new AccountKey("s1", "1"), new AccountKey("s2", "2"), "ab",
        Instant.EPOCH, 5, "say \"hi\", ok")), pw);
    assertThat(pw.toString()).isEqualTo(PaymentCsv.PAYMENTS_HEADER + "\ns1,1,s2,2,ab,1970-01-01T00:00:00Z,5,\"say \"\"hi\"\", ok\"\n");
  }
}
