package org.webwatch.payments.chain;

import java.util.List;

/**
 * A parsed block with its checks. Hashes are in internal byte order; {@link #hashHex()} etc.
 * give the display form. {@code source} and {@code offset} locate the block's first header
 * byte in its file. {@code time} is the header's Unix time in seconds.
 */
public record ChainBlock(
    String source,
    long offset,
    int sizeBytes,
    byte[] hash,
    int version,
    byte[] prevHash,
    byte[] merkleRoot,
    long time,
    long bits,
    long nonce,
    List<ChainTx> txs,
    boolean merkleOk,
    byte[] witnessRoot,
    WitnessCheck witnessCheck) {
  public ChainBlock {
    txs = List.copyOf(txs);
  }

  public String hashHex() {
    return Hex.reversed(hash);
  }

  public String prevHashHex() {
    return Hex.reversed(prevHash);
  }

  public String merkleRootHex() {
    return Hex.reversed(merkleRoot);
  }

  /** Witness merkle root (display form) when the block has a commitment, else null. */
  public String witnessRootHex() {
    return witnessRoot == null ? null : Hex.reversed(witnessRoot);
  }
}
