package org.webwatch.identity;

import java.time.Instant;
import org.webwatch.model.Account;
import org.webwatch.model.AccountKey;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.MediaResult;
import org.webwatch.model.TextItem;

/**
 * Links the accounts of one person across sites. Evidence is fed while a capture streams past
 * (accounts, texts with times, validated identifiers, media results); {@link #link()} then
 * decides persons. Precision first: identifiers shared by many accounts never glue people,
 * weak signals never merge alone. Feeding methods may be called from several threads.
 */
public interface AccountLinker {
  void account(Account account);

  /** Text authored by an account (posts, messages, signatures, titles), for style and timing. */
  void text(TextItem item);

  /** Activity without text worth profiling (e.g. an attachment-only post). */
  void activity(AccountKey account, Instant time);

  void identifier(IdentifierOccurrence identifier);

  void media(MediaResult media);

  /** Analyst decisions that survive re-runs: confirmed links are forced, rejected ones never made. */
  void decision(AccountKey a, AccountKey b, boolean confirmed);

  IdentityResult link();
}
