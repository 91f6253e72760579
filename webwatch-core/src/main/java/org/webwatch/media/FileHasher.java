package org.webwatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes files: MD5, SHA-1 and SHA-256 streamed in one pass over any file, then PDQ for files
 * that decode as images. Hash and forget: no byte is kept beyond the read buffer and the decoded
 * raster of the moment. Never throws for a bad file: problems become the {@code error} of its
 * {@link FileHashes} (a batch never aborts). Thread-safe.
 */
public final class FileHasher {
  private static final int BUFFER = 1 << 16;
  private final ImageDecoder decoder;
  private final PdqHasher pdq = new PdqHasher();
  private final PdqPolicy policy;
  private final boolean dihedral;

  public FileHasher(PdqPolicy policy, boolean dihedral, ImageDecoder decoder) {
    if (policy == null || decoder == null) throw new IllegalArgumentException("policy and decoder are required");
    this.policy = policy;
    this.dihedral = dihedral;
    this.decoder = decoder;
  }

  public FileHashes hash(Path file) {
    long size;
    String md5;
    String sha1;
    String sha256;
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest dMd5 = MessageDigest.getInstance("MD5");
      MessageDigest dSha1 = MessageDigest.getInstance("SHA-1");
      MessageDigest dSha256 = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[BUFFER];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        dMd5.update(buf, 0, n);
        dSha1.update(buf, 0, n);
        dSha256.update(buf, 0, n);
        total += n;
      }
      size = total;
      HexFormat hex = HexFormat.of();
      md5 = hex.formatHex(dMd5.digest());
      sha1 = hex.formatHex(dSha1.digest());
      sha256 = hex.formatHex(dSha256.digest());
    } catch (IOException e) {
      return new FileHashes(file, -1, null, null, null, null, "io-error: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks a standard digest", e);
    }
    try {
      PdqResult r = pdq.hash(decoder.decode(file), policy, dihedral);
      return new FileHashes(file, size, md5, sha1, sha256, r, null);
    } catch (MediaDecodeException e) {
      return new FileHashes(file, size, md5, sha1, sha256, null, e.reason().code + ": " + e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      return new FileHashes(file, size, md5, sha1, sha256, null, "corrupt: " + e);
    }
  }
}
