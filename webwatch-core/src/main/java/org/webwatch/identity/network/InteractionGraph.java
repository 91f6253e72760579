package org.webwatch.identity.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.webwatch.WebwatchException;

/**
 * An immutable interaction graph (account level or person level) for the web application:
 * ego networks and shortest paths. Neighbour order is by edge weight descending, then id, so
 * answers are deterministic. Ego: BFS, O(nodes + edges visited); path: BFS, O(V + E).
 */
public final class InteractionGraph {
  /** Default and maximum node cap of an ego network. */
  public static final int DEFAULT_EGO_NODES = 200;
  public static final int MAX_EGO_NODES = 5000;
  public static final int MAX_HOPS = 6;

  private final Map<String, Map<String, NetworkEdge>> out;
  private final Map<String, List<String>> neighbours;

  InteractionGraph(List<NetworkEdge> edges, Set<String> nodes) {
    Map<String, Map<String, NetworkEdge>> o = new TreeMap<>();
    Map<String, Map<String, Double>> undirected = new HashMap<>();
    for (String n : nodes) {
      o.put(n, new TreeMap<>());
      undirected.put(n, new HashMap<>());
    }
    for (NetworkEdge e : edges) {
      o.computeIfAbsent(e.from(), k -> new TreeMap<>()).put(e.to(), e);
      o.computeIfAbsent(e.to(), k -> new TreeMap<>());
      undirected.computeIfAbsent(e.from(), k -> new HashMap<>()).merge(e.to(), e.weight(), Double::sum);
      undirected.computeIfAbsent(e.to(), k -> new HashMap<>()).merge(e.from(), e.weight(), Double::sum);
    }
    Map<String, List<String>> nb = new HashMap<>();
    undirected.forEach((n, m) -> {
      List<String> l = new ArrayList<>(m.keySet());
      l.sort((x, y) -> {
        int c = Double.compare(m.get(y), m.get(x));
        return c != 0 ? c : x.compareTo(y);
      });
      nb.put(n, Collections.unmodifiableList(l));
    });
    this.out = o;
    this.neighbours = nb;
  }

  public Set<String> nodes() {
    return Collections.unmodifiableSet(out.keySet());
  }

  /** All edges, sorted by (from, to). */
  public List<NetworkEdge> edges() {
    List<NetworkEdge> all = new ArrayList<>();
    out.values().forEach(m -> all.addAll(m.values()));
    return all;
  }

  public Optional<NetworkEdge> edge(String from, String to) {
    Map<String, NetworkEdge> m = out.get(from);
    return Optional.ofNullable(m == null ? null : m.get(to));
  }

  public List<String> neighbours(String node) {
    return neighbours.getOrDefault(node, List.of());
  }

  /** Nodes within {@code hops} of {@code centre} (strongest ties first when the cap cuts). */
  public EgoNetwork ego(String centre, int hops, int maxNodes) {
    requireNode(centre);
    if (hops < 1 || hops > MAX_HOPS) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "hops must be 1.." + MAX_HOPS + ", was " + hops);
    if (maxNodes < 1 || maxNodes > MAX_EGO_NODES) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "maxNodes must be 1.." + MAX_EGO_NODES + ", was " + maxNodes);
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    seen.add(centre);
    List<String> frontier = List.of(centre);
    boolean truncated = false;
    for (int h = 0; h < hops && !frontier.isEmpty() && !truncated; h++) {
      List<String> next = new ArrayList<>();
      for (String n : frontier) {
        for (String m : neighbours(n)) {
          if (seen.contains(m)) continue;
          if (seen.size() >= maxNodes) {
            truncated = true;
            break;
          }
          seen.add(m);
          next.add(m);
        }
        if (truncated) break;
      }
      frontier = next;
    }
    List<String> nodes = new ArrayList<>(seen);
    Collections.sort(nodes.subList(1, nodes.size()));
    List<NetworkEdge> edges = new ArrayList<>();
    Set<String> in = new HashSet<>(nodes);
    for (String n : nodes) for (NetworkEdge e : out.get(n).values()) if (in.contains(e.to())) edges.add(e);
    edges.sort((x, y) -> {
      int c = x.from().compareTo(y.from());
      return c != 0 ? c : x.to().compareTo(y.to());
    });
    return new EgoNetwork(centre, hops, List.copyOf(nodes), List.copyOf(edges), truncated);
  }

  /** Fewest-hop path ignoring direction, or empty when none within {@link #MAX_HOPS}·2 hops. */
  public Optional<NetworkPath> path(String from, String to) {
    requireNode(from);
    requireNode(to);
    Map<String, String> parent = new HashMap<>();
    Map<String, Integer> depth = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    parent.put(from, null);
    depth.put(from, 0);
    queue.add(from);
    while (!queue.isEmpty() && !parent.containsKey(to)) {
      String n = queue.poll();
      if (depth.get(n) >= 2 * MAX_HOPS) continue;
      for (String m : neighbours(n)) {
        if (parent.containsKey(m)) continue;
        parent.put(m, n);
        depth.put(m, depth.get(n) + 1);
        queue.add(m);
      }
    }
    if (!parent.containsKey(to)) return Optional.empty();
    List<String> nodes = new ArrayList<>();
    for (String n = to; n != null; n = parent.get(n)) nodes.add(n);
    Collections.reverse(nodes);
    List<NetworkEdge> edges = new ArrayList<>();
    for (int i = 0; i + 1 < nodes.size(); i++) {
      String a = nodes.get(i);
      String b = nodes.get(i + 1);
      edges.add(edge(a, b).orElseGet(() -> edge(b, a).orElseThrow()));
    }
    return Optional.of(new NetworkPath(List.copyOf(nodes), List.copyOf(edges)));
  }

  private void requireNode(String n) {
    if (!out.containsKey(n)) throw new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no such node in the network: " + n);
  }
}
