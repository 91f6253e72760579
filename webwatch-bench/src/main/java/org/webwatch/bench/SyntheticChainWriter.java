package org.webwatch.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.webwatch.payments.chain.BlockParser;
import org.webwatch.payments.chain.Hashes;

/**
 * Writes a synthetic but well-formed mainnet chain in Bitcoin Core's blk*.dat format (magic,
 * size, block; valid merkle roots; legacy and segwit transactions) so the real parser is
 * exercised end to end. Transactions spend 1–4 random unspent outputs and pay 2–6 outputs,
 * mostly fresh addresses (P2PKH, P2WPKH, P2TR, P2SH mix), some reused, so common-input
 * clustering has work to do. Deterministic for a seed.
 */
public final class SyntheticChainWriter {
  public static final int MAGIC = 0xf9beb4d9;
  public static final int TXS_PER_BLOCK = 2_000;
  public static final long FILE_BYTES = 128L << 20;

  private final SplittableRandom random;
  private byte[] txids = new byte[32 * 1024];
  private int txCount;
  // Unspent outputs: tx index, vout, address id.
  private int[] utxoTx = new int[1024];
  private int[] utxoVout = new int[1024];
  private int[] utxoAddr = new int[1024];
  private int utxos;
  private int addresses;
  private long bytesWritten;

