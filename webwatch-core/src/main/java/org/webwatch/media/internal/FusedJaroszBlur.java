package org.webwatch.media.internal;

/**
 * PDQ's blur and decimation ({@code pdq-algorithm.md} §3–4: two Jarosz passes of the reference
 * 1-D box filter per direction, then 64×64 sampling) fused into one streaming pass over the image
 * rows, bit-exact with the ThreatExchange reference ({@code pdqhashing.cpp}, {@code PDQHasher.java}).
 *
 * <p>Why: written as four whole-image passes, the blur streams five 6.4 MB float planes through
 * memory for a 1.6 MP image and is memory-bound. Here every stage consumes rows as soon as the
 * previous stage has produced them, so all live data fits in L2 (about 40 rows):
 * <ol>
 *   <li>luma rows are read in batches of {@value #BATCH};</li>
 *   <li>horizontal pass 1 runs eight rows interleaved (eight independent running sums), its means
 *       go to a ring of {@code wCol + BATCH} rows;</li>
 *   <li>vertical pass 1 is a running-sum vector over all columns; each step adds the newest ring
 *       row and subtracts the one {@code wCol} rows back, and each emitted row is collected for
 *       pass 2;</li>
 *   <li>horizontal pass 2 keeps only its running sums and divides only at the 64 decimated
 *       columns;</li>
 *   <li>vertical pass 2 runs over those 64 columns and emits only at the 64 decimated rows.</li>
 * </ol>
 *
 * <p>Why it is bit-exact: each output element still sees the reference's float operations in the
 * reference's order. A running sum only ever touches its own element, so interleaving rows,
 * vectorising across columns or interleaving the stages in time changes nothing; each step is
 * {@code sum += in[ri]} then {@code sum -= in[li]}, rounded to f32 after each operation (Java
 * never fuses), and each mean is {@code sum / cnt} with {@code cnt} the exact integer the
 * reference's counter holds at that output (see {@link #windowCounts}). Divisions are done in a
 * separate loop so the JIT can vectorise them; IEEE division is correctly rounded either way.
 *
 * <p>Complexity O(W·H) time, O((wCol + 4·BATCH)·W + 64·H) floats of scratch reused across calls.
 * Not thread-safe: one instance per thread.
 */
public final class FusedJaroszBlur {
  /** Rows per batch: horizontal passes interleave this many independent running sums. */
  static final int BATCH = 8;

  /** Source of luma rows: writes the {@code width} f32 luma values of {@code row} at {@code off}. */
  @FunctionalInterface
  public interface LumaRows {
    void read(int row, float[] out, int off);
  }

  // Rows are separate arrays on purpose: a loop that indexes every array with the same c has no
  // possible cross-iteration aliasing, which C2 (JDK 17) needs before it vectorises.
  private float[][] lumaBatch = new float[0][];
  private float[][] sumBatch = new float[0][];
  private float[][] outBatch = new float[0][];
  private float[][] ring = new float[0][];
  private float[] colSums = new float[0];
  private float[][] picked = new float[0][];
  private final float[] pickedSums = new float[64];

  /**
   * Blurs the {@code w}×{@code h} luma image delivered by {@code rows} (each row read once, in
   * order) and writes the 64×64 decimated samples, row-major, to {@code a64}.
   */
  public void blurDecimate(LumaRows rows, int w, int h, float[] a64) {
    if (w < 1 || h < 1) throw new IllegalArgumentException("empty image " + w + "x" + h);
    int wRow = (w + 127) / 128;
    int wCol = (h + 127) / 128;
    int ringRows = wCol + BATCH;
    lumaBatch = ensure(lumaBatch, BATCH, w);
    sumBatch = ensure(sumBatch, BATCH, w);
    outBatch = ensure(outBatch, BATCH, w);
    ring = ensure(ring, ringRows, w);
    colSums = colSums.length >= w ? colSums : new float[w];
    picked = ensure(picked, h, 64);
    java.util.Arrays.fill(colSums, 0, w, 0f);
    float[] cntRow = windowCounts(w, wRow);
    int[] colIdx = new int[64];
    int[] rowIdx = new int[64];
    for (int i = 0; i < 64; i++) {
      colIdx[i] = (int) (((i + 0.5) * w) / 64);
      rowIdx[i] = (int) (((i + 0.5) * h) / 64);
    }
    int halfCol = (wCol + 2) / 2;
    int step = 0; // next vertical step t, see verticalStep
    int lastStep = h + halfCol - 1;
    float cnt = 0f;
    int emitted = 0;
    for (int p = 0; p < h; p += BATCH) {
      int n = Math.min(BATCH, h - p);
      for (int k = 0; k < n; k++) rows.read(p + k, lumaBatch[k], 0);
      horizontalSums(lumaBatch, sumBatch, n, w, wRow);
      for (int k = 0; k < n; k++) divide(sumBatch[k], cntRow, ring[(p + k) % ringRows], w);
      int produced = p + n;
      int until = produced == h ? lastStep : produced;
      for (; step < until; step++) {
        cnt = verticalStep(step, h, wCol, halfCol, ringRows, w, cnt, emitted % BATCH);
        if (step >= halfCol - 1 && ++emitted % BATCH == 0) secondPass(emitted - BATCH, BATCH, w, wRow, cntRow, colIdx);
      }
    }
    int rest = emitted % BATCH;
    if (rest > 0) secondPass(emitted - rest, rest, w, wRow, cntRow, colIdx);
    verticalDecimated(h, wCol, rowIdx, a64);
  }

