package org.webwatch.payments.chain;

import java.util.Arrays;

/**
 * A classified output script. {@code program} is the pubkey (P2PK), the 20-byte hash
 * (P2PKH, P2SH, P2WPKH) or the witness program (P2WSH, P2TR, other versions); {@code script}
 * is kept only for types without an address (for the annotation), else empty.
 */
public record OutputScript(ScriptType type, int witnessVersion, byte[] program, byte[] script) {
  private static final byte[] NONE = new byte[0];

  static OutputScript of(ScriptType type, int witnessVersion, byte[] program) {
    return new OutputScript(type, witnessVersion, program, NONE);
  }

  static OutputScript unaddressed(ScriptType type, byte[] script) {
    return new OutputScript(type, -1, NONE, script);
  }

  /**
   * Compact canonical key of the address (kind byte ‖ program): equal keys ⇔ equal address
   * strings. P2PK keys share the P2PKH key of HASH160(pubkey). Null when there is no address.
   */
  public byte[] addressKey() {
    switch (type) {
      case P2PK: {
        byte[] h = Hashes.hash160(program, 0, program.length);
        return prefixed(AddressKeys.KIND_P2PKH, h);
      }
      case P2PKH:
        return prefixed(AddressKeys.KIND_P2PKH, program);
      case P2SH:
        return prefixed(AddressKeys.KIND_P2SH, program);
      case P2WPKH:
      case P2WSH:
      case P2TR:
      case WITNESS_UNKNOWN:
        return prefixed((byte) (AddressKeys.KIND_SEGWIT_0 + witnessVersion), program);
      default:
        return null;
    }
  }

  /** The address as explorers show it, or null for scripts without one. */
  public String address() {
    byte[] key = addressKey();
    return key == null ? null : AddressKeys.toAddress(key);
  }

  /** Annotation of an output without an address: e.g. {@code op-return 6a0b…}. */
  public String annotation() {
    return type.hasAddress() ? type.code() : type.code() + " " + Hex.encode(script);
  }

  private static byte[] prefixed(byte kind, byte[] program) {
    byte[] k = new byte[program.length + 1];
    k[0] = kind;
    System.arraycopy(program, 0, k, 1, program.length);
    return k;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputScript s
        && s.type == type
        && s.witnessVersion == witnessVersion
        && Arrays.equals(s.program, program)
        && Arrays.equals(s.script, script);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(program);
  }

  @Override
  public String toString() {
    return type.hasAddress() ? type.code() + " " + address() : annotation();
  }
}
