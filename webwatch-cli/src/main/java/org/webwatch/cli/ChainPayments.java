package org.webwatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IdentifierType;
import org.webwatch.payments.PaymentAnalysis;
import org.webwatch.payments.PaymentCsv;
import org.webwatch.payments.PaymentTracer;
import org.webwatch.triage.PaymentsInput;

/**
 * The payments stage as triage sees it: reads the chain files, ties the BTC addresses found in
 * forum text to accounts, and keeps the analysis so the command can write {@code payments.csv}
 * and {@code wallets.csv} next to the other outputs.
 */
final class ChainPayments implements Function<List<IdentifierOccurrence>, PaymentsInput> {
  private final List<Path> blockFiles;
  private PaymentAnalysis analysis;

  ChainPayments(List<Path> blockFiles) {
    if (blockFiles.isEmpty()) throw new IllegalArgumentException("no chain files");
    this.blockFiles = List.copyOf(blockFiles);
  }

  @Override
  public PaymentsInput apply(List<IdentifierOccurrence> identifiers) {
    List<IdentifierOccurrence> btc = identifiers.stream().filter(i -> i.type() == IdentifierType.BTC).toList();
    analysis = new PaymentTracer().analyze(blockFiles, btc);
    return new PaymentsInput(analysis.payments(), PaymentTracer.METHOD + "/" + PaymentTracer.VERSION);
  }

  /** Writes payments.csv and wallets.csv into {@code out}; no-op when the stage did not run. */
  void write(Path out) {
    if (analysis == null) return;
    try (Writer p = Files.newBufferedWriter(out.resolve("payments.csv"), StandardCharsets.UTF_8);
        Writer w = Files.newBufferedWriter(out.resolve("wallets.csv"), StandardCharsets.UTF_8)) {
      PaymentCsv.writePayments(analysis.payments(), p);
      PaymentCsv.writeWallets(analysis.wallets(), w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PaymentAnalysis analysis() {
    return analysis;
  }
}
