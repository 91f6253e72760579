package org.webwatch.generate.internal;

import java.util.SplittableRandom;

/** Random, checksum-valid identifiers and their near-miss (one character off) versions. */
public final class Identifiers {
  private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  private Identifiers() {}

  /** kind 0 P2PKH, 1 P2SH, 2 bech32 v0 (20- or 32-byte program), 3 bech32m v1 taproot. */
  public static String btc(SplittableRandom r, int kind) {
    return switch (kind) {
      case 0 -> AddressCodec.p2pkh(Population.bytes(r, 20));
      case 1 -> AddressCodec.p2sh(Population.bytes(r, 20));
      case 2 -> AddressCodec.segwit("bc", 0, Population.bytes(r, r.nextInt(5) == 0 ? 32 : 20));
      default -> AddressCodec.segwit("bc", 1, Population.bytes(r, 32));
    };
  }

  public static String eth(SplittableRandom r) {
    return AddressCodec.eip55(Population.bytes(r, 20));
  }

  public static String xmr(SplittableRandom r) {
    return AddressCodec.monero(Population.edPublic(r), Population.edPublic(r));
  }

  public static String onion(SplittableRandom r) {
    return AddressCodec.onionV3(Population.edPublic(r));
  }

  public static String session(SplittableRandom r) {
    return AddressCodec.sessionId(Population.bytes(r, 32));
  }

  /** Same identifier with one character replaced by another of its alphabet (checksum breaks). */
  public static String nearMiss(String type, String value, SplittableRandom r) {
    String alphabet = switch (type) {
      case "btc" -> value.startsWith("bc1") ? BECH : B58;
      case "xmr" -> B58;
      case "onion" -> "abcdefghijklmnopqrstuvwxyz234567";
      default -> "0123456789abcdef";
    };
    if (type.equals("eth")) {
      // Flip the case of one letter: EIP-55 then fails (a mixed-case address must match exactly).
      for (int tries = 0; tries < 100; tries++) {
        int i = 2 + r.nextInt(40);
        char c = value.charAt(i);
        if (Character.isLetter(c)) {
          char d = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
          return value.substring(0, i) + d + value.substring(i + 1);
        }
      }
    }
    int from = type.equals("btc") && value.startsWith("bc1") ? 4 : 2;
    int to = type.equals("onion") ? 50 : value.length() - 1;
    int i = from + r.nextInt(Math.max(1, to - from));
    char c = value.charAt(i);
    char d;
    do d = alphabet.charAt(r.nextInt(alphabet.length())); while (d == c);
    return value.substring(0, i) + d + value.substring(i + 1);
  }

  /** A user-name variant of the same base: affixes, digits, leetspeak, case or separator changes. */
  public static String usernameVariant(String base, SplittableRandom r) {
    return switch (r.nextInt(7)) {
      case 0 -> base + (10 + r.nextInt(90));
      case 1 -> base.replace("_", "") + (r.nextBoolean() ? "99" : "_" + r.nextInt(10));
      case 2 -> base.replace('o', '0').replace('e', '3').replace('a', '4');
      case 3 -> "x" + base + "x";
      case 4 -> "the_" + base;
      case 5 -> Character.toUpperCase(base.charAt(0)) + base.substring(1).replace("_", ".");
      default -> base.replace("_", "-") + "_" + (char) ('a' + r.nextInt(26));
    };
  }
}
