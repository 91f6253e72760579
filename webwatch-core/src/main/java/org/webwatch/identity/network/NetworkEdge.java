package org.webwatch.identity.network;

/**
 * A directed, weighted interaction between two nodes (account keys {@code site:account}, or
 * person ids) with the count of each kind of interaction behind it. {@code weight} is the sum
 * of counts times the per-kind weights of {@link GraphNetworkAnalyzer}.
 */
public record NetworkEdge(
    String from,
    String to,
    double weight,
    int replies,
    int quotes,
    int messages,
    int threadStarts,
    int sharedThreads,
    int encouragements) {}
