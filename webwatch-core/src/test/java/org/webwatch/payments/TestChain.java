package org.webwatch.payments;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.webwatch.payments.chain.ChainBlock;
import org.webwatch.payments.chain.ChainTx;
import org.webwatch.payments.chain.Hashes;
import org.webwatch.payments.chain.OutputScript;
import org.webwatch.payments.chain.ScriptClassifier;
import org.webwatch.payments.chain.TxInput;
import org.webwatch.payments.chain.TxOutput;
import org.webwatch.payments.chain.WitnessCheck;

/** Builds synthetic parsed blocks for analysis tests: addresses are P2WPKH of numbered keys. */
final class TestChain {
  private int counter;
  private long time = 1_600_000_000L;
  final ChainStore store = new ChainStore();

  static OutputScript p2wpkh(int n) {
    byte[] s = new byte[22];
    s[1] = 20;
    ByteBuffer.wrap(s, 2, 20).putInt(n).putInt(0x5eed);
    return ScriptClassifier.classify(s);
  }

  static String addr(int n) {
    return p2wpkh(n).address();
  }

  static TxOutput pay(int addr, long sat) {
    return new TxOutput(sat, p2wpkh(addr));
  }

  /** An input spending output {@code vout} of {@code tx}. */
  static TxInput spend(ChainTx tx, int vout) {
    return new TxInput(tx.txid(), vout);
  }

  ChainTx coinbase(TxOutput... outs) {
    return tx(List.of(new TxInput(new byte[32], TxInput.COINBASE_VOUT)), outs);
  }

  ChainTx tx(List<TxInput> ins, TxOutput... outs) {
    byte[] id = Hashes.sha256d(ByteBuffer.allocate(4).putInt(++counter).array());
    return new ChainTx(1, id, id, false, ins, List.of(outs), 0);
  }

  /** Adds a block of the given transactions (one minute after the previous one). */
  void block(ChainTx... txs) {
    time += 60;
    List<ChainTx> list = new ArrayList<>(List.of(txs));
    store.add(new ChainBlock("test", 0, 0, new byte[32], 1, new byte[32], new byte[32], time, 0, 0, list, true, null,
        WitnessCheck.ABSENT));
  }

  long time() {
    return time;
  }
}
