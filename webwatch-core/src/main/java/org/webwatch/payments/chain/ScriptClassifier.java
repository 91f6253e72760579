package org.webwatch.payments.chain;

import java.util.Arrays;

/**
 * Classifies an output script by exact template match (Bitcoin Core {@code solver.cpp}
 * templates, own code): P2PK, P2PKH, P2SH, segwit v0 (P2WPKH/P2WSH), v1 32-byte (P2TR),
 * other witness programs, bare multisig, OP_RETURN; anything else is nonstandard.
 * O(script length); never throws on any bytes.
 */
public final class ScriptClassifier {
  private static final int OP_0 = 0x00;
  private static final int OP_1 = 0x51;
  private static final int OP_16 = 0x60;
  private static final int OP_RETURN = 0x6a;
  private static final int OP_DUP = 0x76;
  private static final int OP_EQUAL = 0x87;
  private static final int OP_EQUALVERIFY = 0x88;
  private static final int OP_HASH160 = 0xa9;
  private static final int OP_CHECKSIG = 0xac;
  private static final int OP_CHECKMULTISIG = 0xae;

  private ScriptClassifier() {}

  public static OutputScript classify(byte[] s) {
    return classify(s, 0, s.length);
  }

  /** Classifies {@code len} bytes of {@code buf} from {@code off}. */
  public static OutputScript classify(byte[] buf, int off, int len) {
    int b0 = len > 0 ? buf[off] & 0xff : -1;
    int last = len > 0 ? buf[off + len - 1] & 0xff : -1;
    if (len == 25 && b0 == OP_DUP && (buf[off + 1] & 0xff) == OP_HASH160 && buf[off + 2] == 20
        && (buf[off + 23] & 0xff) == OP_EQUALVERIFY && last == OP_CHECKSIG) {
      return OutputScript.of(ScriptType.P2PKH, -1, Arrays.copyOfRange(buf, off + 3, off + 23));
    }
    if (len == 23 && b0 == OP_HASH160 && buf[off + 1] == 20 && last == OP_EQUAL) {
      return OutputScript.of(ScriptType.P2SH, -1, Arrays.copyOfRange(buf, off + 2, off + 22));
    }
    if ((len == 35 && b0 == 33 || len == 67 && b0 == 65) && last == OP_CHECKSIG) {
      int k = buf[off + 1] & 0xff;
      boolean valid = b0 == 33 ? (k == 2 || k == 3) : (k == 4 || k == 6 || k == 7);
      if (valid) return OutputScript.of(ScriptType.P2PK, -1, Arrays.copyOfRange(buf, off + 1, off + len - 1));
    }
    if (len >= 4 && len <= 42 && (b0 == OP_0 || (b0 >= OP_1 && b0 <= OP_16))
        && (buf[off + 1] & 0xff) == len - 2) {
      int version = b0 == OP_0 ? 0 : b0 - OP_1 + 1;
      byte[] program = Arrays.copyOfRange(buf, off + 2, off + len);
      if (version == 0 && program.length == 20) return OutputScript.of(ScriptType.P2WPKH, 0, program);
      if (version == 0 && program.length == 32) return OutputScript.of(ScriptType.P2WSH, 0, program);
      if (version == 1 && program.length == 32) return OutputScript.of(ScriptType.P2TR, 1, program);
      if (version != 0) return OutputScript.of(ScriptType.WITNESS_UNKNOWN, version, program);
    }
    byte[] copy = Arrays.copyOfRange(buf, off, off + len);
    if (b0 == OP_RETURN) return OutputScript.unaddressed(ScriptType.OP_RETURN, copy);
    if (last == OP_CHECKMULTISIG && isMultisig(buf, off, len)) {
      return OutputScript.unaddressed(ScriptType.MULTISIG, copy);
    }
    return OutputScript.unaddressed(ScriptType.NONSTANDARD, copy);
  }

  /** OP_m (pubkey push)×n OP_n OP_CHECKMULTISIG with 1 ≤ m ≤ n ≤ 16. */
  private static boolean isMultisig(byte[] buf, int off, int len) {
    int m = (buf[off] & 0xff) - OP_1 + 1;
    int n = (buf[off + len - 2] & 0xff) - OP_1 + 1;
    if (m < 1 || n < m || n > 16) return false;
    int p = off + 1;
    int end = off + len - 2;
    int keys = 0;
    while (p < end) {
      int push = buf[p] & 0xff;
      if (push != 33 && push != 65) return false;
      p += 1 + push;
      keys++;
    }
    return p == end && keys == n;
  }
}
