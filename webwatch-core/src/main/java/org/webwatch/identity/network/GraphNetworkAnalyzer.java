package org.webwatch.identity.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.webwatch.identity.IdentityResult;
import org.webwatch.identity.network.internal.SampledBetweenness;
import org.webwatch.model.Account;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Evidence;
import org.webwatch.model.ForumThread;
import org.webwatch.model.IndicatorCode;
import org.webwatch.model.IndicatorSpan;
import org.webwatch.model.Message;
import org.webwatch.model.PersonAssignment;
import org.webwatch.model.Post;
import org.webwatch.model.TextKind;

/**
 * The {@link NetworkAnalyzer} of Webwatch, on JGraphT. Collects interactions while a capture
 * streams past, then builds a directed weighted account graph: replies and quotes (weight
 * {@link #W_REPLY}), private messages ({@link #W_MESSAGE}), posting in a thread someone started
 * ({@link #W_THREAD_START}), sharing a thread ({@link #W_SHARED_THREAD}: each participant is tied to the next
 * {@link #SHARED_THREAD_WINDOW} participants in order of first appearance, so a thread of n
 * posters adds O(n) edges, not n²; threads above {@link #SHARED_THREAD_CAP} posters add none) and
 * encouragement ({@link #W_ENCOURAGE}). Roles: admin/moderator from the account's role;
 * PageRank (JGraphT, damping 0.85) for influence; betweenness by Brandes, exact up to
 * {@link SampledBetweenness#DEFAULT_EXACT_LIMIT} nodes and sampled above; communities by label
 * propagation (Raghavan et al. 2007, JGraphT, seeded); gatekeepers; who encouraged whom.
 * Cost: O(posts + messages + Σ thread participants) to build, PageRank O(iter·E),
 * betweenness O(pivots·E), label propagation O(iter·E).
 */
public final class GraphNetworkAnalyzer implements NetworkAnalyzer {
  public static final double W_REPLY = 1.0;
  public static final double W_QUOTE = 1.0;
  public static final double W_MESSAGE = 2.0;
  public static final double W_THREAD_START = 0.5;
  public static final double W_SHARED_THREAD = 0.25;
  public static final double W_ENCOURAGE = 1.0;
  public static final int SHARED_THREAD_CAP = 25;
  /**
   * Shared-thread ties per participant: posters who follow each other in a thread are the ones
   * who saw each other's posts. All pairs would cost n² per thread and, at national scale (1M
   * posts), gigabytes of edges that add little over replies and quotes.
   */
  public static final int SHARED_THREAD_WINDOW = 3;
  /** Entry-by-production spans addressed to others that make a member a gatekeeper. */
  public static final int GATEKEEPER_MIN_ENFORCEMENTS = 2;
  public static final int LABEL_PROPAGATION_ITERATIONS = 50;
  public static final long SEED = 20261125L;
  /** Indicator codes that, addressed to another account, count as encouraging them. */
  public static final Set<IndicatorCode> ENCOURAGING = Set.of(IndicatorCode.NORMALISATION, IndicatorCode.CONTACT_ADVOCACY,
      IndicatorCode.ENTRY_BY_PRODUCTION, IndicatorCode.MEETING_INTENT, IndicatorCode.PAID_STREAMING);

  private record PostRef(AccountKey author, String thread, String replyTo, List<String> quotes) {}

  private record MessageRef(AccountKey author, List<AccountKey> recipients) {}

  private final Map<AccountKey, String> roles = new HashMap<>();
  private final Map<String, AccountKey> threadAuthors = new HashMap<>();
  private final Map<String, PostRef> posts = new HashMap<>();
  private final Map<String, MessageRef> messages = new HashMap<>();
  private final List<IndicatorSpan> spans = new ArrayList<>();
  /** One instance per account and per thread key: a million posts must not hold a million copies. */
  private final Map<AccountKey, AccountKey> accountKeys = new HashMap<>();
  private final Map<String, String> threadKeys = new HashMap<>();
  private InteractionGraph accountGraph;
  private List<Encouragement> encouragements = List.of();

  @Override
  public synchronized void account(Account account) {
    roles.put(account.key(), account.role() == null ? "" : account.role().toLowerCase(Locale.ROOT));
  }

  @Override
  public synchronized void thread(ForumThread thread) {
    if (thread.author() != null) threadAuthors.put(thread.site() + "/" + thread.id(), new AccountKey(thread.site(), thread.author()));
  }

  @Override
  public synchronized void post(Post post) {
    String thread = post.thread() == null ? null : threadKeys.computeIfAbsent(post.site() + "/" + post.thread(), t -> t);
    posts.put(post.site() + "/" + post.id(), new PostRef(canonical(post.authorKey()), thread,
        post.replyTo(), post.quotes() == null ? List.of() : List.copyOf(post.quotes())));
  }

