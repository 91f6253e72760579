package org.webwatch.payments.chain;

/** Networks whose blk*.dat magic (message start bytes) is recognised. Only mainnet is read. */
public enum Network {
  MAINNET("mainnet", 0xf9beb4d9),
  TESTNET3("testnet3", 0x0b110907),
  TESTNET4("testnet4", 0x1c163f28),
  SIGNET("signet", 0x0a03cf40),
  REGTEST("regtest", 0xfabfb5da);

  private final String label;
  /** Magic as the big-endian int of the four bytes in file order. */
  private final int magic;

  Network(String label, int magic) {
    this.label = label;
    this.magic = magic;
  }

  public String label() {
    return label;
  }

  public int magic() {
    return magic;
  }

  /** Network whose magic equals the four bytes (read big-endian), or null. */
  public static Network ofMagic(int fourBytes) {
    for (Network n : values()) if (n.magic == fourBytes) return n;
    return null;
  }
}
