package org.webwatch.identity.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.webwatch.identity.IdentityResult;
import org.webwatch.model.AccountKey;
import org.webwatch.model.PersonAssignment;

/**
 * Roles at person level: PageRank (JGraphT, damping 0.85) and label-propagation communities on
 * the person graph of {@link GraphNetworkAnalyzer#personGraph}, account roles folded up.
 * O(iterations · E) on the person graph.
 */
public final class PersonRoles {
  private PersonRoles() {}

  /** Person id → role, sorted by person id. Accounts absent from {@code identities} are their own person ({@code site:account}). */
  public static Map<String, PersonRole> of(InteractionGraph personGraph, IdentityResult identities, Map<AccountKey, NetworkRole> accountRoles) {
    Map<String, String> personOf = new HashMap<>();
    for (PersonAssignment a : identities.assignments()) personOf.put(a.account().toString(), a.person());
    List<String> nodes = new ArrayList<>(personGraph.nodes());
    Collections.sort(nodes);
    Map<String, Integer> index = new HashMap<>();
    SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> u = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i), i);
      g.addVertex(i);
      u.addVertex(i);
    }
    int[] in = new int[nodes.size()];
    int[] out = new int[nodes.size()];
    for (NetworkEdge e : personGraph.edges()) {
      int a = index.get(e.from());
      int b = index.get(e.to());
      g.setEdgeWeight(g.addEdge(a, b), e.weight());
      DefaultWeightedEdge ue = u.getEdge(a, b);
      if (ue == null) u.setEdgeWeight(u.addEdge(a, b), e.weight());
      else u.setEdgeWeight(ue, u.getEdgeWeight(ue) + e.weight());
      out[a]++;
      in[b]++;
    }
    Map<Integer, Double> pr = new PageRank<>(g, PageRank.DAMPING_FACTOR_DEFAULT, 100, 1e-8).getScores();
    int[] community = new int[nodes.size()];
    List<List<Integer>> clusters = new ArrayList<>();
    for (Set<Integer> c : new LabelPropagationClustering<>(u, GraphNetworkAnalyzer.LABEL_PROPAGATION_ITERATIONS,
        new Random(GraphNetworkAnalyzer.SEED)).getClustering().getClusters()) {
      List<Integer> l = new ArrayList<>(c);
      Collections.sort(l);
      clusters.add(l);
    }
    clusters.sort((x, y) -> Integer.compare(x.get(0), y.get(0)));
    for (int i = 0; i < clusters.size(); i++) for (int v : clusters.get(i)) community[v] = i;
    Map<String, List<AccountKey>> accounts = new TreeMap<>();
    for (AccountKey k : accountRoles.keySet()) accounts.computeIfAbsent(personOf.getOrDefault(k.toString(), k.toString()), x -> new ArrayList<>()).add(k);
    Map<String, PersonRole> result = new TreeMap<>();
    for (String p : nodes) {
      List<AccountKey> ks = accounts.getOrDefault(p, List.of());
      boolean admin = false, mod = false, gate = false;
      int encouraged = 0;
      for (AccountKey k : ks) {
        NetworkRole r = accountRoles.get(k);
        admin |= r.admin();
        mod |= r.moderator();
        gate |= r.gatekeeper();
        encouraged += r.encouraged();
      }
      int i = index.get(p);
      result.put(p, new PersonRole(p, List.copyOf(ks), pr.getOrDefault(i, 0.0), community[i], in[i], out[i], admin, mod, gate, encouraged));
    }
    return Collections.unmodifiableMap(result);
  }
}