  @Override
  public synchronized void message(Message message) {
    List<AccountKey> to = new ArrayList<>();
    if (message.recipients() != null) for (String r : message.recipients()) to.add(canonical(new AccountKey(message.site(), r)));
    messages.put(message.site() + "/" + message.id(), new MessageRef(canonical(message.authorKey()), List.copyOf(to)));
  }

  private AccountKey canonical(AccountKey k) {
    return accountKeys.computeIfAbsent(k, x -> x);
  }

  @Override
  public synchronized void span(IndicatorSpan span) {
    spans.add(span);
  }

  /** Per directed pair: counts of replies, quotes, messages, thread starts, shared threads, encouragements. */
  private static final int REPLY = 0, QUOTE = 1, MESSAGE = 2, START = 3, SHARED = 4, ENCOURAGE = 5;

  @Override
  public synchronized Map<AccountKey, NetworkRole> analyze() {
    TreeSet<AccountKey> keySet = new TreeSet<>(roles.keySet());
    posts.values().forEach(p -> keySet.add(p.author()));
    threadAuthors.values().forEach(keySet::add);
    messages.values().forEach(m -> {
      keySet.add(m.author());
      keySet.addAll(m.recipients());
    });
    List<AccountKey> keys = new ArrayList<>(keySet);
    Map<AccountKey, Integer> index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) index.put(keys.get(i), i);
    TreeMap<Long, int[]> counts = new TreeMap<>();
    Map<String, LinkedHashSet<AccountKey>> participants = new HashMap<>();
    List<String> postIds = new ArrayList<>(posts.keySet());
    Collections.sort(postIds);
    for (String id : postIds) {
      PostRef p = posts.get(id);
      String site = p.author().site();
      if (p.replyTo() != null) count(counts, index, p.author(), authorOf(site, p.replyTo()), REPLY);
      for (String q : p.quotes()) count(counts, index, p.author(), authorOf(site, q), QUOTE);
      if (p.thread() != null) {
        count(counts, index, p.author(), threadAuthors.get(p.thread()), START);
        participants.computeIfAbsent(p.thread(), k -> new LinkedHashSet<>()).add(p.author());
      }
    }
    for (LinkedHashSet<AccountKey> ps : participants.values()) {
      if (ps.size() > SHARED_THREAD_CAP) continue;
      List<AccountKey> order = new ArrayList<>(ps);
      for (int i = 0; i < order.size(); i++) {
        for (int j = i + 1; j <= i + SHARED_THREAD_WINDOW && j < order.size(); j++) {
          count(counts, index, order.get(i), order.get(j), SHARED);
          count(counts, index, order.get(j), order.get(i), SHARED);
        }
      }
    }
    messages.values().forEach(m -> m.recipients().forEach(r -> count(counts, index, m.author(), r, MESSAGE)));
    Map<AccountKey, List<Evidence>> gateEvidence = new HashMap<>();
    this.encouragements = collectEncouragements(gateEvidence);
    for (Encouragement e : encouragements) count(counts, index, e.from(), e.to(), ENCOURAGE);

