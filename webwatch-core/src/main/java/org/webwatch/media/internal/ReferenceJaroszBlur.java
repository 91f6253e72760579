package org.webwatch.media.internal;

/**
 * The PDQ blur and decimation structured as the reference implementations write it
 * ({@code ../shared/reference/pdq-algorithm.md}): two iterations of a full horizontal box pass and
 * a full (strided) vertical box pass over whole-image buffers, then 64×64 decimation. Slow on
 * purpose; it is the oracle {@link FusedJaroszBlur} is tested against bit for bit and the
 * benchmarks' baseline. Not used to hash. O(w·h) time, 2·w·h floats.
 */
public final class ReferenceJaroszBlur {
  private ReferenceJaroszBlur() {}

  /** Blurs a copy of row-major {@code luma} ({@code w×h}) and returns the 64×64 decimated samples. */
  public static float[] blurDecimate(float[] luma, int w, int h) {
    if (w < 1 || h < 1 || luma.length != w * h) throw new IllegalArgumentException("need w*h luma values for " + w + "x" + h);
    float[] b1 = luma.clone();
    float[] b2 = new float[w * h];
    int wr = (w + 127) / 128;
    int wc = (h + 127) / 128;
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < h; i++) box(b1, i * w, b2, i * w, w, 1, wr);
      for (int j = 0; j < w; j++) box(b2, j, b1, j, h, w, wc);
    }
    float[] a = new float[64 * 64];
    for (int i = 0; i < 64; i++) {
      int ini = (int) (((i + 0.5) * h) / 64);
      for (int j = 0; j < 64; j++) a[i * 64 + j] = b1[ini * w + (int) (((j + 0.5) * w) / 64)];
    }
    return a;
  }

  /** One box pass of window {@code win} along {@code n} values {@code stride} apart (the four reference phases). */
  private static void box(float[] in, int io, float[] out, int oo, int n, int stride, int win) {
    int half = (win + 2) / 2;
    int ri = 0;
    int li = 0;
    int oi = 0;
    float sum = 0;
    float cnt = 0;
    for (int t = 0; t < half - 1; t++, ri += stride) {
      sum += in[io + ri];
      cnt++;
    }
    for (int t = 0; t < win - half + 1; t++, ri += stride, oi += stride) {
      sum += in[io + ri];
      cnt++;
      out[oo + oi] = sum / cnt;
    }
    for (int t = 0; t < n - win; t++, ri += stride, li += stride, oi += stride) {
      sum += in[io + ri];
      sum -= in[io + li];
      out[oo + oi] = sum / cnt;
    }
    for (int t = 0; t < half - 1; t++, li += stride, oi += stride) {
      sum -= in[io + li];
      cnt--;
      out[oo + oi] = sum / cnt;
    }
  }
}
