package org.webwatch.server;

/**
 * One answer to a hash lookup.
 *
 * @param set the hash set (HMA "bank") or {@code capture} when the hash was seen in a capture
 * @param entry the entry id within the set (or {@code site/attachment} for captures)
 * @param signalType md5, sha256, pdq …
 * @param signal the matching stored hash
 * @param distance Hamming distance for perceptual hashes, 0 for exact
 * @param category category of the entry (empty when unknown)
 * @param policy what to do on a match (e.g. {@code known}, {@code review}); empty when unknown
 * @param method matcher name and version
 */
public record HashMatch(String set, String entry, String signalType, String signal, int distance, String category,
    String policy, String method) {}
