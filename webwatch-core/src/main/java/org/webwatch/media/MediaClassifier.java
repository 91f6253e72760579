package org.webwatch.media;

import org.webwatch.model.Attachment;
import org.webwatch.model.MediaResult;

/**
 * Decides the status of one capture attachment against the loaded hash sets: known-exact,
 * known-perceptual, new, low-quality or unhashed ({@code shared/spec/outputs.md}, media.csv).
 * Thread-safe.
 */
public interface MediaClassifier {
  MediaResult classify(String site, String post, String account, Attachment attachment);
}
