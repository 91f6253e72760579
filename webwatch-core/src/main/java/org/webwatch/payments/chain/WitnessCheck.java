package org.webwatch.payments.chain;

/** Outcome of checking a block's BIP-141 witness commitment. */
public enum WitnessCheck {
  /** No commitment output in the coinbase (pre-segwit block). */
  ABSENT,
  /** Commitment equals dSHA256(witness root ‖ reserved value). */
  OK,
  /** Commitment present but does not match: the block's witness data is inconsistent. */
  MISMATCH
}
