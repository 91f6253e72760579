package org.webwatch.media.internal;

/**
 * The PDQ hashing core on a float luma plane, bit-exact with the ThreatExchange Java and C++
 * reference (spec: {@code shared/reference/pdq-algorithm.md}, from {@code pdqhashing.cpp} and
 * {@code PDQHasher.java}): two Jarosz passes of 1-D box filters, decimation to 64×64, gradient
 * quality, partial DCT to 16×16, lower-median threshold, optional 8 dihedral variants.
 *
 * <p>Every float operation happens in the reference order (no FMA; Java never fuses). The blur and
 * decimation stream through the image once ({@link FusedJaroszBlur}); speed comes from loop order
 * and locality only. Complexity O(W·H) time; O(W) floats of scratch per row of the blur window,
 * reused across calls. Not thread-safe: one instance per thread.
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

  private final FusedJaroszBlur blur = new FusedJaroszBlur();
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
   * {@code w}; not modified). Returns null when the image is below the minimum hashable size (the
   * caller emits the zero hash with quality 0).
   */
  public Dct dct(float[] luma, int w, int h) {
    if (w < MIN_HASHABLE_DIM || h < MIN_HASHABLE_DIM) return null;
    if (luma.length < (long) w * h) throw new IllegalArgumentException("luma plane too small");
    return dct((r, out, off) -> System.arraycopy(luma, r * w, out, off, w), w, h);
  }

  /**
   * Runs blur, decimation, quality and DCT on the {@code w}×{@code h} luma image that {@code rows}
   * delivers row by row (see {@link FusedJaroszBlur}). Returns null below the minimum hashable size.
   */
  public Dct dct(FusedJaroszBlur.LumaRows rows, int w, int h) {
    if (w < MIN_HASHABLE_DIM || h < MIN_HASHABLE_DIM) return null;
    blur.blurDecimate(rows, w, h, a64);
    return new Dct(dct64(), quality());
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
