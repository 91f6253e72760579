package org.webwatch.media;

/**
 * The eight dihedral variants of a PDQ hash, in the reference order ({@code pdq-algorithm.md}
 * §9). They are derived from the DCT, not by transforming pixels, and are therefore close to but
 * not exactly the hash of the transformed image.
 */
public enum Dihedral {
  ORIGINAL,
  ROTATE90,
  ROTATE180,
  ROTATE270,
  FLIPX,
  FLIPY,
  FLIPPLUS1,
  FLIPMINUS1
}
