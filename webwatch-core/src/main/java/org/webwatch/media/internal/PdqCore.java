package org.webwatch.media.internal;

/**
 * The PDQ hashing core on a float luma plane, bit-exact with the ThreatExchange Java and C++
 * reference (spec: {@code shared/reference/pdq-algorithm.md}, from {@code pdqhashing.cpp} and
 * {@code PDQHasher.java}): two Jarosz passes of 1-D box filters, decimation to 64×64, gradient
 * quality, partial DCT to 16×16, lower-median threshold, optional 8 dihedral variants.
 *
 * <p>Every float operation happens in the reference order (no FMA; Java never fuses). Speed comes
 * from loop order only: vertical box passes run row-wise over all columns at once (each column's
 * running sum still sees its samples in the same order, so the result is identical but the JIT can
 * vectorise), and the last vertical pass only divides at the 64 rows that decimation reads.
 * Complexity O(W·H) time; O(W·H) floats of scratch, reused across calls. Not thread-safe: one
 * instance per thread.
 */
public final class PdqCore {
  public static final int MIN_HASHABLE_DIM = 5;
  private static final float LUMA_R = 0.299f;
  private static final float LUMA_G = 0.587f;
  private static final float LUMA_B = 0.114f;
  /** D[i][k], 16×64, row-major. */
  private static final float[] DCT = new float[16 * 64];
  /** Dᵀ[k][j] = D[j][k], 64×16, row-major. */
  private static final float[] DCT_T = new float[64 * 16];

