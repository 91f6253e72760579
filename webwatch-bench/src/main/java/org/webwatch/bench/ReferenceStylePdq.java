package org.webwatch.bench;

import java.awt.image.BufferedImage;

/**
 * Baseline for the benchmark ratio: the PDQ pipeline written the way the ThreatExchange Java
 * reference structures it (per-pixel getRGB, strided column box passes over the full image, full
 * 2-pass output), with the same arithmetic. Not used by Webwatch; it only gives the ratio.
 */
final class ReferenceStylePdq {
  private ReferenceStylePdq() {}

  static float[] dctInput(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    float[] b1 = new float[w * h];
    float[] b2 = new float[w * h];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        int rgb = img.getRGB(j, i);
        b1[i * w + j] = 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
      }
    }
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
