package org.webwatch.payments.chain;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.webwatch.WebwatchException;

/**
 * Streams blocks out of a file: Bitcoin Core {@code blk*.dat} (magic ‖ LE uint32 size ‖
 * block, zero padding skipped, other networks' magics recognised and their blocks skipped,
 * garbage resynchronised to the next mainnet magic), a single raw block, or hex text (one
 * block per line). Memory is bounded by one block ({@link BlockParser#MAX_BLOCK_BYTES}): sizes
 * are checked before any buffer is sized from them. Malformed blocks become located
 * {@link ChainError}s in the summary; reading continues where the framing allows.
 */
public final class BlockFileReader {
  public static final int MAX_ERRORS_KEPT = 1000;
  private static final int BUFFER_BYTES = 1 << 16;

  private final BlockParser parser = new BlockParser();
  private byte[] block = new byte[1 << 20];

  /**
   * Reads every block of {@code file}, handing each to {@code sink} in file order. Content
   * problems are returned in the summary; only a file that cannot be opened or read throws
   * ({@link WebwatchException}: NOT_FOUND or INVALID_INPUT).
   */
  public ReadSummary read(Path file, Consumer<ChainBlock> sink) {
    String source = file.toString();
    try (InputStream raw = Files.newInputStream(file)) {
      long size = Files.size(file);
      Run run = new Run(source, size, sink);
      BufferedInputStream in = new BufferedInputStream(raw, BUFFER_BYTES);
      in.mark(8);
      byte[] head = in.readNBytes(4);
      in.reset();
      String format;
      if (head.length == 4 && (Network.ofMagic(int32be(head)) != null || isZero(head))) {
        format = "blk";
        readBlk(in, run);
      } else if (head.length > 0 && looksHex(in)) {
        format = "hex";
        readHex(in, run);
      } else {
        format = "raw";
        readRaw(in, run);
      }
      return run.summary(format);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new WebwatchException(WebwatchException.Kind.NOT_FOUND, "block file not found: " + source, e);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "cannot read block file " + source + ": " + e, e);
    }
  }

  private void readBlk(BufferedInputStream buffered, Run run) throws IOException {
    PushbackInputStream in = new PushbackInputStream(buffered, 1);
    long off = 0;
    boolean magicRead = false;
    while (true) {
      long frameStart = off;
      Network net = Network.MAINNET;
      if (!magicRead) {
        int b = in.read();
        if (b < 0) return;
        if (b == 0) { // zero padding (pre-allocated file tail): skip the run of zeros
          off++;
          while ((b = in.read()) == 0) off++;
          if (b < 0) return;
          in.unread(b);
          continue;
        }
        in.unread(b);
        byte[] m = in.readNBytes(4);
        if (m.length < 4) {
          run.error(off, "truncated frame: " + m.length + " bytes where a 4-byte magic belongs");
          return;
        }
        net = Network.ofMagic(int32be(m));
        if (net == null) {
          run.error(off, "unknown magic " + Hex.encode(m) + "; resynchronising to the next mainnet magic");
          long found = resync(in, m, off + 4);
          if (found < 0) return;
          off = found;
          magicRead = true;
          continue;
        }
        off += 4;
      } else {
        frameStart = off - 4;
        magicRead = false;
      }
      byte[] s = in.readNBytes(4);
      if (s.length < 4) {
        run.error(off, "truncated frame: size field cut off");
        return;
      }
      long size = (s[0] & 0xff) | (s[1] & 0xff) << 8 | (s[2] & 0xff) << 16 | (s[3] & 0xffL) << 24;
      off += 4;
      if (size > BlockParser.MAX_BLOCK_BYTES || size < BlockParser.HEADER_BYTES) {
        run.error(frameStart, "absurd block size " + size + "; resynchronising to the next mainnet magic");
        long found = resync(in, new byte[0], off);
        if (found < 0) return;
        off = found;
        magicRead = true;
        continue;
      }
      if (size > run.fileSize - off) {
        run.error(off, "truncated block: frame says " + size + " bytes, " + (run.fileSize - off) + " left in file");
        return;
      }
      if (net != Network.MAINNET) {
        run.error(frameStart, net.label() + " magic (not mainnet): block of " + size + " bytes skipped");
        in.skipNBytes(size);
        off += size;
        run.rejected++;
        continue;
      }
      byte[] buf = buffer((int) size);
      try {
        in.readNBytes(buf, 0, (int) size);
      } catch (EOFException e) {
        run.error(off, "truncated block");
        return;
      }
      run.parse(parser, buf, (int) size, off);
      off += size;
    }
  }

  /**
   * Scans forward for the mainnet magic, starting with the bytes already consumed in
   * {@code window}; returns the offset just after the magic, or -1 at end of file.
   */
  private static long resync(InputStream in, byte[] window, long off) throws IOException {
    int target = Network.MAINNET.magic();
    int w = 0;
    int have = 0;
    for (byte b : window) {
      w = w << 8 | (b & 0xff);
      have++;
    }
    // The consumed window itself is not a mainnet magic; drop its first byte and continue.
    while (true) {
      if (have >= 4 && w == target) return off;
      int b = in.read();
      if (b < 0) return -1;
      w = w << 8 | b;
      have++;
      off++;
    }
  }

  private void readRaw(InputStream in, Run run) throws IOException {
    if (run.fileSize == 0) {
      run.error(0, "empty file: no blocks");
      return;
    }
    if (run.fileSize > BlockParser.MAX_BLOCK_BYTES) {
      run.error(0, "raw block file of " + run.fileSize + " bytes exceeds " + BlockParser.MAX_BLOCK_BYTES
          + " and has no known magic");
      return;
    }
    byte[] buf = buffer((int) run.fileSize);
    int n = in.readNBytes(buf, 0, (int) run.fileSize);
    run.parse(parser, buf, n, 0);
  }

  private void readHex(InputStream in, Run run) throws IOException {
    long off = 0;
    int maxChars = 2 * BlockParser.MAX_BLOCK_BYTES;
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    long lineStart = 0;
    int lineNo = 1;
    while (true) {
      int c = in.read();
      if (c < 0 || c == '\n') {
        String text = line.toString().strip();
        if (tooLong) {
          run.error(lineStart, "hex line " + lineNo + " longer than " + maxChars + " characters");
        } else if (!text.isEmpty()) {
          try {
            byte[] b = Hex.decode(text);
            run.parse(parser, b, b.length, 0);
          } catch (IllegalArgumentException e) {
            run.error(lineStart, "hex line " + lineNo + ": " + e.getMessage());
          }
        }
        if (c < 0) return;
        line.setLength(0);
        tooLong = false;
        lineStart = off + 1;
        lineNo++;
      } else if (line.length() < maxChars) {
        line.append((char) c);
      } else {
        tooLong = true;
      }
      off++;
    }
  }

  private byte[] buffer(int size) {
    if (block.length < size) block = new byte[Math.max(size, Math.min(block.length * 2, BlockParser.MAX_BLOCK_BYTES))];
    return block;
  }

  private static boolean looksHex(BufferedInputStream in) throws IOException {
    in.mark(161);
    byte[] probe = in.readNBytes(160);
    in.reset();
    for (byte b : probe) {
      if (Character.digit(b, 16) < 0 && !Character.isWhitespace(b)) return false;
    }
    return true;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) if (x != 0) return false;
    return true;
  }

  private static int int32be(byte[] b) {
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }

  /** Mutable state of one read. */
  private static final class Run {
    final String source;
    final long fileSize;
    final Consumer<ChainBlock> sink;
    final List<ChainError> errors = new ArrayList<>();
    long errorCount;
    int blocks;
    long txs;
    int rejected;
    String first;
    String last;

    Run(String source, long fileSize, Consumer<ChainBlock> sink) {
      this.source = source;
      this.fileSize = fileSize;
      this.sink = sink;
    }

    void error(long offset, String what) {
      errorCount++;
      if (errors.size() < MAX_ERRORS_KEPT) errors.add(new ChainError(source, offset, what));
    }

    void parse(BlockParser parser, byte[] buf, int len, long offset) {
      ChainBlock b;
      try {
        b = parser.parse(buf, 0, len, source, offset);
      } catch (ChainFormatException e) {
        errorCount++;
        if (errors.size() < MAX_ERRORS_KEPT) errors.add(e.toError());
        rejected++;
        return;
      } catch (RuntimeException e) { // defensive: a parser bug must not end the whole read
        error(offset, "block rejected, unexpected parser failure: " + e);
        rejected++;
        return;
      }
      if (!b.merkleOk()) error(offset, "merkle root mismatch in block " + b.hashHex() + " (block kept)");
      if (b.witnessCheck() == WitnessCheck.MISMATCH) {
        error(offset, "witness commitment mismatch in block " + b.hashHex() + " (block kept)");
      }
      blocks++;
      txs += b.txs().size();
      if (first == null) first = b.hashHex();
      last = b.hashHex();
      sink.accept(b);
    }

    ReadSummary summary(String format) {
      return new ReadSummary(source, format, fileSize, blocks, txs, rejected, first, last, errorCount, errors);
    }
  }
}
