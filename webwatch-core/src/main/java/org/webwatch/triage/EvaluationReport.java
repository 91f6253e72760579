package org.webwatch.triage;

import java.util.Map;

/**
 * Figures of one triage output against ground truth (definitions in docs/evaluation.md). NaN
 * where a figure is undefined (e.g. no positives), written as {@code null} in evaluation.json.
 */
public record EvaluationReport(
    long seed,
    Ranking accounts,
    Ranking persons,
    PrecisionRecall linking,
    Map<String, PrecisionRecall> indicators,
    PrecisionRecall indicatorsOverall,
    Media media,
    Bands bands,
    Suggestions suggestions) {

  /**
   * The suggested links (link-suggestions.csv) against the truth: {@code suggested}: suggestions
   * joining two accounts of one true person / all suggestions / true account pairs the linking
   * missed; {@code afterReview}: account pairs had an analyst confirmed exactly the correct
   * suggestions; {@code ifAllMerged}: had every suggestion been merged (why they are not).
   * All-NaN figures (0 / 0 / 0) when the output has no link-suggestions.csv.
   */
  public record Suggestions(PrecisionRecall suggested, PrecisionRecall afterReview, PrecisionRecall ifAllMerged) {}

  /**
   * Ranking figures: {@code k} = number of truly motivated, precision at K, recall at K (distinct
   * motivated found in the top K / K; for persons this counts truth persons, so split persons do
   * not count twice), AUC, and precision/recall of the critical+high bands.
   */
  public record Ranking(int k, int total, double precisionAtK, double recallAtK, double auc,
      long bandPredicted, double bandPrecision, double bandRecall) {}

  public record PrecisionRecall(long truePositives, long predicted, long expected, double precision, double recall) {
    public static PrecisionRecall of(long tp, long predicted, long expected) {
      return new PrecisionRecall(tp, predicted, expected, predicted == 0 ? Double.NaN : (double) tp / predicted,
          expected == 0 ? Double.NaN : (double) tp / expected);
    }
  }

  /** Media status accuracy over truth attachments and the confusion matrix truth → predicted (or {@code missing}). */
  public record Media(long total, long correct, double accuracy, Map<String, Map<String, Long>> confusion) {}

  /**
   * Agreement of person bands with the truth's {@code expected_band}: each truth person gets the
   * band of the highest-scored predicted person holding one of its accounts ({@code missing} when
   * none). Empty (total 0) when truth persons.csv has no expected_band column.
   */
  public record Bands(long total, long agreeing, double agreement, Map<String, Map<String, Long>> confusion) {}
}
