package org.webwatch.payments.chain;

/** Input of a transaction: the spent outpoint (prev txid in internal byte order, vout). */
public record TxInput(byte[] prevTxid, int prevVout) {
  /** Vout of a coinbase input (0xFFFFFFFF). */
  public static final int COINBASE_VOUT = -1;

  public boolean isCoinbase() {
    if (prevVout != COINBASE_VOUT) return false;
    for (byte b : prevTxid) if (b != 0) return false;
    return true;
  }

  /** Display form of the spent txid. */
  public String prevTxidHex() {
    return Hex.reversed(prevTxid);
  }
}
