package org.webwatch.triage.fakes;

import java.util.Map;
import org.webwatch.media.MediaClassifier;
import org.webwatch.model.Attachment;
import org.webwatch.model.MediaResult;
import org.webwatch.model.MediaStatus;

/** Test fake: sha256 in the known map (value = category) is known-exact; no hash is unhashed; else new. */
public final class SetMediaClassifier implements MediaClassifier {
  private final Map<String, String> known;

  public SetMediaClassifier(Map<String, String> known) {
    this.known = Map.copyOf(known);
  }

  @Override
  public MediaResult classify(String site, String post, String account, Attachment a) {
    if (!a.hasAnyHash()) return new MediaResult(site, post, account, a.id(), MediaStatus.UNHASHED, null, null, null, null, null, null);
    String cat = known.get(a.sha256());
    if (cat != null)
      return new MediaResult(site, post, account, a.id(), MediaStatus.KNOWN_EXACT, "testset", cat, "e-" + a.sha256(), null,
          "sha256", "sha256:" + a.sha256());
    return new MediaResult(site, post, account, a.id(), MediaStatus.NEW, null, null, null, null, null, "sha256:" + a.sha256());
  }
}
