package org.webwatch.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.webwatch.media.PdqPolicy;

/**
 * The direct data-buffer readers must give exactly the luma of {@code getRGB} (what the Java
 * reference reads), for every layout they handle and under both policies.
 */
class LumaExtractorTest {
  private static final int[] TYPES = {
    BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
    BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_USHORT_565_RGB,
  };

  @Test
  void directReadersEqualGetRgbLuma() {
    Random rnd = new Random(3);
    for (int type : TYPES) {
      for (int[] size : new int[][] {{37, 23}, {700, 530}}) {
        BufferedImage img = new BufferedImage(size[0], size[1], type);
        for (int y = 0; y < size[1]; y++) {
          for (int x = 0; x < size[0]; x++) img.setRGB(x, y, rnd.nextInt());
        }
        for (PdqPolicy policy : PdqPolicy.values()) {
          LumaExtractor.Plane p = LumaExtractor.extract(img, policy);
          float[] expected = viaGetRgb(img, policy);
          assertThat(p.luma()).as("type %d %dx%d %s", type, size[0], size[1], policy).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void subimageIsReadWithItsOwnOrigin() {
    BufferedImage img = new BufferedImage(50, 40, BufferedImage.TYPE_3BYTE_BGR);
    Random rnd = new Random(5);
    for (int y = 0; y < 40; y++) for (int x = 0; x < 50; x++) img.setRGB(x, y, rnd.nextInt());
    BufferedImage sub = img.getSubimage(7, 9, 30, 20);
    assertThat(LumaExtractor.extract(sub, PdqPolicy.FULL).luma()).isEqualTo(viaGetRgb(sub, PdqPolicy.FULL));
  }

  private static float[] viaGetRgb(BufferedImage img, PdqPolicy policy) {
    int w = img.getWidth();
    int h = img.getHeight();
    boolean nn = policy == PdqPolicy.NN512 && (w > 512 || h > 512);
    int ow = nn ? 512 : w;
    int oh = nn ? 512 : h;
    float[] out = new float[ow * oh];
    for (int r = 0; r < oh; r++) {
      for (int c = 0; c < ow; c++) {
        int v = img.getRGB(nn ? (int) ((long) c * w / 512) : c, nn ? (int) ((long) r * h / 512) : r);
        out[r * ow + c] = PdqCore.luma((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
      }
    }
    return out;
  }
}
