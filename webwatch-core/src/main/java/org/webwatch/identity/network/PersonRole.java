package org.webwatch.identity.network;

import java.util.List;
import org.webwatch.model.AccountKey;

/**
 * A person's place in the person-level graph: PageRank on that graph, its community, degrees,
 * and the account roles folded up (admin, moderator, gatekeeper if any account is one;
 * {@code encouraged} summed over the accounts).
 */
public record PersonRole(
    String person,
    List<AccountKey> accounts,
    double pagerank,
    int community,
    int inDegree,
    int outDegree,
    boolean admin,
    boolean moderator,
    boolean gatekeeper,
    int encouraged) {}
