package org.webwatch.bench;

import java.awt.image.BufferedImage;
import java.util.Random;

/** A benign synthetic raster (gradients, stripes and noise) generated in memory for benchmarks. */
final class SyntheticImage {
  private SyntheticImage() {}

  static BufferedImage rgb(int w, int h, long seed) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Random r = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int red = (x * 255 / w + r.nextInt(16)) & 0xff;
        int green = (int) (127 + 100 * Math.sin(x / 37.0) * Math.cos(y / 53.0)) & 0xff;
        int blue = (y * 255 / h + r.nextInt(16)) & 0xff;
        img.setRGB(x, y, (red << 16) | (green << 8) | blue);
      }
    }
    return img;
  }
}
