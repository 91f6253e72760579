package org.webwatch.server.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL building for templates: ids from captures are percent-encoded as path segments. */
public final class Urls {
  private Urls() {}

  public static String enc(String s) {
    return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static String person(String id) {
    return "/person/" + enc(id);
  }

  public static String account(String site, String account) {
    return "/account/" + enc(site) + "/" + enc(account);
  }

  /** {@code site:account} key to its dossier link (split at the first colon). */
  public static String accountKey(String key) {
    int i = key.indexOf(':');
    return i < 0 ? "/queue" : account(key.substring(0, i), key.substring(i + 1));
  }
}
