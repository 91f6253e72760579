package org.webwatch.payments.chain;

/**
 * Classes of output scripts. {@link #code()} is the annotation shown for an output:
 * standard types by name, everything without an address as {@code nonstandard} or
 * {@code op-return} (with the script hex alongside).
 */
public enum ScriptType {
  /** Pay-to-public-key; shown as the P2PKH address of the key, as explorers do. */
  P2PK("p2pk", true),
  P2PKH("p2pkh", true),
  P2SH("p2sh", true),
  P2WPKH("p2wpkh", true),
  P2WSH("p2wsh", true),
  P2TR("p2tr", true),
  /** Segwit version 1–16 program other than P2TR (future upgrade); has a bech32m address. */
  WITNESS_UNKNOWN("witness-unknown", true),
  /** Bare m-of-n multisig: no address; annotated nonstandard. */
  MULTISIG("nonstandard", false),
  OP_RETURN("op-return", false),
  NONSTANDARD("nonstandard", false);

  private final String code;
  private final boolean hasAddress;

  ScriptType(String code, boolean hasAddress) {
    this.code = code;
    this.hasAddress = hasAddress;
  }

  public String code() {
    return code;
  }

  public boolean hasAddress() {
    return hasAddress;
  }
}
