package org.webwatch.identity.network;

import java.util.List;

/**
 * The neighbourhood of one node within {@code hops} hops (undirected), at most the node cap of
 * the query; {@code truncated} says the cap cut it. Nodes are sorted, centre first; edges are
 * those among the returned nodes.
 */
public record EgoNetwork(String centre, int hops, List<String> nodes, List<NetworkEdge> edges, boolean truncated) {}
