package org.webwatch.payments.chain;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one serialised block (header, CompactSize tx count, legacy or BIP-144 segwit
 * transactions) held in a byte array, computing block hash, txids, wtxids, the merkle root
 * check and, where the coinbase commits to one, the BIP-141 witness commitment check.
 * Every count read from the data is checked against the bytes remaining before anything is
 * allocated from it. Source: the serialisation described in the Bitcoin developer reference
 * and BIP-141/144 (own code). O(block size) time; allocation proportional to the block.
 * Not thread-safe (one instance per thread; it is cheap).
 */
public final class BlockParser {
  /** Largest serialised block accepted (consensus: weight ≤ 4M ⇒ size ≤ 4,000,000 bytes). */
  public static final int MAX_BLOCK_BYTES = 4_000_000;
  public static final int HEADER_BYTES = 80;
  /** Smallest possible input (32 txid + 4 vout + 1 script len + 4 sequence). */
  private static final int MIN_INPUT_BYTES = 41;
  /** Smallest possible output (8 value + 1 script len). */
  private static final int MIN_OUTPUT_BYTES = 9;
  /** Smallest possible transaction (version, 1 input, 1 output, locktime, counts). */
  private static final int MIN_TX_BYTES = 60;
  private static final byte[] COMMITMENT_PREFIX = {0x6a, 0x24, (byte) 0xaa, 0x21, (byte) 0xa9, (byte) 0xed};

  private byte[] buf;
  private int pos;
  private int end;
  private int base;
  private long fileBase;
  private String source;
  /** Witness reserved value of the current block's coinbase (BIP-141), when present. */
  private byte[] coinbaseReserved;

