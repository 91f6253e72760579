/**
 * The shared vocabulary of Webwatch: capture records as read from a capture (see
 * {@code shared/spec/capture-format.md}) and the result records every stage produces.
 *
 * <p>Everything here is an immutable record or enum with no behaviour beyond validation and
 * naming, so that each stage (ingest, media, signals, identity, payments, triage) can depend on
 * the model without depending on each other. Ids are kept as the capture's strings; the global
 * key of an account is {@link org.webwatch.model.AccountKey} ({@code site} + {@code id}).
 */
package org.webwatch.model;
