package org.webwatch.generate.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/** One account of a synthetic person on one site. */
public final class AccountSpec {
  public final PersonSpec person;
  public final int site;
  /** Site-local id, assigned after all persons exist so numbering does not follow person order. */
  public String id;
  public final String username;
  /** Whether the username was derived from the person's base name (username evidence). */
  public final boolean usernameLinked;
  public String siteRole = "member";
  public int posts;
  public int messages;
  /** Identifier kinds this account reveals: idents keys plus "pgp". */
  public final Set<String> reveals = new LinkedHashSet<>();
  public boolean plantsSharedMedia;

  AccountSpec(PersonSpec person, int site, String username, boolean usernameLinked) {
    this.person = person;
    this.site = site;
    this.username = username;
    this.usernameLinked = usernameLinked;
  }
}
