package org.webwatch.casework;

import org.webwatch.WebwatchException;

/**
 * What an investigator decided. Person decisions: {@link #REFERRED}, {@link #DISMISSED} (needs a
 * reason). Link decisions (two accounts): {@link #LINK_CONFIRMED}, {@link #LINK_REJECTED}. Later
 * triage runs read them (confirmed links are forced, rejected links are cut, dismissed persons
 * are ranked down by the triage model).
 */
public enum DecisionKind {
  REFERRED("referred", false),
  DISMISSED("dismissed", false),
  LINK_CONFIRMED("link-confirmed", true),
  LINK_REJECTED("link-rejected", true);

  private final String code;
  private final boolean link;

  DecisionKind(String code, boolean link) {
    this.code = code;
    this.link = link;
  }

  public String code() {
    return code;
  }

  /** True for decisions on a pair of accounts, false for decisions on a person. */
  public boolean isLink() {
    return link;
  }

  public static DecisionKind fromCode(String code) {
    for (DecisionKind k : values()) if (k.code.equals(code)) return k;
    throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT,
        "unknown decision '" + code + "' (referred, dismissed, link-confirmed, link-rejected)");
  }
}
