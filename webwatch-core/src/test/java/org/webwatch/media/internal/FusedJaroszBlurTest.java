package org.webwatch.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused streaming blur against the reference written plainly as whole-image passes
 * ({@code pdq-algorithm.md} §3–4): every decimated sample must have the same bits, for shapes that
 * hit each edge of the streaming schedule (fewer rows than a batch, partial last batch, even and odd
 * windows, windows wider than half the ring, fewer than 64 rows or columns).
 */
class FusedJaroszBlurTest {
  private static final int[][] SHAPES = {
    {5, 5}, {5, 7}, {7, 5}, {6, 300}, {300, 6}, {64, 64}, {63, 65}, {129, 257}, {257, 129},
    {1000, 9}, {17, 1030}, {640, 480}, {513, 771}, {1600, 1004}, {255, 256},
  };

  @Test
  void matchesWholeImageReferenceBitForBit() {
    Random rnd = new Random(42);
    FusedJaroszBlur blur = new FusedJaroszBlur();
    for (int[] s : SHAPES) {
      int w = s[0];
      int h = s[1];
      float[] luma = new float[w * h];
      for (int i = 0; i < luma.length; i++) luma[i] = PdqCore.luma(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
      float[] expected = ReferenceJaroszBlur.blurDecimate(luma, w, h);
      float[] got = new float[64 * 64];
      blur.blurDecimate((r, out, off) -> System.arraycopy(luma, r * w, out, off, w), w, h, got);
      for (int i = 0; i < 64 * 64; i++) {
        assertThat(Float.floatToRawIntBits(got[i])).as("%dx%d sample %d", w, h, i)
            .isEqualTo(Float.floatToRawIntBits(expected[i]));
      }
    }
  }

  @Test
  void readsEveryRowOnceInOrderAndReusesScratchAcrossSizes() {
    FusedJaroszBlur blur = new FusedJaroszBlur();
    float[] a = new float[64 * 64];
    int[] next = {0};
    blur.blurDecimate((r, out, off) -> {
      assertThat(r).isEqualTo(next[0]++);
      java.util.Arrays.fill(out, off, off + 40, r);
    }, 40, 37, a);
    assertThat(next[0]).isEqualTo(37);
    // a constant image blurs to itself: the scratch of a larger earlier call must not leak in
    blur.blurDecimate((r, out, off) -> java.util.Arrays.fill(out, off, off + 900, 0f), 900, 700, a);
    blur.blurDecimate((r, out, off) -> java.util.Arrays.fill(out, off, off + 20, 7f), 20, 11, a);
    for (float v : a) assertThat(v).isEqualTo(7f);
  }

  @Test
  void rejectsEmptyImage() {
    assertThatThrownBy(() -> new FusedJaroszBlur().blurDecimate((r, o, f) -> {}, 0, 5, new float[4096]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
