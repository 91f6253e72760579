package org.webwatch.identity.network;

import java.util.List;

/** A shortest path (fewest hops, undirected) between two nodes, and the edges along it in order. */
public record NetworkPath(List<String> nodes, List<NetworkEdge> edges) {
  public int hops() {
    return nodes.size() - 1;
  }
}
