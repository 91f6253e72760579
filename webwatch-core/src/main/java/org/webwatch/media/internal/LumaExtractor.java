package org.webwatch.media.internal;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import org.webwatch.media.PdqPolicy;

/**
 * Turns a decoded image into the f32 luma plane PDQ hashes ({@code pdq-algorithm.md} §1–2).
 * Colour images use the sRGB values {@code getRGB} reports (what the Java reference reads);
 * greyscale images (grey or grey+alpha, not palette) use the raw sample as luma, because
 * {@code getRGB} on grey adds a colour-space conversion that moves the hash 14–26 bits. 16-bit
 * grey uses the high byte. Alpha is ignored. Under {@link PdqPolicy#NN512} images with a side over
 * 512 are sampled to exactly 512×512 by nearest neighbour ({@code src = floor(dst·size/512)}).
 */
public final class LumaExtractor {
  public static final int NN512_SIZE = 512;

  /** A luma plane with its dimensions. */
  public record Plane(float[] luma, int width, int height) {}

  private LumaExtractor() {}

  public static Plane extract(BufferedImage img, PdqPolicy policy) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] rowMap = null;
    int[] colMap = null;
    int ow = w;
    int oh = h;
    if (policy == PdqPolicy.NN512 && (w > NN512_SIZE || h > NN512_SIZE)) {
      ow = NN512_SIZE;
      oh = NN512_SIZE;
      rowMap = nnMap(h);
      colMap = nnMap(w);
    }
    float[] luma = new float[ow * oh];
    float[] row = new float[w];
    RowReader reader = rowReader(img);
    for (int r = 0; r < oh; r++) {
      int sr = rowMap == null ? r : rowMap[r];
      if (colMap == null) {
        reader.read(sr, luma, r * ow);
      } else {
        reader.read(sr, row, 0);
        for (int c = 0; c < ow; c++) luma[r * ow + c] = row[colMap[c]];
      }
    }
    return new Plane(luma, ow, oh);
  }

  private static int[] nnMap(int size) {
    int[] m = new int[NN512_SIZE];
    for (int i = 0; i < NN512_SIZE; i++) m[i] = (int) ((long) i * size / NN512_SIZE);
    return m;
  }

  /** Writes the luma of one source row (full width) into {@code out} at {@code off}. */
  private interface RowReader {
    void read(int row, float[] out, int off);
  }

  /** True for grey or grey+alpha images that are not palette-based. */
  public static boolean isRawGrey(BufferedImage img) {
    ColorModel cm = img.getColorModel();
    if (cm instanceof IndexColorModel) return false;
    if (cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY) return false;
    int bands = img.getRaster().getNumBands();
    return bands == 1 || bands == 2;
  }

  private static RowReader rowReader(BufferedImage img) {
    int w = img.getWidth();
    if (isRawGrey(img)) {
      Raster raster = img.getRaster();
      int bits = img.getColorModel().getComponentSize(0);
      int[] samples = new int[w];
      return (row, out, off) -> {
        raster.getSamples(0, row, w, 1, 0, samples);
        for (int c = 0; c < w; c++) out[off + c] = (float) scaleTo8(samples[c], bits);
      };
    }
    if (img.getType() == BufferedImage.TYPE_3BYTE_BGR && img.getRaster().getDataBuffer() instanceof DataBufferByte db
        && img.getRaster().getParent() == null) {
      byte[] data = db.getData();
      int stride = w * 3;
      return (row, out, off) -> {
        int p = row * stride;
        for (int c = 0; c < w; c++, p += 3) {
          out[off + c] = PdqCore.luma(data[p + 2] & 0xff, data[p + 1] & 0xff, data[p] & 0xff);
        }
      };
    }
    int[] rgb = new int[w];
    return (row, out, off) -> {
      img.getRGB(0, row, w, 1, rgb, 0, w);
      for (int c = 0; c < w; c++) {
        int v = rgb[c];
        out[off + c] = PdqCore.luma((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
      }
    };
  }

  private static int scaleTo8(int sample, int bits) {
    if (bits == 8) return sample;
    if (bits > 8) return sample >>> (bits - 8);
    int max = (1 << bits) - 1;
    return (sample * 255 + max / 2) / max;
  }
}
