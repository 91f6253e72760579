package org.webwatch.identity.network;

import java.util.List;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Evidence;

/**
 * Where an account sits in the interaction graph: influence (PageRank), brokerage
 * (betweenness), community, degrees, and the roles an investigator asks about. {@code
 * encouraged} counts other accounts this one addressed with indicator spans (replies, quotes,
 * messages). Evidence points at the items behind each role.
 */
public record NetworkRole(
    AccountKey account,
    double pagerank,
    double betweenness,
    int community,
    int inDegree,
    int outDegree,
    boolean admin,
    boolean moderator,
    boolean gatekeeper,
    int encouraged,
    List<Evidence> evidence) {}
