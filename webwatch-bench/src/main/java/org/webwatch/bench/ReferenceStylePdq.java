package org.webwatch.bench;

import java.awt.image.BufferedImage;
import org.webwatch.media.internal.ReferenceJaroszBlur;

/**
 * Baseline for the benchmark ratio: the PDQ pipeline written the way the ThreatExchange Java
 * reference structures it (per-pixel getRGB, then {@link ReferenceJaroszBlur}: strided column box passes over the full
 * image, full 2-pass output), with the same arithmetic. Not used by Webwatch; it only gives the ratio.
 */
final class ReferenceStylePdq {
  private ReferenceStylePdq() {}

  static float[] dctInput(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    float[] b1 = new float[w * h];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        int rgb = img.getRGB(j, i);
        b1[i * w + j] = 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
      }
    }
    return ReferenceJaroszBlur.blurDecimate(b1, w, h);
  }
}
