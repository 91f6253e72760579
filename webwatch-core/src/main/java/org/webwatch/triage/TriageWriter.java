package org.webwatch.triage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.webwatch.identity.IdentityResult;
import org.webwatch.model.AccountKey;
import org.webwatch.model.AccountLink;
import org.webwatch.model.Evidence;
import org.webwatch.model.PersonAssignment;
import org.webwatch.csv.CsvWriter;
import org.webwatch.triage.internal.ExplanationsWriter;
import org.webwatch.triage.internal.HtmlReport;

/**
 * Writes the files of {@code shared/spec/outputs.md} that come from ranking (accounts.csv,
 * persons.csv, identities.csv, summary.json) plus explanations.json and report.html. CSV is RFC
 * 4180 with {@code \n} line ends, UTF-8 without BOM; numbers use {@code .} and 3 decimals.
 * Identical inputs give identical bytes (summary.json's {@code timings_ms} aside).
 */
public final class TriageWriter {
  public static final String ACCOUNTS = "accounts.csv";
  public static final String PERSONS = "persons.csv";
  public static final String IDENTITIES = "identities.csv";
  /** Suggested links: pairs of accounts of two persons, for an analyst to confirm or reject (docs/formats.md). */
  public static final String SUGGESTIONS = "link-suggestions.csv";
  public static final String SUMMARY = "summary.json";
  public static final String EXPLANATIONS = "explanations.json";
  public static final String REPORT = "report.html";

  private TriageWriter() {}

  public static String number(double x) {
    return org.webwatch.triage.internal.Numbers.fixed(x, 3);
  }

  /** Writes all ranking-derived files of {@code r} into {@code dir}. */
  public static void writeAll(Path dir, TriageResult r, int reportTop) {
    writeAccounts(dir.resolve(ACCOUNTS), r.accounts());
    writePersons(dir.resolve(PERSONS), r.persons());
    writeIdentities(dir.resolve(IDENTITIES), r.identity(), r.persons());
    writeSuggestions(dir.resolve(SUGGESTIONS), r.identity());
    writeExplanations(dir.resolve(EXPLANATIONS), r);
    writeReport(dir.resolve(REPORT), r, reportTop);
    writeSummary(dir.resolve(SUMMARY), r.summary());
  }

  public static void writeAccounts(Path file, List<RankedAccount> accounts) {
    try (CsvWriter w = csv(file)) {
      w.row("rank", "site", "account", "username", "person", "score", "band", "reasons");
      for (RankedAccount a : accounts)
        w.row(Integer.toString(a.rank()), a.account().site(), a.account().account(), a.username(), a.person(),
            number(a.score().score()), a.score().band().code(), a.score().reasons());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void writePersons(Path file, List<RankedPerson> persons) {
    try (CsvWriter w = csv(file)) {
      w.row("rank", "person", "score", "band", "accounts", "reasons");
      for (RankedPerson p : persons)
        w.row(Integer.toString(p.rank()), p.person(), number(p.score().score()), p.score().band().code(),
            p.accounts().stream().map(AccountKey::toString).collect(Collectors.joining("|")), p.score().reasons());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row per account, in persons.csv order, then account key order within a person. */
  public static void writeIdentities(Path file, IdentityResult identity, List<RankedPerson> persons) {
    Map<AccountKey, PersonAssignment> byAccount = new HashMap<>();
    for (PersonAssignment a : identity.assignments()) byAccount.put(a.account(), a);
    try (CsvWriter w = csv(file)) {
      w.row("person", "site", "account", "confidence", "evidence");
      for (RankedPerson p : persons)
        for (AccountKey k : p.accounts()) {
          PersonAssignment a = byAccount.get(k);
          double conf = a == null ? 1.0 : a.confidence();
          List<String> ev = a == null || a.evidenceCodes() == null ? List.of() : a.evidenceCodes();
          w.row(p.person(), k.site(), k.account(), number(conf), String.join(";", ev));
        }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One row per suggested link, best first: both accounts with their persons, the model's
   * probability, method and version, and the evidence codes that count for it.
   */
  public static void writeSuggestions(Path file, IdentityResult identity) {
    Map<AccountKey, String> person = new HashMap<>();
    for (PersonAssignment a : identity.assignments()) person.put(a.account(), a.person());
    try (CsvWriter w = csv(file)) {
      w.row("site_a", "account_a", "person_a", "site_b", "account_b", "person_b", "confidence", "method", "version", "evidence");
      for (AccountLink l : identity.suggestions()) {
        String codes = l.evidence().stream().filter(e -> e.weight() > 0).map(Evidence::code).distinct().collect(Collectors.joining(";"));
        w.row(l.a().site(), l.a().account(), person.getOrDefault(l.a(), ""), l.b().site(), l.b().account(), person.getOrDefault(l.b(), ""),
            number(l.confidence()), l.method(), l.version(), codes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void writeSummary(Path file, TriageSummary s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", "webwatch-triage-summary");
    root.put("version", 1);
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (TriageSummary.Input in : s.inputs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", in.name());
      m.put("read", in.read());
      m.put("rejected", in.rejected());
      inputs.add(m);
    }
    root.put("inputs", inputs);
    root.put("counts", s.counts());
    root.put("versions", s.versions());
    root.put("timings_ms", s.timingsMillis());
    root.put("messages", s.messages());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(w, root);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void writeExplanations(Path file, TriageResult r) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      ExplanationsWriter.write(w, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void writeReport(Path file, TriageResult r, int top) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      HtmlReport.write(w, r, top);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CsvWriter csv(Path file) throws IOException {
    return new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }
}
