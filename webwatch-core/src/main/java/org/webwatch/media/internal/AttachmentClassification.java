package org.webwatch.media.internal;

import java.util.List;
import org.webwatch.media.HashType;
import org.webwatch.media.KnownMedia;
import org.webwatch.media.MediaMatch;
import org.webwatch.media.PdqHash;
import org.webwatch.media.PdqHasher;
import org.webwatch.media.PdqPolicy;
import org.webwatch.model.Attachment;
import org.webwatch.model.MediaResult;
import org.webwatch.model.MediaStatus;

/**
 * Media status of one capture attachment ({@code outputs.md}, media.csv): {@code unhashed} when it
 * has no hash; {@code known-exact} / {@code known-perceptual} for the best positive match;
 * {@code low-quality} when no exact match and the PDQ quality is below 50; otherwise {@code new}.
 * Negative (allow) sets suppress: an exact allow match suppresses every positive match, a
 * perceptual one suppresses perceptual positives. A file matched only by an allow set is reported
 * as known with category {@value #ALLOWED} so that later stages do not count it as a lead.
 * Malformed hashes in the attachment are ignored, as if absent.
 */
public final class AttachmentClassification {
  public static final String ALLOWED = "allow";

  private AttachmentClassification() {}

  public static MediaResult classify(KnownMedia known, String site, String post, String account, Attachment a) {
    String md5 = valid(HashType.MD5, a.md5());
    String sha1 = valid(HashType.SHA1, a.sha1());
    String sha256 = valid(HashType.SHA256, a.sha256());
    String pdqHex = valid(HashType.PDQ, a.pdq());
    String photodna = valid(HashType.PHOTODNA, a.photodna());
    String key = sha256 != null ? "sha256:" + sha256 : md5 != null ? "md5:" + md5 : pdqHex != null ? "pdq:" + pdqHex
        : sha1 != null ? "sha1:" + sha1 : photodna != null ? "photodna:" + photodna : null;
    if (key == null) return result(site, post, account, a, MediaStatus.UNHASHED, null, null);
    PdqPolicy policy = PdqPolicy.DEFAULT;
    try {
      policy = PdqPolicy.fromCode(a.pdqPolicy());
    } catch (RuntimeException unknownPolicy) {
      // an unknown policy name from a collector: match anyway, reported under the default
    }
    List<MediaMatch> all = known.match(md5, sha1, sha256, photodna, pdqHex == null ? null : PdqHash.parse(pdqHex),
        a.pdqQuality(), policy, List.of());
    boolean exactAllow = all.stream().anyMatch(m -> m.negative() && m.exact());
    boolean anyAllow = all.stream().anyMatch(MediaMatch::negative);
    for (MediaMatch m : all) { // best first
      if (m.negative()) continue;
      if (exactAllow || (anyAllow && !m.exact())) continue;
      return result(site, post, account, a, m.exact() ? MediaStatus.KNOWN_EXACT : MediaStatus.KNOWN_PERCEPTUAL, m, key);
    }
    if (anyAllow) {
      MediaMatch m = all.stream().filter(MediaMatch::negative).findFirst().orElseThrow();
      MediaMatch allowed = new MediaMatch(m.set(), m.entry(), m.method(), m.distance(), m.policy(), ALLOWED,
          m.series(), m.source(), true);
      return result(site, post, account, a, m.exact() ? MediaStatus.KNOWN_EXACT : MediaStatus.KNOWN_PERCEPTUAL, allowed, key);
    }
    boolean lowQuality = pdqHex != null && a.pdqQuality() != null && a.pdqQuality() < PdqHasher.MIN_MATCH_QUALITY;
    return result(site, post, account, a, lowQuality ? MediaStatus.LOW_QUALITY : MediaStatus.NEW, null, key);
  }

  private static MediaResult result(String site, String post, String account, Attachment a, MediaStatus status,
      MediaMatch m, String key) {
    if (m == null) return new MediaResult(site, post, account, a.id(), status, null, null, null, null, null, key);
    return new MediaResult(site, post, account, a.id(), status, m.source(), m.category(), m.set() + "/" + m.entry(),
        m.exact() ? null : m.distance(), m.method(), key);
  }

  private static String valid(HashType t, String v) {
    return v != null && t.isValid(v) ? t.normalize(v) : null;
  }
}