  public SyntheticChainWriter(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public int addresses() {
    return addresses;
  }

  public int txCount() {
    return txCount;
  }

  public long bytesWritten() {
    return bytesWritten;
  }

  /** Writes blocks into {@code dir}/blk#####.dat until at least {@code targetAddresses} exist. */
  public List<Path> write(Path dir, int targetAddresses) {
    List<Path> files = new ArrayList<>();
    byte[] prev = new byte[32];
    long time = 1_500_000_000L;
    OutputStream out = null;
    long inFile = 0;
    try {
      while (addresses < targetAddresses) {
        if (out == null || inFile > FILE_BYTES) {
          if (out != null) out.close();
          Path f = dir.resolve(String.format("blk%05d.dat", files.size()));
          files.add(f);
          out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20);
          inFile = 0;
        }
        byte[] block = block(prev, time += 600);
        prev = Hashes.sha256d(block, 0, 80);
        writeInt(out, MAGIC);
        writeLe(out, block.length);
        out.write(block);
        inFile += block.length + 8;
        bytesWritten += block.length + 8;
      }
      if (out != null) out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private byte[] block(byte[] prev, long time) {
    Buf body = new Buf(1 << 20);
    List<byte[]> ids = new ArrayList<>();
    int n = TXS_PER_BLOCK;
    body.varint(n);
    for (int i = 0; i < n; i++) ids.add(tx(body, i == 0));
    if (body.len > BlockParser.MAX_BLOCK_BYTES - 100) throw new IllegalStateException("block too big");
    byte[] merkle = BlockParser.merkleRoot(ids.toArray(byte[][]::new));
    Buf b = new Buf(80 + body.len);
    b.le32(0x20000000);
    b.put(prev, 0, 32);
    b.put(merkle, 0, 32);
    b.le32((int) time);
    b.le32(0x1d00ffff);
    b.le32(random.nextInt());
    b.put(body.data, 0, body.len);
    return Arrays.copyOf(b.data, b.len);
  }

  /** Appends one transaction to {@code b}; returns its txid. */
  private byte[] tx(Buf b, boolean coinbase) {
    int start = b.len;
    int nIn = coinbase ? 1 : Math.min(utxos, 1 + random.nextInt(4));
    if (nIn == 0) coinbase = true;
    if (coinbase) nIn = 1;
    int[] spentAddr = new int[nIn];
    boolean segwit = false;
    int[][] picked = new int[nIn][];
    for (int i = 0; i < nIn && !coinbase; i++) {
      int k = random.nextInt(utxos);
      picked[i] = new int[] {utxoTx[k], utxoVout[k], utxoAddr[k]};
      spentAddr[i] = utxoAddr[k];
      segwit |= addressType(utxoAddr[k]) == 1 || addressType(utxoAddr[k]) == 2;
      utxos--;
      utxoTx[k] = utxoTx[utxos];
      utxoVout[k] = utxoVout[utxos];
      utxoAddr[k] = utxoAddr[utxos];
    }
    b.le32(2);
    int bodyStart;
    if (segwit) {
      b.put(new byte[] {0, 1}, 0, 2);
    }
    bodyStart = b.len;
    b.varint(nIn);
    for (int i = 0; i < nIn; i++) {
      if (coinbase) {
        b.put(new byte[32], 0, 32);
        b.le32(-1);
        b.varint(8);
        b.le32(txCount);
        b.le32(random.nextInt());
      } else {
        b.put(txids, picked[i][0] * 32, 32);
        b.le32(picked[i][1]);
        boolean sw = addressType(picked[i][2]) == 1 || addressType(picked[i][2]) == 2;
        int sigLen = sw ? 0 : 106;
        b.varint(sigLen);
        b.fill(sigLen);
      }
      b.le32(0xfffffffd);
    }
    int nOut = coinbase ? 1 : 2 + random.nextInt(5);
    b.varint(nOut);
    for (int v = 0; v < nOut; v++) {
      int addr = !coinbase && random.nextInt(10) == 0 && addresses > 0 ? random.nextInt(addresses) : addresses++;
      b.le64(1_000 + random.nextInt(100_000_000));
      script(b, addr);
      addUtxo(txCount, v, addr);
    }
    int bodyEnd = b.len;
    if (segwit) {
      for (int i = 0; i < nIn; i++) {
        boolean sw = addressType(picked[i][2]) == 1 || addressType(picked[i][2]) == 2;
        if (!sw) {
          b.varint(0);
          continue;
        }
        b.varint(2);
        b.varint(72);
        b.fill(72);
        b.varint(33);
        b.fill(33);
      }
    }
    b.le32(0);
    byte[] id;
    if (segwit) {
      var md = Hashes.sha256();
      md.update(b.data, start, 4);
      md.update(b.data, bodyStart, bodyEnd - bodyStart);
      md.update(b.data, b.len - 4, 4);
      id = md.digest(md.digest());
    } else {
      id = Hashes.sha256d(b.data, start, b.len - start);
    }
    if ((txCount + 1) * 32 > txids.length) txids = Arrays.copyOf(txids, txids.length * 2);
    System.arraycopy(id, 0, txids, txCount * 32, 32);
    txCount++;
    return id;
  }

  /** 0 = P2PKH, 1 = P2WPKH, 2 = P2TR, 3 = P2SH (by address id, so reuse keeps the type). */
  private static int addressType(int addr) {
    int h = (addr * 0x9E3779B1) >>> 28;
    return h < 6 ? 0 : h < 12 ? 1 : h < 14 ? 2 : 3;
  }

  private static void script(Buf b, int addr) {
    byte[] prog = new byte[32];
    for (int i = 0; i < 8; i++) prog[i] = (byte) (addr >>> (8 * (i % 4)) ^ i * 31);
    prog[8] = 0x5e;
    switch (addressType(addr)) {
      case 0 -> {
        b.varint(25);
        b.put(new byte[] {0x76, (byte) 0xa9, 20}, 0, 3);
        b.put(prog, 0, 20);
        b.put(new byte[] {(byte) 0x88, (byte) 0xac}, 0, 2);
      }
      case 1 -> {
        b.varint(22);
        b.put(new byte[] {0, 20}, 0, 2);
        b.put(prog, 0, 20);
      }
      case 2 -> {
        b.varint(34);
        b.put(new byte[] {0x51, 32}, 0, 2);
        b.put(prog, 0, 32);
      }
      default -> {
        b.varint(23);
        b.put(new byte[] {(byte) 0xa9, 20}, 0, 2);
        b.put(prog, 0, 20);
        b.put(new byte[] {(byte) 0x87}, 0, 1);
      }
    }
  }

  private void addUtxo(int tx, int vout, int addr) {
    if (utxos == utxoTx.length) {
      int cap = utxos * 2;
      utxoTx = Arrays.copyOf(utxoTx, cap);
      utxoVout = Arrays.copyOf(utxoVout, cap);
      utxoAddr = Arrays.copyOf(utxoAddr, cap);
    }
    utxoTx[utxos] = tx;
    utxoVout[utxos] = vout;
    utxoAddr[utxos++] = addr;
  }

  private static void writeInt(OutputStream o, int v) throws IOException {
    o.write(v >>> 24);
    o.write(v >>> 16);
    o.write(v >>> 8);
    o.write(v);
  }

  private static void writeLe(OutputStream o, int v) throws IOException {
    o.write(v);
    o.write(v >>> 8);
    o.write(v >>> 16);
    o.write(v >>> 24);
  }

  /** Growable little-endian byte buffer. */
  private static final class Buf {
    byte[] data;
    int len;

    Buf(int cap) {
      data = new byte[cap];
    }

    void ensure(int n) {
      if (len + n > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, len + n));
    }

    void put(byte[] src, int off, int n) {
      ensure(n);
      System.arraycopy(src, off, data, len, n);
      len += n;
    }

    void fill(int n) {
      ensure(n);
      Arrays.fill(data, len, len + n, (byte) 0x30);
      len += n;
    }

    void le32(int v) {
      ensure(4);
      data[len++] = (byte) v;
      data[len++] = (byte) (v >>> 8);
      data[len++] = (byte) (v >>> 16);
      data[len++] = (byte) (v >>> 24);
    }

    void le64(long v) {
      le32((int) v);
      le32((int) (v >>> 32));
    }

    void varint(long v) {
      if (v < 0xfd) {
        ensure(1);
        data[len++] = (byte) v;
      } else if (v <= 0xffff) {
        ensure(3);
        data[len++] = (byte) 0xfd;
        data[len++] = (byte) v;
        data[len++] = (byte) (v >>> 8);
      } else {
        ensure(5);
        data[len++] = (byte) 0xfe;
        le32((int) v);
      }
    }
  }
}
