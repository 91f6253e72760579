package org.webwatch.media;

import java.util.List;

/**
 * The PDQ hash of one image, its quality (0–100), the pre-resize policy that produced it, and
 * (when asked for) the eight dihedral variants in {@link Dihedral} order; otherwise empty.
 */
public record PdqResult(PdqHash hash, int quality, PdqPolicy policy, List<PdqHash> dihedral) {
  public PdqResult {
    if (hash == null || policy == null) throw new IllegalArgumentException("hash and policy are required");
    if (quality < 0 || quality > 100) throw new IllegalArgumentException("quality out of range: " + quality);
    dihedral = dihedral == null ? List.of() : List.copyOf(dihedral);
  }

  public PdqHash variant(Dihedral d) {
    if (dihedral.isEmpty()) throw new IllegalStateException("dihedral variants were not computed");
    return dihedral.get(d.ordinal());
  }
}
