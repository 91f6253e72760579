package org.webwatch.payments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.webwatch.model.AccountKey;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.Payment;
import org.webwatch.payments.chain.ChainError;
import org.webwatch.payments.chain.ReadSummary;

/**
 * Entry point of the payments stage for triage: reads block files into a {@link ChainStore},
 * clusters wallets ({@link WalletClusters}), ties the BTC addresses found in forum text to
 * accounts, and reports payments between accounts, wallet rows and per-account summaries.
 * Bad chain input never throws: it is counted and listed in {@link PaymentAnalysis#errors()}.
 * Memory: the store (~60 bytes per output) plus one block being parsed.
 */
public final class PaymentTracer {
  public static final String METHOD = "chain-payments";
  public static final String VERSION = "1";

  /** Reads {@code blockFiles} in order and analyses them against {@code btcIdentifiers}. */
  public PaymentAnalysis analyze(List<Path> blockFiles, List<IdentifierOccurrence> btcIdentifiers) {
    ChainStore store = new ChainStore();
    List<ReadSummary> reads = new ArrayList<>();
    for (Path f : blockFiles) reads.add(store.ingest(f));
    WalletClusters clusters = new WalletClusters(store);
    clusters.update();
    return analyze(store, clusters, reads, btcIdentifiers);
  }

  /** Analyses an already filled (possibly incrementally grown) store; {@code clusters} is updated. */
  public PaymentAnalysis analyze(ChainStore store, WalletClusters clusters, List<ReadSummary> reads,
      List<IdentifierOccurrence> btcIdentifiers) {
    clusters.update();
    ForumAddresses forum = new ForumAddresses(btcIdentifiers, store, clusters);
    List<Payment> payments = new ArrayList<>(new PaymentFinder(store, clusters, forum).find());
    payments.sort(Comparator.comparing(Payment::time).thenComparing(Payment::txid)
        .thenComparing(Payment::from).thenComparing(Payment::to));
    List<WalletRow> wallets = new WalletReporter(store, clusters, forum).rows();
    List<ChainError> errors = new ArrayList<>();
    long bytes = 0;
    long errorCount = 0;
    int rejected = 0;
    for (ReadSummary r : reads) {
      errors.addAll(r.errors());
      bytes += r.bytes();
      errorCount += r.errorCount();
      rejected += r.rejected();
    }
    ChainCounters counters = new ChainCounters(reads.size(), bytes, store.blockCount(), store.txCount(), rejected,
        errorCount, store.unresolvedInputs(), store.addressCount(), clusters.mergeCount(), clusters.coinJoinCount(),
        forum.byString.size(), forum.byId.size(), payments.size());
    ChangeHeuristics change = new ChangeHeuristics(store);
    List<ChangeHint> hints = payments.stream().map(Payment::txid).distinct()
        .flatMap(t -> change.hints(store.txOf(t)).stream()).toList();
    return new PaymentAnalysis(payments, wallets, summaries(payments), counters, errors, hints);
  }

  static Map<AccountKey, AccountPaymentSummary> summaries(List<Payment> payments) {
    Map<AccountKey, long[]> totals = new TreeMap<>(); // sentCount, sentSat, recvCount, recvSat
    Map<AccountKey, TreeSet<AccountKey>> paidTo = new TreeMap<>();
    Map<AccountKey, TreeSet<AccountKey>> paidBy = new TreeMap<>();
    for (Payment p : payments) {
      long[] s = totals.computeIfAbsent(p.from(), k -> new long[4]);
      s[0]++;
      s[1] += p.amountSat();
      long[] r = totals.computeIfAbsent(p.to(), k -> new long[4]);
      r[2]++;
      r[3] += p.amountSat();
      paidTo.computeIfAbsent(p.from(), k -> new TreeSet<>()).add(p.to());
      paidBy.computeIfAbsent(p.to(), k -> new TreeSet<>()).add(p.from());
    }
    Map<AccountKey, AccountPaymentSummary> out = new TreeMap<>();
    totals.forEach((k, t) -> out.put(k, new AccountPaymentSummary(k, (int) t[0], t[1], (int) t[2], t[3],
        List.copyOf(paidTo.getOrDefault(k, new TreeSet<>())), List.copyOf(paidBy.getOrDefault(k, new TreeSet<>())))));
    return out;
  }
}