  /**
   * Step {@code t} of the reference's vertical running sum (phase 1 for t &lt; half−1, phase 2 up to
   * wCol, phase 3 up to h, then phase 4), writing the emitted row to {@link #outBatch} slot
   * {@code slot}. Returns the updated window count.
   */
  private float verticalStep(int t, int h, int wCol, int halfCol, int ringRows, int w, float cnt, int slot) {
    float[] s = colSums;
    float[] o = outBatch[slot];
    if (t < wCol) {
      float[] a = ring[t % ringRows];
      cnt++;
      if (t < halfCol - 1) {
        for (int c = 0; c < w; c++) s[c] += a[c];
      } else {
        for (int c = 0; c < w; c++) {
          float v = s[c] + a[c];
          s[c] = v;
          o[c] = v / cnt;
        }
      }
    } else if (t < h) {
      float[] a = ring[t % ringRows];
      float[] b = ring[(t - wCol) % ringRows];
      for (int c = 0; c < w; c++) {
        float v = s[c] + a[c];
        v = v - b[c];
        s[c] = v;
        o[c] = v / cnt;
      }
    } else {
      float[] b = ring[(t - wCol) % ringRows];
      cnt--;
      for (int c = 0; c < w; c++) {
        float v = s[c] - b[c];
        s[c] = v;
        o[c] = v / cnt;
      }
    }
    return cnt;
  }

  /** Horizontal pass 2 on {@code n} collected rows: running sums, divided at the 64 columns only. */
  private void secondPass(int firstRow, int n, int w, int wRow, float[] cntRow, int[] colIdx) {
    if (n == BATCH) {
      pickedSums8(outBatch, picked, firstRow, w, wRow, colIdx, cntRow);
    } else {
      for (int k = 0; k < n; k++) pickedSums1(outBatch[k], picked[firstRow + k], w, wRow, colIdx, cntRow);
    }
  }

