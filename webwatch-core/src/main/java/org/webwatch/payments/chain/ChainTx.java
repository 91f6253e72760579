package org.webwatch.payments.chain;

import java.util.List;

/**
 * A parsed transaction. {@code txid} is dSHA256 of the serialisation without witness data,
 * {@code wtxid} of the full serialisation (equal for legacy transactions); both in internal
 * byte order, shown reversed by {@link #txidHex()} / {@link #wtxidHex()}.
 */
public record ChainTx(
    int version, byte[] txid, byte[] wtxid, boolean segwit, List<TxInput> inputs, List<TxOutput> outputs, long lockTime) {
  public ChainTx {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public String txidHex() {
    return Hex.reversed(txid);
  }

  public String wtxidHex() {
    return Hex.reversed(wtxid);
  }

  public boolean isCoinbase() {
    return inputs.size() == 1 && inputs.get(0).isCoinbase();
  }
}