  static {
    // (f64)(f32)sqrt(2/64) * cos((PI/2/64)*(i+1)*(2j+1)), angle in f64 left to right; StrictMath
    // so the table cannot depend on the platform's cos intrinsic.
    float scale = (float) StrictMath.sqrt(2.0 / 64);
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        float v = (float) (scale * StrictMath.cos((Math.PI / 2.0 / 64.0) * (i + 1) * (2 * j + 1)));
        DCT[i * 64 + j] = v;
        DCT_T[j * 16 + i] = v;
      }
    }
  }

  private static final int[] IDENTITY64 = java.util.stream.IntStream.range(0, 64).toArray();
  private float[] scratch = new float[0];
  private float[] picked = new float[0];
  private float[] sums = new float[0];
  private final float[] a64 = new float[64 * 64];
  private final float[] t16x64 = new float[16 * 64];

  /** Output of one run: the 16×16 DCT (row-major, before thresholding) and the quality. */
  public record Dct(float[] coefficients, int quality) {}

  /** The f32 luma of one 8-bit RGB pixel, in the reference's evaluation order. */
  public static float luma(int r, int g, int b) {
    return LUMA_R * r + LUMA_G * g + LUMA_B * b;
  }

  /**
   * Runs blur, decimation, quality and DCT on {@code luma} (row-major, {@code h} rows of
   * {@code w}); {@code luma} is used as scratch and overwritten. Returns null when the image is
   * below the minimum hashable size (the caller emits the zero hash with quality 0).
   */
  public Dct dct(float[] luma, int w, int h) {
    if (w < MIN_HASHABLE_DIM || h < MIN_HASHABLE_DIM) return null;
    if (luma.length < (long) w * h) throw new IllegalArgumentException("luma plane too small");
    int n = w * h;
    if (scratch.length < n) scratch = new float[n];
    if (sums.length < w) sums = new float[w];
    int wRow = (w + 127) / 128;
    int wCol = (h + 127) / 128;
    int[] rowIdx = new int[64];
    int[] colIdx = new int[64];
    for (int i = 0; i < 64; i++) {
      rowIdx[i] = (int) (((i + 0.5) * h) / 64);
      colIdx[i] = (int) (((i + 0.5) * w) / 64);
    }
    float[] buf2 = scratch;
    boxRows(luma, buf2, w, h, wRow, true);
    boxColumns(buf2, luma, w, h, wCol, null, null);
    // second pass: the horizontal box keeps only its running sums (no division), then only the 64
    // decimated columns are divided and boxed vertically: same floats, a fraction of the work
    boxRows(luma, buf2, w, h, wRow, false);
    if (picked.length < h * 64) picked = new float[h * 64];
    float[] cnt = windowCounts(w, wRow);
    for (int r = 0; r < h; r++) {
      int off = r * w;
      for (int j = 0; j < 64; j++) picked[r * 64 + j] = buf2[off + colIdx[j]] / cnt[colIdx[j]];
    }
    if (sums.length < 64) sums = new float[64];
    boxColumns(picked, null, 64, h, wCol, rowIdx, IDENTITY64);
    return new Dct(dct64(), quality());
  }

  /**
   * Window size the reference divides by at output {@code oi} of a box of {@code w} over {@code n}:
   * {@code min(half+oi, w, w+n-half-oi)} (phases 2, 3 and 4 of the running sum).
   */
  private static float[] windowCounts(int n, int w) {
    int half = (w + 2) / 2;
    float[] c = new float[n];
    for (int oi = 0; oi < n; oi++) c[oi] = Math.min(Math.min(half + oi, w), w + n - half - oi);
    return c;
  }

  /**
   * Horizontal box over every row. Four rows run interleaved so that their running sums form four
   * independent dependency chains (the per-row order of operations is untouched). With
   * {@code divide} false the running sums themselves are stored (the caller divides where needed).
   */
  private static void boxRows(float[] in, float[] out, int n, int h, int w, boolean divide) {
    int r = 0;
    for (; r + 4 <= h; r += 4) boxFourRows(in, out, r * n, n, w, divide);
    for (; r < h; r++) {
      if (divide) boxContiguous(in, r * n, out, n, w);
      else sumContiguous(in, r * n, out, n, w);
    }
  }

  private static void boxFourRows(float[] in, float[] out, int o0, int n, int w, boolean divide) {
    int o1 = o0 + n;
    int o2 = o1 + n;
    int o3 = o2 + n;
    int half = (w + 2) / 2;
    float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
    float cnt = 0f;
    int ri = 0;
    int li = 0;
    int oi = 0;
    for (int t = 0; t < half - 1; t++, ri++) {
      s0 += in[o0 + ri];
      s1 += in[o1 + ri];
      s2 += in[o2 + ri];
      s3 += in[o3 + ri];
      cnt++;
    }
    for (int t = 0; t < w - half + 1; t++, ri++, oi++) {
      s0 += in[o0 + ri];
      s1 += in[o1 + ri];
      s2 += in[o2 + ri];
      s3 += in[o3 + ri];
      cnt++;
      put4(out, o0, o1, o2, o3, oi, s0, s1, s2, s3, divide ? cnt : 1f, divide);
    }
    for (int t = 0; t < n - w; t++, ri++, li++, oi++) {
      s0 += in[o0 + ri];
      s0 -= in[o0 + li];
      s1 += in[o1 + ri];
      s1 -= in[o1 + li];
      s2 += in[o2 + ri];
      s2 -= in[o2 + li];
      s3 += in[o3 + ri];
      s3 -= in[o3 + li];
      put4(out, o0, o1, o2, o3, oi, s0, s1, s2, s3, cnt, divide);
    }
    for (int t = 0; t < half - 1; t++, li++, oi++) {
      s0 -= in[o0 + li];
      s1 -= in[o1 + li];
      s2 -= in[o2 + li];
      s3 -= in[o3 + li];
      cnt--;
      put4(out, o0, o1, o2, o3, oi, s0, s1, s2, s3, cnt, divide);
    }
  }

  private static void put4(float[] out, int o0, int o1, int o2, int o3, int oi, float s0, float s1, float s2, float s3,
      float cnt, boolean divide) {
    if (divide) {
      out[o0 + oi] = s0 / cnt;
      out[o1 + oi] = s1 / cnt;
      out[o2 + oi] = s2 / cnt;
      out[o3 + oi] = s3 / cnt;
    } else {
      out[o0 + oi] = s0;
      out[o1 + oi] = s1;
      out[o2 + oi] = s2;
      out[o3 + oi] = s3;
    }
  }

  /** {@link #boxContiguous} storing the running sums instead of the means. */
  private static void sumContiguous(float[] in, int off, float[] out, int n, int w) {
    int half = (w + 2) / 2;
    int ri = off;
    int li = off;
    int oi = off;
    float sum = 0f;
    for (int t = 0; t < half - 1; t++) sum += in[ri++];
    for (int t = 0; t < w - half + 1; t++) {
      sum += in[ri++];
      out[oi++] = sum;
    }
    for (int t = 0; t < n - w; t++) {
      sum += in[ri++];
      sum -= in[li++];
      out[oi++] = sum;
    }
    for (int t = 0; t < half - 1; t++) {
      sum -= in[li++];
      out[oi++] = sum;
    }
  }

  /** Reference box1DFloat along one contiguous row. */
  private static void boxContiguous(float[] in, int off, float[] out, int n, int w) {
    int half = (w + 2) / 2;
    int ri = off;
    int li = off;
    int oi = off;
    float sum = 0f;
    float cnt = 0f;
    for (int t = 0; t < half - 1; t++) {
      sum += in[ri++];
      cnt++;
    }
    for (int t = 0; t < w - half + 1; t++) {
      sum += in[ri++];
      cnt++;
      out[oi++] = sum / cnt;
    }
    for (int t = 0; t < n - w; t++) {
      sum += in[ri++];
      sum -= in[li++];
      out[oi++] = sum / cnt;
    }
    for (int t = 0; t < half - 1; t++) {
      sum -= in[li++];
      cnt--;
      out[oi++] = sum / cnt;
    }
  }

  /**
   * Reference box1DFloat down every column at once. With {@code rowIdx} null the full output goes
   * to {@code out}; otherwise only the decimated 64×64 samples are written to {@link #a64}.
   */
  private void boxColumns(float[] in, float[] out, int w, int h, int win, int[] rowIdx, int[] colIdx) {
    float[] s = sums;
    java.util.Arrays.fill(s, 0, w, 0f);
    int half = (win + 2) / 2;
    int ri = 0;
    int li = 0;
    int oi = 0;
    float cnt = 0f;
    for (int t = 0; t < half - 1; t++) {
      addRow(s, in, (ri++) * w, w);
      cnt++;
    }
    for (int t = 0; t < win - half + 1; t++) {
      addRow(s, in, (ri++) * w, w);
      cnt++;
      emit(s, out, oi++, cnt, w, rowIdx, colIdx);
    }
    for (int t = 0; t < h - win; t++) {
      addRow(s, in, (ri++) * w, w);
      subRow(s, in, (li++) * w, w);
      emit(s, out, oi++, cnt, w, rowIdx, colIdx);
    }
    for (int t = 0; t < half - 1; t++) {
      subRow(s, in, (li++) * w, w);
      cnt--;
      emit(s, out, oi++, cnt, w, rowIdx, colIdx);
    }
  }

  private static void addRow(float[] s, float[] in, int off, int w) {
    for (int c = 0; c < w; c++) s[c] += in[off + c];
  }

  private static void subRow(float[] s, float[] in, int off, int w) {
    for (int c = 0; c < w; c++) s[c] -= in[off + c];
  }

  private void emit(float[] s, float[] out, int row, float cnt, int w, int[] rowIdx, int[] colIdx) {
    if (rowIdx == null) {
      int off = row * w;
      for (int c = 0; c < w; c++) out[off + c] = s[c] / cnt;
      return;
    }
    for (int i = 0; i < 64; i++) {
      if (rowIdx[i] != row) continue;
      for (int j = 0; j < 64; j++) a64[i * 64 + j] = s[colIdx[j]] / cnt;
    }
  }

  private int quality() {
    float[] a = a64;
    int g = 0;
    for (int i = 0; i < 63; i++) {
      for (int j = 0; j < 64; j++) {
        int d = (int) ((a[i * 64 + j] - a[(i + 1) * 64 + j]) * 100 / 255);
        g += Math.abs(d);
      }
    }
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 63; j++) {
        int d = (int) ((a[i * 64 + j] - a[i * 64 + j + 1]) * 100 / 255);
        g += Math.abs(d);
      }
    }
    return Math.min(100, g / 90);
  }

  /** T = D·A then B = T·Dᵀ, f32 accumulators with k ascending, as the reference. */
  private float[] dct64() {
    float[] t = t16x64;
    java.util.Arrays.fill(t, 0f);
    for (int i = 0; i < 16; i++) {
      int ti = i * 64;
      for (int k = 0; k < 64; k++) {
        float d = DCT[i * 64 + k];
        int ak = k * 64;
        for (int j = 0; j < 64; j++) t[ti + j] += d * a64[ak + j];
      }
    }
    float[] b = new float[256];
    for (int i = 0; i < 16; i++) {
      for (int k = 0; k < 64; k++) {
        float tv = t[i * 64 + k];
        int dk = k * 16;
        for (int j = 0; j < 16; j++) b[i * 16 + j] += tv * DCT_T[dk + j];
      }
    }
    return b;
  }

  /** Thresholds a 16×16 DCT at its lower median (index 127 of the ascending order). */
  public static int[] threshold(float[] b) {
    float[] sorted = b.clone();
    java.util.Arrays.sort(sorted);
    float m = sorted[127];
    int[] words = new int[16];
    for (int i = 0; i < 16; i++) {
      int word = 0;
      for (int j = 0; j < 16; j++) if (b[i * 16 + j] > m) word |= 1 << j;
      words[i] = word;
    }
    return words;
  }

  /** The eight dihedral DCTs in reference order (original, rot90, rot180, rot270, flipX, flipY, flip+1, flip−1). */
  public static float[][] dihedral(float[] b) {
    float[][] out = new float[8][256];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float v = b[i * 16 + j];
        boolean iOdd = (i & 1) != 0;
        boolean jOdd = (j & 1) != 0;
        boolean sumOdd = ((i + j) & 1) != 0;
        out[0][i * 16 + j] = v;
        out[1][j * 16 + i] = jOdd ? v : -v;
        out[2][i * 16 + j] = sumOdd ? -v : v;
        out[3][j * 16 + i] = iOdd ? v : -v;
        out[4][i * 16 + j] = iOdd ? v : -v;
        out[5][i * 16 + j] = jOdd ? v : -v;
        out[6][j * 16 + i] = v;
        out[7][j * 16 + i] = sumOdd ? -v : v;
      }
    }
    return out;
  }
}
