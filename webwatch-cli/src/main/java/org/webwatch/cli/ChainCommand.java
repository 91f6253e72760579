package org.webwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.webwatch.payments.ChainStore;
import org.webwatch.payments.ChainStoreFile;
import org.webwatch.payments.ChangeHeuristics;
import org.webwatch.payments.ChangeHint;
import org.webwatch.payments.PathHop;
import org.webwatch.payments.PaymentPathSearch;
import org.webwatch.payments.WalletClusters;
import org.webwatch.payments.chain.BlockFileReader;
import org.webwatch.payments.chain.ChainError;
import org.webwatch.payments.chain.ReadSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code webwatch chain parse|trace}: read Bitcoin block files, follow money between addresses. */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    description = "Reads raw Bitcoin block files (blk*.dat, raw or hex blocks) and follows payments.",
    subcommands = {ChainCommand.Parse.class, ChainCommand.Trace.class})
public final class ChainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description = "Parses block files and prints blocks, transactions, first/last hash and located errors.",
      footer = {"", "Example: webwatch chain parse ~/.bitcoin/blocks/blk00000.dat block170.hex",
          "         webwatch chain parse --store data/chain.store ~/.bitcoin/blocks/blk00001.dat"})
  static final class Parse implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Block files.")
    List<Path> files;

    @Option(names = "--max-errors", defaultValue = "20", description = "Errors listed per file (default ${DEFAULT-VALUE}).")
    int maxErrors;

    @Option(names = "--store", paramLabel = "STORE",
        description = "Also add the blocks to this chain store file (created if absent, else extended).")
    Path store;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      BlockFileReader reader = new BlockFileReader();
      ChainStore chain = store == null ? null : java.nio.file.Files.exists(store) ? ChainStoreFile.load(store) : new ChainStore();
      long errors = 0;
      for (Path f : files) {
        long t0 = System.nanoTime();
        ReadSummary s = chain == null ? reader.read(f, b -> {}) : chain.ingest(f);
        double secs = (System.nanoTime() - t0) / 1e9;
        out.printf("%s: format=%s bytes=%d blocks=%d txs=%d rejected=%d errors=%d (%.1f MB/s)%n", f, s.format(),
            s.bytes(), s.blocks(), s.txs(), s.rejected(), s.errorCount(), s.bytes() / 1e6 / Math.max(secs, 1e-9));
        out.printf("  first %s%n  last  %s%n", s.firstHash() == null ? "-" : s.firstHash(),
            s.lastHash() == null ? "-" : s.lastHash());
        s.errors().stream().limit(maxErrors).forEach(e -> out.println("  error " + e));
        errors += s.errorCount();
      }
      if (chain != null) {
        ChainStoreFile.save(chain, store);
        out.printf("store %s: %d blocks, %d txs, %d addresses%n", store, chain.blockCount(), chain.txCount(),
            chain.addressCount());
      }
      out.flush();
      return errors > 0 ? WebwatchCli.EXIT_WITH_REJECTS : WebwatchCli.EXIT_OK;
    }
  }

  @Command(
      name = "trace",
      mixinStandardHelpOptions = true,
      description = "Shortest chain of payments from one address to another (over wallet clusters).",
      footer = {"", "Example: webwatch chain trace --from 12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S "
          + "--to 1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3 --chain first-100k-blocks.dat --max-depth 4"})
  static final class Trace implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--from", required = true, description = "Paying address.")
    String from;

    @Option(names = "--to", required = true, description = "Receiving address.")
    String to;

    @Option(names = "--chain", arity = "1..*", description = "Block files (read after --store, if given).")
    List<Path> chain = List.of();

    @Option(names = "--store", paramLabel = "STORE", description = "Chain store file written by 'chain parse --store'.")
    Path storeFile;

    @Option(names = "--max-depth", defaultValue = "" + PaymentPathSearch.DEFAULT_MAX_DEPTH,
        description = "Most hops (default ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--degree-cap", defaultValue = "" + PaymentPathSearch.DEFAULT_DEGREE_CAP,
        description = "Clusters with more outgoing payments are not passed through (default ${DEFAULT-VALUE}).")
    int degreeCap;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (maxDepth < 1 || degreeCap < 1) {
        err.println("webwatch: --max-depth and --degree-cap must be at least 1");
        return WebwatchCli.EXIT_USAGE;
      }
      if (chain.isEmpty() && storeFile == null) {
        err.println("webwatch: give --chain FILE... and/or --store STORE");
        return WebwatchCli.EXIT_USAGE;
      }
      ChainStore store = storeFile == null ? new ChainStore() : ChainStoreFile.load(storeFile);
      long errors = 0;
      for (Path f : chain) {
        ReadSummary s = store.ingest(f);
        errors += s.errorCount();
        for (ChainError e : s.errors().stream().limit(10).toList()) err.println("webwatch: " + e);
      }
      WalletClusters clusters = new WalletClusters(store);
      clusters.update();
      for (String a : List.of(from, to)) {
        if (store.addressId(a) < 0) {
          err.println("webwatch: address " + a + " does not appear in the blocks read (or is not a valid mainnet address)");
          return WebwatchCli.EXIT_REFUSED;
        }
      }
      Optional<List<PathHop>> path = new PaymentPathSearch(store, clusters).find(from, to, maxDepth, degreeCap);
      if (path.isEmpty()) {
        out.printf("no path from %s to %s within %d hops (hubs above %d edges skipped)%n", from, to, maxDepth, degreeCap);
      } else if (path.get().isEmpty()) {
        out.printf("%s and %s are in the same wallet cluster %s%n", from, to,
            clusters.label(store.addressId(from)));
      } else {
        out.printf("path of %d hop(s):%n", path.get().size());
        ChangeHeuristics change = new ChangeHeuristics(store);
        for (PathHop h : path.get()) {
          out.printf("  %s (%s) -> %s (%s)  tx %s  %s  %d sat%n", h.fromAddress(), h.fromCluster(), h.toAddress(),
              h.toCluster(), h.txid(), Instant.ofEpochSecond(h.time()), h.amountSat());
          for (ChangeHint c : change.hints(store.txOf(h.txid()))) {
            out.printf("      change hint: vout %d %s %s (%s)%n", c.vout(), c.address(), c.heuristic(), c.detail());
          }
        }
      }
      out.flush();
      return errors > 0 ? WebwatchCli.EXIT_WITH_REJECTS : WebwatchCli.EXIT_OK;
    }
  }
}
