package org.webwatch.payments.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The real fixtures contain no non-coinbase segwit spend (see the blocks README), so this
 * builds one by hand: a block whose second transaction spends a P2WPKH output with a witness
 * and pays P2WSH and P2TR outputs. The expected txid is computed from a separately written
 * legacy serialisation of the same transaction, not by the parser's own stripping.
 */
class SegwitSpendTest {
  private static final String WPKH = "0014751e76e8199196d454941c45d1b3a323f1433bd6";
  private static final String WSH = "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262";
  private static final String TR = "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

  private static void le(ByteArrayOutputStream o, long v, int bytes) {
    for (int i = 0; i < bytes; i++) o.write((int) (v >>> (8 * i)));
  }

  private static void out(ByteArrayOutputStream o, long sat, String script) {
    le(o, sat, 8);
    byte[] s = Hex.decode(script);
    o.write(s.length);
    o.writeBytes(s);
  }

  /** Inputs+outputs of the spending tx (shared by both serialisations). */
  private static byte[] body(byte[] prevTxid) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(1);
    o.writeBytes(prevTxid);
    le(o, 0, 4);
    o.write(0); // empty scriptSig: the signature is in the witness
    le(o, 0xfffffffdL, 4);
    o.write(2);
    out(o, 30_000, WSH);
    out(o, 19_000, TR);
    return o.toByteArray();
  }

  @Test
  void p2wpkhSpendWithWitnessParsesWithLegacyTxidAndDistinctWtxid() {
    ByteArrayOutputStream cb = new ByteArrayOutputStream();
    le(cb, 1, 4);
    cb.write(1);
    cb.writeBytes(new byte[32]);
    le(cb, 0xffffffffL, 4);
    cb.write(4);
    le(cb, 0x01020304, 4);
    le(cb, 0xffffffffL, 4);
    cb.write(1);
    out(cb, 50_000, WPKH);
    le(cb, 0, 4);
    byte[] coinbase = cb.toByteArray();
    byte[] cbTxid = Hashes.sha256d(coinbase);

    byte[] body = body(cbTxid);
    ByteArrayOutputStream legacy = new ByteArrayOutputStream();
    le(legacy, 2, 4);
    legacy.writeBytes(body);
    le(legacy, 0, 4);
    byte[] expectedTxid = Hashes.sha256d(legacy.toByteArray());

    ByteArrayOutputStream sw = new ByteArrayOutputStream();
    le(sw, 2, 4);
    sw.write(0);
    sw.write(1);
    sw.writeBytes(body);
    sw.write(2); // witness: signature, pubkey
    sw.write(71);
    sw.writeBytes(new byte[71]);
    sw.write(33);
    byte[] key = new byte[33];
    key[0] = 2;
    sw.writeBytes(key);
    le(sw, 0, 4);
    byte[] spend = sw.toByteArray();

    ByteArrayOutputStream block = new ByteArrayOutputStream();
    le(block, 0x20000000, 4);
    block.writeBytes(new byte[32]);
    block.writeBytes(BlockParser.merkleRoot(new byte[][] {cbTxid, expectedTxid}));
    le(block, 1_700_000_000L, 4);
    le(block, 0x1d00ffff, 4);
    le(block, 7, 4);
    block.write(2);
    block.writeBytes(coinbase);
    block.writeBytes(spend);
    byte[] b = block.toByteArray();

    ChainBlock parsed = new BlockParser().parse(b, 0, b.length, "synthetic", 0);
    assertThat(parsed.merkleOk()).isTrue();
    ChainTx tx = parsed.txs().get(1);
    assertThat(tx.segwit()).isTrue();
    assertThat(tx.txid()).isEqualTo(expectedTxid);
    assertThat(tx.wtxid()).isEqualTo(Hashes.sha256d(spend)).isNotEqualTo(expectedTxid);
    assertThat(tx.inputs().get(0).prevTxid()).isEqualTo(cbTxid);
    assertThat(parsed.txs().get(0).outputs().get(0).script().address()).isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    assertThat(tx.outputs()).extracting(o -> o.script().type()).containsExactly(ScriptType.P2WSH, ScriptType.P2TR);
    assertThat(tx.outputs().get(1).script().address())
        .isEqualTo("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0");
    assertThat(parsed.witnessCheck()).isEqualTo(WitnessCheck.ABSENT);
  }
}
