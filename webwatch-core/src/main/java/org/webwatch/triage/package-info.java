/**
 * Triage: the explainable risk ranking of accounts and persons, and its evaluation.
 *
 * <p>Entry points: {@link org.webwatch.triage.TriagePipeline#run} (one streaming pass over
 * {@link org.webwatch.triage.CaptureSource}s with the stages of a {@link
 * org.webwatch.triage.TriageComponents}, then linking, network analysis, payments, the {@link
 * org.webwatch.triage.RiskModel} and the writers of {@link org.webwatch.triage.TriageWriter});
 * {@link org.webwatch.triage.Evaluation#evaluateAndWrite} (figures against a generated
 * population's ground truth). Output contract: {@code shared/spec/outputs.md}; project docs:
 * {@code docs/risk-model.md}, {@code docs/outputs.md}, {@code docs/evaluation.md}.
 *
 * <p>Everything under {@code internal} is implementation (aggregates, streaming, ranking, CSV,
 * HTML and JSON writers) and may change without notice.
 */
package org.webwatch.triage;