  /**
   * Horizontal pass 2 on eight rows interleaved: the reference's running sums, in segments that end
   * at each decimated column, so that only the 64 sums decimation reads are stored (then divided).
   * Output {@code oi} adds {@code in[oi+half-1]} (phases 2 and 3) and subtracts
   * {@code in[oi-(w-half+1)]} (phases 3 and 4), in that order, exactly as the reference does.
   */
  private static void pickedSums8(float[][] in, float[][] dst, int first, int n, int w, int[] colIdx, float[] cntRow) {
    float[] i0 = in[0], i1 = in[1], i2 = in[2], i3 = in[3], i4 = in[4], i5 = in[5], i6 = in[6], i7 = in[7];
    int half = (w + 2) / 2;
    int p2End = w - half + 1;
    int p3End = n - half + 1;
    float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
    for (int ri = 0; ri < half - 1; ri++) {
      s0 += i0[ri];
      s1 += i1[ri];
      s2 += i2[ri];
      s3 += i3[ri];
      s4 += i4[ri];
      s5 += i5[ri];
      s6 += i6[ri];
      s7 += i7[ri];
    }
    int oi = 0;
    for (int j = 0; j < 64; j++) {
      int target = colIdx[j];
      for (int e = Math.min(target + 1, p2End); oi < e; oi++) {
        int ri = oi + half - 1;
        s0 += i0[ri];
        s1 += i1[ri];
        s2 += i2[ri];
        s3 += i3[ri];
        s4 += i4[ri];
        s5 += i5[ri];
        s6 += i6[ri];
        s7 += i7[ri];
      }
      for (int e = Math.min(target + 1, p3End); oi < e; oi++) {
        int ri = oi + half - 1;
        int li = oi - p2End;
        s0 += i0[ri];
        s1 += i1[ri];
        s2 += i2[ri];
        s3 += i3[ri];
        s4 += i4[ri];
        s5 += i5[ri];
        s6 += i6[ri];
        s7 += i7[ri];
        s0 -= i0[li];
        s1 -= i1[li];
        s2 -= i2[li];
        s3 -= i3[li];
        s4 -= i4[li];
        s5 -= i5[li];
        s6 -= i6[li];
        s7 -= i7[li];
      }
      for (; oi <= target; oi++) {
        int li = oi - p2End;
        s0 -= i0[li];
        s1 -= i1[li];
        s2 -= i2[li];
        s3 -= i3[li];
        s4 -= i4[li];
        s5 -= i5[li];
        s6 -= i6[li];
        s7 -= i7[li];
      }
      float c = cntRow[target];
      dst[first + 0][j] = s0 / c;
      dst[first + 1][j] = s1 / c;
      dst[first + 2][j] = s2 / c;
      dst[first + 3][j] = s3 / c;
      dst[first + 4][j] = s4 / c;
      dst[first + 5][j] = s5 / c;
      dst[first + 6][j] = s6 / c;
      dst[first + 7][j] = s7 / c;
    }
  }

  /** {@link #pickedSums8} for one row. */
  private static void pickedSums1(float[] in, float[] dst, int n, int w, int[] colIdx, float[] cntRow) {
    int half = (w + 2) / 2;
    int p2End = w - half + 1;
    int p3End = n - half + 1;
    float s = 0f;
    for (int ri = 0; ri < half - 1; ri++) s += in[ri];
    int oi = 0;
    for (int j = 0; j < 64; j++) {
      int target = colIdx[j];
      for (int e = Math.min(target + 1, p2End); oi < e; oi++) s += in[oi + half - 1];
      for (int e = Math.min(target + 1, p3End); oi < e; oi++) {
        s += in[oi + half - 1];
        s -= in[oi - p2End];
      }
      for (; oi <= target; oi++) s -= in[oi - p2End];
      dst[j] = s / cntRow[target];
    }
  }

  /** Vertical pass 2 over the 64 picked columns; only the 64 decimated rows are divided. */
  private void verticalDecimated(int h, int win, int[] rowIdx, float[] a64) {
    float[] s = pickedSums;
    float[][] in = picked;
    java.util.Arrays.fill(s, 0f);
    int half = (win + 2) / 2;
    int ri = 0;
    int li = 0;
    int oi = 0;
    float cnt = 0f;
    int next = 0; // next decimated row index i with rowIdx[i] >= oi
    for (int t = 0; t < half - 1; t++, ri++) {
      add(s, in[ri]);
      cnt++;
    }
    for (int t = 0; t < win - half + 1; t++, ri++, oi++) {
      add(s, in[ri]);
      cnt++;
      next = emit(s, oi, cnt, rowIdx, next, a64);
    }
    for (int t = 0; t < h - win; t++, ri++, li++, oi++) {
      float[] a = in[ri];
      float[] b = in[li];
      for (int c = 0; c < 64; c++) {
        float v = s[c] + a[c];
        s[c] = v - b[c];
      }
      next = emit(s, oi, cnt, rowIdx, next, a64);
    }
    for (int t = 0; t < half - 1; t++, li++, oi++) {
      float[] b = in[li];
      for (int c = 0; c < 64; c++) s[c] -= b[c];
      cnt--;
      next = emit(s, oi, cnt, rowIdx, next, a64);
    }
  }

  /** Writes every decimated row equal to {@code row} (several when h &lt; 64); returns the next index. */
  private static int emit(float[] s, int row, float cnt, int[] rowIdx, int next, float[] a64) {
    while (next < 64 && rowIdx[next] == row) {
      for (int j = 0; j < 64; j++) a64[next * 64 + j] = s[j] / cnt;
      next++;
    }
    return next;
  }

  private static void add(float[] s, float[] a) {
    for (int c = 0; c < 64; c++) s[c] += a[c];
  }

  private static void divide(float[] sums, float[] cnt, float[] out, int w) {
    for (int c = 0; c < w; c++) out[c] = sums[c] / cnt[c];
  }