    List<NetworkEdge> edges = new ArrayList<>();
    Set<String> nodeNames = new HashSet<>();
    keys.forEach(k -> nodeNames.add(k.toString()));
    SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    SimpleWeightedGraph<Integer, DefaultWeightedEdge> u = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int i = 0; i < keys.size(); i++) {
      g.addVertex(i);
      u.addVertex(i);
    }
    int[] inDeg = new int[keys.size()];
    int[] outDeg = new int[keys.size()];
    for (Map.Entry<Long, int[]> e : counts.entrySet()) {
      int a = (int) (e.getKey() >>> 32);
      int b = (int) (long) e.getKey();
      NetworkEdge ne = edge(keys.get(a).toString(), keys.get(b).toString(), e.getValue());
      edges.add(ne);
      g.setEdgeWeight(g.addEdge(a, b), ne.weight());
      DefaultWeightedEdge ue = u.getEdge(a, b);
      if (ue == null) u.setEdgeWeight(u.addEdge(a, b), ne.weight());
      else u.setEdgeWeight(ue, u.getEdgeWeight(ue) + ne.weight());
      outDeg[a]++;
      inDeg[b]++;
    }
    this.accountGraph = new InteractionGraph(edges, nodeNames);
    Map<Integer, Double> pagerank = new PageRank<>(g, PageRank.DAMPING_FACTOR_DEFAULT, 100, 1e-8).getScores();
    double[] betweenness = betweenness(u, keys.size());
    int[] community = communities(u, keys.size());

    Map<AccountKey, Integer> encouragedCount = new HashMap<>();
    Map<AccountKey, List<Evidence>> encouragedEvidence = new HashMap<>();
    Map<AccountKey, Set<AccountKey>> targets = new HashMap<>();
    for (Encouragement e : encouragements) {
      if (targets.computeIfAbsent(e.from(), k -> new HashSet<>()).add(e.to())) encouragedCount.merge(e.from(), 1, Integer::sum);
      encouragedEvidence.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(new Evidence("encouraged", e.to().toString(),
          e.span().confidence(), e.span().site() + "/" + e.span().kind().code() + "/" + e.span().item() + " (" + e.via() + ") "
          + e.span().code().code() + ": \"" + e.span().text() + "\""));
    }
    Map<AccountKey, NetworkRole> result = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      AccountKey k = keys.get(i);
      String role = roles.getOrDefault(k, "");
      boolean admin = role.equals("admin") || role.equals("administrator") || role.equals("owner");
      boolean moderator = role.contains("mod");
      List<Evidence> ev = new ArrayList<>();
      if (admin || moderator) ev.add(new Evidence(admin ? "admin" : "moderator", role, 1.0, k + " role in accounts.jsonl"));
      List<Evidence> gate = gateEvidence.getOrDefault(k, List.of());
      boolean gatekeeper = !gate.isEmpty() && (admin || moderator || gate.stream().filter(x -> x.code().equals("gatekeeper")).count() >= 1);
      if (gatekeeper) ev.addAll(gate);
      ev.addAll(encouragedEvidence.getOrDefault(k, List.of()));
      result.put(k, new NetworkRole(k, pagerank.getOrDefault(i, 0.0), betweenness[i], community[i], inDeg[i], outDeg[i],
          admin, moderator, gatekeeper, encouragedCount.getOrDefault(k, 0), List.copyOf(ev)));
    }
    return Collections.unmodifiableMap(result);
  }

  private AccountKey authorOf(String site, String post) {
    PostRef p = posts.get(site + "/" + post);
    return p == null ? null : p.author();
  }

  private static void count(Map<Long, int[]> counts, Map<AccountKey, Integer> index, AccountKey from, AccountKey to, int kind) {
    if (from == null || to == null || from.equals(to)) return;
    Integer a = index.get(from);
    Integer b = index.get(to);
    if (a == null || b == null) return;
    counts.computeIfAbsent(((long) a << 32) | b, k -> new int[6])[kind]++;
  }

  static NetworkEdge edge(String from, String to, int[] c) {
    double w = c[REPLY] * W_REPLY + c[QUOTE] * W_QUOTE + c[MESSAGE] * W_MESSAGE + c[START] * W_THREAD_START
        + c[SHARED] * W_SHARED_THREAD + c[ENCOURAGE] * W_ENCOURAGE;
    return new NetworkEdge(from, to, w, c[REPLY], c[QUOTE], c[MESSAGE], c[START], c[SHARED], c[ENCOURAGE]);
  }

  /**
   * Spans addressed to another account become encouragements. Entry-by-production spans make
   * their author a gatekeeper candidate: evidence {@code gatekeeper} when the span sits in a
   * thread the author started or is addressed to someone (enforcing it on a newcomer) at least
   * {@link #GATEKEEPER_MIN_ENFORCEMENTS} times; {@code entry-rule} otherwise (counts only for
   * admins and moderators).
   */
  private List<Encouragement> collectEncouragements(Map<AccountKey, List<Evidence>> gateEvidence) {
    List<IndicatorSpan> sorted = new ArrayList<>(spans);
    sorted.sort((x, y) -> {
      int c = x.site().compareTo(y.site());
      if (c == 0) c = x.kind().compareTo(y.kind());
      if (c == 0) c = x.item().compareTo(y.item());
      return c != 0 ? c : Integer.compare(x.start(), y.start());
    });
    List<Encouragement> out = new ArrayList<>();
    Map<AccountKey, Integer> enforcements = new HashMap<>();
    Map<AccountKey, List<Evidence>> rules = new HashMap<>();
    for (IndicatorSpan s : sorted) {
      List<Encouragement> mine = new ArrayList<>();
      boolean ownThread = false;
      if (s.kind() == TextKind.POST) {
        PostRef p = posts.get(s.site() + "/" + s.item());
        if (p == null) continue;
        if (p.replyTo() != null) addTarget(mine, p.author(), authorOf(s.site(), p.replyTo()), "reply", s);
        for (String q : p.quotes()) addTarget(mine, p.author(), authorOf(s.site(), q), "quote", s);
        ownThread = p.thread() != null && p.author().equals(threadAuthors.get(p.thread()));
      } else if (s.kind() == TextKind.MESSAGE) {
        MessageRef m = messages.get(s.site() + "/" + s.item());
        if (m == null) continue;
        for (AccountKey r : m.recipients()) addTarget(mine, m.author(), r, "message", s);
      } else if (s.kind() == TextKind.THREAD_TITLE) {
        ownThread = true;
      }
      if (ENCOURAGING.contains(s.code())) out.addAll(mine);
      if (s.code() == IndicatorCode.ENTRY_BY_PRODUCTION) {
        AccountKey author = s.accountKey();
        String where = s.site() + "/" + s.kind().code() + "/" + s.item();
        if (!mine.isEmpty()) enforcements.merge(author, 1, Integer::sum);
        String code = ownThread ? "gatekeeper" : "entry-rule";
        rules.computeIfAbsent(author, k -> new ArrayList<>()).add(new Evidence(code, s.code().code(), s.confidence(),
            where + (ownThread ? " (own thread)" : mine.isEmpty() ? "" : " (to " + mine.get(0).to() + ")") + ": \"" + s.text() + "\""));
      }
    }
    rules.forEach((author, ev) -> {
      boolean enforces = enforcements.getOrDefault(author, 0) >= GATEKEEPER_MIN_ENFORCEMENTS;
      List<Evidence> list = new ArrayList<>();
      for (Evidence e : ev) list.add(enforces && e.code().equals("entry-rule") ? new Evidence("gatekeeper", e.value(), e.weight(), e.detail()) : e);
      gateEvidence.put(author, list);
    });
    return List.copyOf(out);
  }

  private static void addTarget(List<Encouragement> out, AccountKey from, AccountKey to, String via, IndicatorSpan s) {
    if (to != null && !to.equals(from)) out.add(new Encouragement(from, to, via, s));
  }

  private static double[] betweenness(Graph<Integer, DefaultWeightedEdge> u, int n) {
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) start[i + 1] = start[i] + u.degreeOf(i);
    int[] adj = new int[start[n]];
    for (int i = 0; i < n; i++) {
      int k = start[i];
      List<Integer> nb = new ArrayList<>();
      for (DefaultWeightedEdge e : u.edgesOf(i)) nb.add(u.getEdgeSource(e) == i ? u.getEdgeTarget(e) : u.getEdgeSource(e));
      Collections.sort(nb);
      for (int v : nb) adj[k++] = v;
    }
    return SampledBetweenness.compute(start, adj, SampledBetweenness.DEFAULT_EXACT_LIMIT, SampledBetweenness.DEFAULT_PIVOTS);
  }

  /** Community ids numbered by each community's smallest account (so ids are stable). */
  private static int[] communities(Graph<Integer, DefaultWeightedEdge> u, int n) {
    int[] c = new int[n];
    var clusters = new LabelPropagationClustering<>(u, LABEL_PROPAGATION_ITERATIONS, new Random(SEED)).getClustering().getClusters();
    List<List<Integer>> sorted = new ArrayList<>();
    for (Set<Integer> s : clusters) {
      List<Integer> l = new ArrayList<>(s);
      Collections.sort(l);
      sorted.add(l);
    }
    sorted.sort((x, y) -> Integer.compare(x.get(0), y.get(0)));
    for (int i = 0; i < sorted.size(); i++) for (int v : sorted.get(i)) c[v] = i;
    return c;
  }

  /** Encouragements found by the last {@link #analyze()}, in span order. */
  public synchronized List<Encouragement> encouragements() {
    return encouragements;
  }

  /** The account-level graph of the last {@link #analyze()} (nodes are {@code site:account}). */
  public synchronized InteractionGraph accountGraph() {
    if (accountGraph == null) throw new IllegalStateException("call analyze() first");
    return accountGraph;
  }

  /** The person-level graph: account edges summed per pair of persons (self-loops dropped). */
  public synchronized InteractionGraph personGraph(IdentityResult identities) {
    Map<String, String> person = new HashMap<>();
    for (PersonAssignment a : identities.assignments()) person.put(a.account().toString(), a.person());
    Map<String, int[]> sums = new TreeMap<>();
    Set<String> nodes = new HashSet<>();
    for (String n : accountGraph().nodes()) nodes.add(person.getOrDefault(n, n));
    for (NetworkEdge e : accountGraph().edges()) {
      String a = person.getOrDefault(e.from(), e.from());
      String b = person.getOrDefault(e.to(), e.to());
      if (a.equals(b)) continue;
      int[] c = sums.computeIfAbsent(a + "\u0000" + b, k -> new int[6]);
      c[REPLY] += e.replies();
      c[QUOTE] += e.quotes();
      c[MESSAGE] += e.messages();
      c[START] += e.threadStarts();
      c[SHARED] += e.sharedThreads();
      c[ENCOURAGE] += e.encouragements();
    }
    List<NetworkEdge> edges = new ArrayList<>();
    sums.forEach((k, c) -> {
      int i = k.indexOf('\u0000');
      edges.add(edge(k.substring(0, i), k.substring(i + 1), c));
    });
    return new InteractionGraph(edges, nodes);
  }
}
