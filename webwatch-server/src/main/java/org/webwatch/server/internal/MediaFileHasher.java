package org.webwatch.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.webwatch.media.ImageDecoder;
import org.webwatch.media.MediaDecodeException;
import org.webwatch.media.PdqHasher;
import org.webwatch.media.PdqPolicy;
import org.webwatch.media.PdqResult;
import org.webwatch.server.FileHasher;

/**
 * Hashes an upload in memory: MD5/SHA-1/SHA-256 of the bytes and, when it decodes as an image,
 * its PDQ hash (full policy) and quality. The bytes and the decoded raster are dropped when the
 * call returns; nothing is written anywhere.
 */
public final class MediaFileHasher implements FileHasher {
  private final DigestFileHasher digests = new DigestFileHasher();
  private final ImageDecoder decoder = new ImageDecoder();
  private final PdqHasher pdq = new PdqHasher();

  @Override
  public Map<String, String> hash(byte[] content) {
    Map<String, String> out = new LinkedHashMap<>(digests.hash(content));
    try {
      PdqResult r = pdq.hash(decoder.decode(content, "upload"), PdqPolicy.FULL, false);
      out.put("pdq", r.hash().toHex());
      out.put("pdq_quality", Integer.toString(r.quality()));
    } catch (MediaDecodeException e) {
      // Not an image this build decodes: the digests still identify it exactly.
    }
    return out;
  }
}
