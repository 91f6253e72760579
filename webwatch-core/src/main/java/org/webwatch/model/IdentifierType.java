package org.webwatch.model;

/** Identifier types; {@link #code()} is the {@code type} column of {@code identifiers.csv}. */
public enum IdentifierType {
  BTC("btc"),
  ETH("eth"),
  XMR("xmr"),
  EMAIL("email"),
  PGP_FINGERPRINT("pgp-fingerprint"),
  ONION("onion"),
  TELEGRAM("telegram"),
  SESSION("session"),
  WICKR("wickr"),
  THREEMA("threema"),
  URL("url");

  private final String code;

  IdentifierType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static IdentifierType fromCode(String code) {
    for (IdentifierType t : values()) if (t.code.equals(code)) return t;
    throw new IllegalArgumentException("unknown identifier type: " + code);
  }
}