  /**
   * Window size the reference divides by at output {@code oi} of a box of {@code w} over {@code n}:
   * {@code min(half+oi, w, w+n-half-oi)} (its counter in phases 2, 3 and 4 of the running sum).
   */
  static float[] windowCounts(int n, int w) {
    int half = (w + 2) / 2;
    float[] c = new float[n];
    for (int oi = 0; oi < n; oi++) c[oi] = Math.min(Math.min(half + oi, w), w + n - half - oi);
    return c;
  }

  /** Reference running sums (no division) along the first {@code n} rows, of length {@code len}. */
  private static void horizontalSums(float[][] in, float[][] out, int n, int len, int win) {
    if (n == BATCH) {
      sums8(in, out, len, win);
    } else {
      for (int k = 0; k < n; k++) sums1(in[k], out[k], len, win);
    }
  }

  /**
   * Eight rows interleaved: eight independent dependency chains hide the add latency; each row's
   * own sequence of operations is the reference's.
   */
  private static void sums8(float[][] in, float[][] out, int n, int w) {
    float[] i0 = in[0], i1 = in[1], i2 = in[2], i3 = in[3], i4 = in[4], i5 = in[5], i6 = in[6], i7 = in[7];
    float[] q0 = out[0], q1 = out[1], q2 = out[2], q3 = out[3], q4 = out[4], q5 = out[5], q6 = out[6], q7 = out[7];
    int half = (w + 2) / 2;
    float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
    int ri = 0;
    int li = 0;
    int oi = 0;
    for (int t = 0; t < half - 1; t++, ri++) {
      s0 += i0[ri];
      s1 += i1[ri];
      s2 += i2[ri];
      s3 += i3[ri];
      s4 += i4[ri];
      s5 += i5[ri];
      s6 += i6[ri];
      s7 += i7[ri];
    }
    for (int t = 0; t < w - half + 1; t++, ri++, oi++) {
      q0[oi] = s0 += i0[ri];
      q1[oi] = s1 += i1[ri];
      q2[oi] = s2 += i2[ri];
      q3[oi] = s3 += i3[ri];
      q4[oi] = s4 += i4[ri];
      q5[oi] = s5 += i5[ri];
      q6[oi] = s6 += i6[ri];
      q7[oi] = s7 += i7[ri];
    }
    for (int t = 0; t < n - w; t++, ri++, li++, oi++) {
      s0 += i0[ri];
      s1 += i1[ri];
      s2 += i2[ri];
      s3 += i3[ri];
      s4 += i4[ri];
      s5 += i5[ri];
      s6 += i6[ri];
      s7 += i7[ri];
      q0[oi] = s0 -= i0[li];
      q1[oi] = s1 -= i1[li];
      q2[oi] = s2 -= i2[li];
      q3[oi] = s3 -= i3[li];
      q4[oi] = s4 -= i4[li];
      q5[oi] = s5 -= i5[li];
      q6[oi] = s6 -= i6[li];
      q7[oi] = s7 -= i7[li];
    }
    for (int t = 0; t < half - 1; t++, li++, oi++) {
      q0[oi] = s0 -= i0[li];
      q1[oi] = s1 -= i1[li];
      q2[oi] = s2 -= i2[li];
      q3[oi] = s3 -= i3[li];
      q4[oi] = s4 -= i4[li];
      q5[oi] = s5 -= i5[li];
      q6[oi] = s6 -= i6[li];
      q7[oi] = s7 -= i7[li];
    }
  }

  /** Reference running sums along one row. */
  private static void sums1(float[] in, float[] out, int n, int w) {
    int half = (w + 2) / 2;
    int ri = 0;
    int li = 0;
    int oi = 0;
    float sum = 0f;
    for (int t = 0; t < half - 1; t++) sum += in[ri++];
    for (int t = 0; t < w - half + 1; t++) out[oi++] = sum += in[ri++];
    for (int t = 0; t < n - w; t++) {
      sum += in[ri++];
      out[oi++] = sum -= in[li++];
    }
    for (int t = 0; t < half - 1; t++) out[oi++] = sum -= in[li++];
  }

  private static float[][] ensure(float[][] a, int rows, int len) {
    return a.length >= rows && a[0].length >= len ? a : new float[Math.max(rows, a.length)][Math.max(len, a.length == 0 ? 0 : a[0].length)];
  }
}
