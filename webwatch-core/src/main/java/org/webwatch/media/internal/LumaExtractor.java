package org.webwatch.media.internal;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import org.webwatch.media.PdqPolicy;

/**
 * Turns a decoded image into the f32 luma plane PDQ hashes ({@code pdq-algorithm.md} §1–2).
 * Colour images use the sRGB values {@code getRGB} reports (what the Java reference reads);
 * greyscale images (grey or grey+alpha, not palette) use the raw sample as luma, because
 * {@code getRGB} on grey adds a colour-space conversion that moves the hash 14–26 bits. 16-bit
 * grey uses the high byte. Alpha is ignored. Under {@link PdqPolicy#NN512} images with a side over
 * 512 are sampled to exactly 512×512 by nearest neighbour ({@code src = floor(dst·size/512)}).
 * For the standard sRGB layouts ImageIO decodes to, the same values are read straight from the
 * data buffer (no {@code getRGB}), and only sampled pixels are converted. Rows are produced on
 * demand ({@link #rows}) so the hasher never holds a whole luma plane. Cost O(pixels read).
 */
public final class LumaExtractor {
  public static final int NN512_SIZE = 512;

  /** A luma plane with its dimensions. */
  public record Plane(float[] luma, int width, int height) {}

  private LumaExtractor() {}

  /** A luma image delivered row by row, in the policy's geometry. */
  public record Rows(FusedJaroszBlur.LumaRows rows, int width, int height) {}

  /** The whole luma plane at once (tests, pixel transforms); hashing streams {@link #rows}. */
  public static Plane extract(BufferedImage img, PdqPolicy policy) {
    Rows src = rows(img, policy);
    int w = src.width();
    float[] luma = new float[w * src.height()];
    for (int r = 0; r < src.height(); r++) src.rows().read(r, luma, r * w);
    return new Plane(luma, w, src.height());
  }

  /**
   * The luma rows of {@code img} under {@code policy}. Nearest-neighbour sampling converts only the
   * sampled pixels. The reader may keep a one-row buffer, so it belongs to one thread.
   */
  public static Rows rows(BufferedImage img, PdqPolicy policy) {
    int w = img.getWidth();
    int h = img.getHeight();
    RowReader reader = rowReader(img);
    if (policy != PdqPolicy.NN512 || (w <= NN512_SIZE && h <= NN512_SIZE)) {
      return new Rows((r, out, off) -> reader.read(r, null, out, off, w), w, h);
    }
    int[] rowMap = nnMap(h);
    int[] colMap = nnMap(w);
    return new Rows((r, out, off) -> reader.read(rowMap[r], colMap, out, off, NN512_SIZE), NN512_SIZE, NN512_SIZE);
  }

  private static int[] nnMap(int size) {
    int[] m = new int[NN512_SIZE];
    for (int i = 0; i < NN512_SIZE; i++) m[i] = (int) ((long) i * size / NN512_SIZE);
    return m;
  }

  /**
   * Writes the luma of {@code n} pixels of source row {@code row} into {@code out} at {@code off}:
   * columns {@code 0..n-1}, or {@code cols[0..n-1]} when {@code cols} is not null.
   */
  private interface RowReader {
    void read(int row, int[] cols, float[] out, int off, int n);
  }

  /** True for grey or grey+alpha images that are not palette-based. */
  public static boolean isRawGrey(BufferedImage img) {
    ColorModel cm = img.getColorModel();
    if (cm instanceof IndexColorModel) return false;
    if (cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY) return false;
    int bands = img.getRaster().getNumBands();
    return bands == 1 || bands == 2;
  }

  /** {@code LUMA_*[v]} = the f32 product coefficient·v, so a table sum is {@link PdqCore#luma} exactly. */
  private static final float[] LUMA_R = new float[256];
  private static final float[] LUMA_G = new float[256];
  private static final float[] LUMA_B = new float[256];

  static {
    for (int v = 0; v < 256; v++) {
      LUMA_R[v] = PdqCore.luma(v, 0, 0);
      LUMA_G[v] = PdqCore.luma(0, v, 0);
      LUMA_B[v] = PdqCore.luma(0, 0, v);
    }
  }

  /**
   * Reads pixels straight from the data buffer for the standard sRGB layouts ImageIO decodes to
   * (where {@code getRGB} returns the stored bytes unchanged), otherwise through {@code getRGB}.
   */
  private static RowReader rowReader(BufferedImage img) {
    int w = img.getWidth();
    WritableRaster raster = img.getRaster();
    if (isRawGrey(img)) {
      int bits = img.getColorModel().getComponentSize(0);
      int[] samples = new int[w];
      return (row, cols, out, off, n) -> {
        raster.getSamples(0, row, w, 1, 0, samples);
        for (int c = 0; c < n; c++) out[off + c] = (float) scaleTo8(samples[cols == null ? c : cols[c]], bits);
      };
    }
    int type = img.getType();
    boolean topLevel = raster.getParent() == null && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0;
    if (topLevel && (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR)
        && raster.getDataBuffer() instanceof DataBufferByte db && raster.getSampleModel() instanceof ComponentSampleModel sm) {
      return bytePixels(db.getData(), db.getOffset(), sm);
    }
    if (topLevel && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
        && raster.getDataBuffer() instanceof DataBufferInt db && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm) {
      int[] data = db.getData();
      int base = db.getOffset();
      int stride = sm.getScanlineStride();
      return (row, cols, out, off, n) -> {
        int p = base + row * stride;
        for (int c = 0; c < n; c++) {
          int v = data[p + (cols == null ? c : cols[c])];
          out[off + c] = LUMA_R[(v >> 16) & 0xff] + LUMA_G[(v >> 8) & 0xff] + LUMA_B[v & 0xff];
        }
      };
    }
    int[] rgb = new int[w];
    return (row, cols, out, off, n) -> {
      img.getRGB(0, row, w, 1, rgb, 0, w);
      for (int c = 0; c < n; c++) {
        int v = rgb[cols == null ? c : cols[c]];
        out[off + c] = LUMA_R[(v >> 16) & 0xff] + LUMA_G[(v >> 8) & 0xff] + LUMA_B[v & 0xff];
      }
    };
  }

  /** Interleaved 8-bit R, G, B (raster bands 0, 1, 2) at the sample model's offsets. */
  private static RowReader bytePixels(byte[] data, int base, ComponentSampleModel sm) {
    int stride = sm.getScanlineStride();
    int ps = sm.getPixelStride();
    int[] bo = sm.getBandOffsets();
    int ro = base + bo[0];
    int go = base + bo[1];
    int bOff = base + bo[2];
    return (row, cols, out, off, n) -> {
      int rp = ro + row * stride;
      int gp = go + row * stride;
      int bp = bOff + row * stride;
      if (cols == null) {
        for (int c = 0, q = 0; c < n; c++, q += ps) {
          out[off + c] = LUMA_R[data[rp + q] & 0xff] + LUMA_G[data[gp + q] & 0xff] + LUMA_B[data[bp + q] & 0xff];
        }
      } else {
        for (int c = 0; c < n; c++) {
          int q = cols[c] * ps;
          out[off + c] = LUMA_R[data[rp + q] & 0xff] + LUMA_G[data[gp + q] & 0xff] + LUMA_B[data[bp + q] & 0xff];
        }
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
