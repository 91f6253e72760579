package org.webwatch.payments;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.webwatch.payments.chain.ChainFormatException;
import org.webwatch.payments.internal.KeyDictionary;

/**
 * Persists a {@link ChainStore} as one binary file (big-endian): magic {@code WWCHAIN1}, seven
 * counts (blocks, txs, outputs, inputs, addresses, key bytes, unresolved inputs), then the
 * columns in a fixed order. Written to a temporary file and moved into place atomically, so a
 * crash never damages the previous file. On load the counts are checked against the file size
 * before any array is allocated; the txid index is rebuilt. Clusters are not stored: rebuild
 * them with {@link WalletClusters#update()} (seconds for 10M addresses).
 */
public final class ChainStoreFile {
  static final long MAGIC = 0x5757434841494e31L; // "WWCHAIN1"
  private static final int HEADER_BYTES = 8 + 6 * 4 + 8;

  private ChainStoreFile() {}

  public static void save(ChainStore s, Path file) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
      out.writeLong(MAGIC);
      int a = s.addressCount();
      for (int v : new int[] {s.blocks, s.txCount, s.outCount, s.inCount, a, s.addresses.arenaBytes()}) out.writeInt(v);
      out.writeLong(s.unresolvedInputs);
      out.write(s.txids, 0, s.txCount * 32);
      ints(out, s.txTime, s.txCount);
      ints(out, s.txFirstOut, s.txCount + 1);
      ints(out, s.txFirstIn, s.txCount + 1);
      ints(out, s.outAddr, s.outCount);
      longs(out, s.outValue, s.outCount);
      ints(out, s.outSpentBy, s.outCount);
      ints(out, s.inOut, s.inCount);
      s.addresses.writeTo(out);
      longs(out, s.received, a);
      longs(out, s.sent, a);
      ints(out, s.firstSeen, a);
      ints(out, s.lastSeen, a);
      ints(out, s.firstOutput, a);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + tmp + ": " + e.getMessage(), e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("replacing " + file + ": " + e.getMessage(), e);
    }
  }

  /** Loads a saved store; a wrong magic, inconsistent counts or truncation is a located error. */
  public static ChainStore load(Path file) {
    String src = file.toString();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      long size = Files.size(file);
      if (size < HEADER_BYTES || in.readLong() != MAGIC) throw new ChainFormatException(src, 0, "not a Webwatch chain store");
      int blocks = in.readInt();
      int txs = in.readInt();
      int outs = in.readInt();
      int ins = in.readInt();
      int addrs = in.readInt();
      int keyBytes = in.readInt();
      long unresolved = in.readLong();
      long expected = HEADER_BYTES + 32L * txs + 4L * txs + 8L * (txs + 1) + 16L * outs + 4L * ins + keyBytes
          + 4L * (addrs + 1) + 28L * addrs;
      if (Math.min(Math.min(blocks, txs), Math.min(Math.min(outs, ins), Math.min(addrs, keyBytes))) < 0
          || expected != size) {
        throw new ChainFormatException(src, 8, "counts imply " + expected + " bytes, file has " + size);
      }
      ChainStore s = new ChainStore();
      s.blocks = blocks;
      s.txCount = txs;
      s.outCount = outs;
      s.inCount = ins;
      s.unresolvedInputs = unresolved;
      s.txids = new byte[Math.max(32 * txs, 32)];
      in.readFully(s.txids, 0, 32 * txs);
      s.txTime = ints(in, txs, txs + 1);
      s.txFirstOut = ints(in, txs + 1, txs + 2);
      s.txFirstIn = ints(in, txs + 1, txs + 2);
      s.outAddr = ints(in, outs, outs + 1);
      s.outValue = longs(in, outs, outs + 1);
      s.outSpentBy = ints(in, outs, outs + 1);
      s.inOut = ints(in, ins, ins + 1);
      byte[] keys = new byte[keyBytes];
      in.readFully(keys);
      try {
        s.addresses = KeyDictionary.of(keys, ints(in, addrs + 1, addrs + 1), addrs);
      } catch (IllegalArgumentException e) {
        throw new ChainFormatException(src, HEADER_BYTES, "address keys: " + e.getMessage());
      }
      s.received = longs(in, addrs, addrs + 1);
      s.sent = longs(in, addrs, addrs + 1);
      s.firstSeen = ints(in, addrs, addrs + 1);
      s.lastSeen = ints(in, addrs, addrs + 1);
      s.firstOutput = ints(in, addrs, addrs + 1);
      if (s.txFirstOut[txs] != outs || s.txFirstIn[txs] != ins) {
        throw new ChainFormatException(src, HEADER_BYTES, "transaction offsets do not match the output/input counts");
      }
      for (int t = 0; t < txs; t++) s.txIndex.put(Arrays.copyOfRange(s.txids, t * 32, t * 32 + 32), t, s.txids);
      return s;
    } catch (EOFException e) {
      throw new ChainFormatException(src, -1, "truncated chain store");
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + src + ": " + e.getMessage(), e);
    }
  }

  private static void ints(DataOutputStream out, int[] a, int n) throws IOException {
    for (int i = 0; i < n; i++) out.writeInt(a[i]);
  }

  private static void longs(DataOutputStream out, long[] a, int n) throws IOException {
    for (int i = 0; i < n; i++) out.writeLong(a[i]);
  }

  private static int[] ints(DataInputStream in, int n, int capacity) throws IOException {
    int[] a = new int[Math.max(capacity, 1)];
    for (int i = 0; i < n; i++) a[i] = in.readInt();
    return a;
  }

  private static long[] longs(DataInputStream in, int n, int capacity) throws IOException {
    long[] a = new long[Math.max(capacity, 1)];
    for (int i = 0; i < n; i++) a[i] = in.readLong();
    return a;
  }
}
