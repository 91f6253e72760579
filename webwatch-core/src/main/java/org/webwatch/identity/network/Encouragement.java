package org.webwatch.identity.network;

import org.webwatch.model.AccountKey;
import org.webwatch.model.IndicatorSpan;

/**
 * "Who encouraged whom": {@code from} wrote an indicator span (e.g. contact-advocacy,
 * normalisation, entry-by-production) in a post replying to or quoting {@code to}'s post, or in
 * a private message to {@code to}. {@code via} is {@code reply}, {@code quote} or {@code message}.
 */
public record Encouragement(AccountKey from, AccountKey to, String via, IndicatorSpan span) {}
