package org.webwatch.payments.chain;

import java.util.Arrays;

/**
 * Canonical binary address keys: one kind byte ({@link #KIND_P2PKH}, {@link #KIND_P2SH},
 * {@code KIND_SEGWIT_0 + version}) followed by the hash or witness program. Used as
 * dictionary keys so addresses are only rendered as text when shown.
 */
public final class AddressKeys {
  public static final byte KIND_P2PKH = 0;
  public static final byte KIND_P2SH = 1;
  public static final byte KIND_SEGWIT_0 = 2;

  private AddressKeys() {}

  /** Renders a key as a mainnet address string. */
  public static String toAddress(byte[] key) {
    byte[] program = Arrays.copyOfRange(key, 1, key.length);
    return switch (key[0]) {
      case KIND_P2PKH -> Base58Check.encode(Base58Check.P2PKH_VERSION, program);
      case KIND_P2SH -> Base58Check.encode(Base58Check.P2SH_VERSION, program);
      default -> Bech32.segwitAddress(Bech32.MAINNET_HRP, key[0] - KIND_SEGWIT_0, program);
    };
  }

  /**
   * Binary key of a mainnet address string (Base58Check P2PKH/P2SH or bc1 segwit), or null
   * when it is not a valid mainnet address. Inverse of {@link #toAddress}.
   */
  public static byte[] fromAddress(String address) {
    if (address == null || address.isEmpty()) return null;
    String a = address.strip();
    if (a.regionMatches(true, 0, "bc1", 0, 3)) {
      byte[] vp = Bech32.decodeSegwit(Bech32.MAINNET_HRP, a);
      if (vp == null) return null;
      vp[0] = (byte) (KIND_SEGWIT_0 + vp[0]);
      return vp;
    }
    byte[] d = Base58Check.decode(a);
    if (d == null || d.length != 21) return null;
    if (d[0] == Base58Check.P2PKH_VERSION) {
      d[0] = KIND_P2PKH;
      return d;
    }
    if (d[0] == Base58Check.P2SH_VERSION) {
      d[0] = KIND_P2SH;
      return d;
    }
    return null;
  }

  /** Type label of a key, e.g. {@code p2pkh}, {@code p2wsh}, {@code p2tr}. */
  public static String typeOf(byte[] key) {
    return switch (key[0]) {
      case KIND_P2PKH -> "p2pkh";
      case KIND_P2SH -> "p2sh";
      case KIND_SEGWIT_0 -> key.length == 21 ? "p2wpkh" : "p2wsh";
      case KIND_SEGWIT_0 + 1 -> key.length == 33 ? "p2tr" : "witness-unknown";
      default -> "witness-unknown";
    };
  }
}