  /** Parses the {@code len} bytes of {@code data} from {@code off} as exactly one block. */
  public ChainBlock parse(byte[] data, int off, int len, String source, long fileOffset) {
    this.buf = data;
    this.pos = off;
    this.end = off + len;
    this.base = off;
    this.fileBase = fileOffset;
    this.source = source;
    if (len > MAX_BLOCK_BYTES) throw error("block of " + len + " bytes exceeds " + MAX_BLOCK_BYTES);
    need(HEADER_BYTES, "block header");
    byte[] hash = Hashes.sha256d(buf, off, HEADER_BYTES);
    int version = int32();
    byte[] prev = bytes(32);
    byte[] merkle = bytes(32);
    long time = uint32();
    long bits = uint32();
    long nonce = uint32();
    long count = varint("tx count");
    if (count < 1) throw error("block without transactions");
    if (count > (end - pos) / MIN_TX_BYTES) {
      throw error("tx count " + count + " larger than the " + (end - pos) + " bytes left allow");
    }
    List<ChainTx> txs = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) txs.add(tx(i));
    if (pos != end) throw error((end - pos) + " bytes after the last transaction");
    byte[][] txids = new byte[txs.size()][];
    for (int i = 0; i < txids.length; i++) txids[i] = txs.get(i).txid();
    boolean merkleOk = Arrays.equals(merkleRoot(txids), merkle);
    byte[] witnessRoot = null;
    WitnessCheck wc = WitnessCheck.ABSENT;
    byte[] commitment = commitment(txs.get(0));
    if (commitment != null) {
      byte[][] wtxids = new byte[txs.size()][];
      wtxids[0] = new byte[32];
      for (int i = 1; i < wtxids.length; i++) wtxids[i] = txs.get(i).wtxid();
      witnessRoot = merkleRoot(wtxids);
      byte[] reserved = coinbaseReserved != null ? coinbaseReserved : new byte[32];
      wc = Arrays.equals(Hashes.sha256d(witnessRoot, reserved), commitment) ? WitnessCheck.OK : WitnessCheck.MISMATCH;
    }
    return new ChainBlock(source, fileOffset, len, hash, version, prev, merkle, time, bits, nonce, txs,
        merkleOk, witnessRoot, wc);
  }

  /** Merkle root of hashes (internal byte order); an odd level duplicates its last node. */
  public static byte[] merkleRoot(byte[][] leaves) {
    byte[][] level = leaves.clone();
    int n = level.length;
    while (n > 1) {
      int m = 0;
      for (int i = 0; i < n; i += 2) {
        byte[] right = i + 1 < n ? level[i + 1] : level[i];
        level[m++] = Hashes.sha256d(level[i], right);
      }
      n = m;
    }
    return level[0];
  }

  /** Last coinbase output whose script starts with the BIP-141 commitment header. */
  private static byte[] commitment(ChainTx coinbase) {
    byte[] found = null;
    for (TxOutput o : coinbase.outputs()) {
      byte[] s = o.script().script();
      if (s.length >= 38 && Arrays.equals(s, 0, 6, COMMITMENT_PREFIX, 0, 6)) found = Arrays.copyOfRange(s, 6, 38);
    }
    return found;
  }

  private ChainTx tx(int index) {
    int start = pos;
    int version = int32();
    boolean segwit = false;
    if (end - pos >= 2 && buf[pos] == 0 && buf[pos + 1] == 1) {
      segwit = true;
      pos += 2;
    }
    int bodyStart = pos;
    long nIn = varint("input count");
    if (nIn > (end - pos) / MIN_INPUT_BYTES) throw error("input count " + nIn + " larger than the bytes left allow");
    List<TxInput> inputs = new ArrayList<>((int) nIn);
    for (long i = 0; i < nIn; i++) {
      byte[] prev = bytes(32);
      int vout = (int) uint32();
      skip(varint("scriptSig length"), "scriptSig");
      skip(4, "sequence");
      inputs.add(new TxInput(prev, vout));
    }
    long nOut = varint("output count");
    if (nOut > (end - pos) / MIN_OUTPUT_BYTES) throw error("output count " + nOut + " larger than the bytes left allow");
    List<TxOutput> outputs = new ArrayList<>((int) nOut);
    for (long i = 0; i < nOut; i++) {
      long value = int64();
      long sl = varint("scriptPubKey length");
      need(sl, "scriptPubKey");
      OutputScript script = ScriptClassifier.classify(buf, pos, (int) sl);
      pos += (int) sl;
      outputs.add(new TxOutput(value, script));
    }
    int bodyEnd = pos;
    if (index == 0) coinbaseReserved = null;
    if (segwit) {
      for (long i = 0; i < nIn; i++) {
        long items = varint("witness item count");
        if (items > end - pos) throw error("witness item count " + items + " larger than the bytes left");
        for (long k = 0; k < items; k++) {
          long il = varint("witness item length");
          need(il, "witness item");
          if (index == 0 && i == 0 && k == 0 && il == 32) coinbaseReserved = Arrays.copyOfRange(buf, pos, pos + 32);
          pos += (int) il;
        }
      }
    }
    long lockTime = uint32();
    byte[] wtxid = Hashes.sha256d(buf, start, pos - start);
    byte[] txid;
    if (segwit) {
      MessageDigest md = Hashes.sha256();
      md.update(buf, start, 4);
      md.update(buf, bodyStart, bodyEnd - bodyStart);
      md.update(buf, pos - 4, 4);
      txid = md.digest(md.digest());
    } else {
      txid = wtxid;
    }
    return new ChainTx(version, txid, wtxid, segwit, inputs, outputs, lockTime);
  }

  private ChainFormatException error(String what) {
    return new ChainFormatException(source, fileBase + (pos - base), what);
  }

  private void need(long n, String what) {
    if (n < 0 || n > end - pos) throw error("truncated " + what + ": need " + n + " bytes, " + (end - pos) + " left");
  }

  private void skip(long n, String what) {
    need(n, what);
    pos += (int) n;
  }

  private byte[] bytes(int n) {
    need(n, "field");
    byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return b;
  }

  private int int32() {
    need(4, "int32");
    int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  private long uint32() {
    return int32() & 0xffffffffL;
  }

  private long int64() {
    return uint32() | (uint32() << 32);
  }

  private long varint(String what) {
    need(1, what);
    int first = buf[pos++] & 0xff;
    if (first < 0xfd) return first;
    if (first == 0xfd) {
      need(2, what);
      int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8;
      pos += 2;
      return v;
    }
    if (first == 0xfe) return uint32();
    long v = int64();
    if (v < 0) throw error(what + " " + Long.toUnsignedString(v) + " is absurd");
    return v;
  }
}
