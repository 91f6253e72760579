package org.webwatch.triage.fakes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.webwatch.identity.network.NetworkAnalyzer;
import org.webwatch.identity.network.NetworkRole;
import org.webwatch.model.*;

/** Test fake: in-degree from replies; admins who wrote an entry-by-production rule are gatekeepers. */
public final class ReplyNetwork implements NetworkAnalyzer {
  private final Map<String, AccountKey> postAuthor = new HashMap<>();
  private final Map<AccountKey, int[]> degrees = new TreeMap<>();
  private final Map<AccountKey, String> roles = new HashMap<>();
  private final Map<AccountKey, Boolean> rules = new HashMap<>();

  @Override
  public void account(Account a) {
    roles.put(a.key(), a.role());
    degrees.computeIfAbsent(a.key(), k -> new int[2]);
  }

  @Override
  public void post(Post p) {
    postAuthor.put(p.site() + "/" + p.id(), p.authorKey());
    degrees.computeIfAbsent(p.authorKey(), k -> new int[2]);
    if (p.replyTo() != null) {
      AccountKey to = postAuthor.get(p.site() + "/" + p.replyTo());
      if (to != null) {
        degrees.get(p.authorKey())[1]++;
        degrees.computeIfAbsent(to, k -> new int[2])[0]++;
      }
    }
  }

  @Override
  public void span(IndicatorSpan span) {
    if (span.code() == IndicatorCode.ENTRY_BY_PRODUCTION) rules.put(span.accountKey(), true);
  }

  @Override
  public Map<AccountKey, NetworkRole> analyze() {
    Map<AccountKey, NetworkRole> out = new TreeMap<>();
    degrees.forEach((k, d) -> {
      boolean admin = "admin".equals(roles.get(k));
      boolean gate = admin && rules.containsKey(k);
      out.put(k, new NetworkRole(k, d[0], 0, 0, d[0], d[1], admin, false, gate, 0,
          gate ? List.of(new Evidence("gatekeeper", k.toString(), 1.0, "admin enforcing entry rule")) : List.of()));
    });
    return out;
  }
}
