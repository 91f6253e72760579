package org.webwatch.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.webwatch.media.internal.LumaExtractor;
import org.webwatch.media.internal.PdqCore;

/**
 * Computes PDQ hashes bit-exactly as the ThreatExchange reference
 * ({@code shared/reference/pdq-algorithm.md}). Images smaller than 5 pixels on a side get the
 * zero hash with quality 0 (the C++ guard). Thread-safe: each thread uses its own scratch buffers.
 * Cost O(W·H) per image; dihedral variants add a constant 8 thresholdings.
 */
public final class PdqHasher {
  /** Hashes of quality below this are not matched perceptually (python-threatexchange). */
  public static final int MIN_MATCH_QUALITY = 50;

  private static final ThreadLocal<PdqCore> CORE = ThreadLocal.withInitial(PdqCore::new);

  /** Hashes a decoded image under {@code policy}, with the 8 dihedral variants when asked. */
  public PdqResult hash(BufferedImage image, PdqPolicy policy, boolean dihedral) {
    LumaExtractor.Rows rows = LumaExtractor.rows(image, policy);
    return result(CORE.get().dct(rows.rows(), rows.width(), rows.height()), policy, dihedral);
  }

  /**
   * Hashes an f32 luma plane ({@code height} rows of {@code width}, row-major) that is already in
   * the policy's geometry. {@code luma} is not modified.
   */
  public PdqResult hashLuma(float[] luma, int width, int height, PdqPolicy policy, boolean dihedral) {
    return result(CORE.get().dct(luma, width, height), policy, dihedral);
  }

  private static PdqResult result(PdqCore.Dct dct, PdqPolicy policy, boolean dihedral) {
    if (dct == null) {
      List<PdqHash> zeros = new ArrayList<>();
      if (dihedral) for (int i = 0; i < 8; i++) zeros.add(PdqHash.ZERO);
      return new PdqResult(PdqHash.ZERO, 0, policy, zeros);
    }
    PdqHash hash = PdqHash.fromWords(PdqCore.threshold(dct.coefficients()));
    List<PdqHash> variants = new ArrayList<>(dihedral ? 8 : 0);
    if (dihedral) {
      for (float[] b : PdqCore.dihedral(dct.coefficients())) {
        variants.add(PdqHash.fromWords(PdqCore.threshold(b)));
      }
    }
    return new PdqResult(hash, dct.quality(), policy, variants);
  }
}
