package org.webwatch.generate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.generate.Role;

/** One synthetic person: role, habits, identifiers and accounts. Mutable only while built. */
public final class PersonSpec {
  public final int index;
  public final String id;
  public final Role role;
  public final WritingStyle style;
  public final ActivityProfile timing;
  public final boolean heavy;
  /** Identifier type ("btc", "eth", "xmr", "email", "telegram", "session", "onion") → value. */
  public final Map<String, String> idents = new LinkedHashMap<>();
  public PgpKeyFactory.PgpKey pgp;
  public final List<MediaFactory.Media> ownMedia = new ArrayList<>();
  /** New media this person posts from more than one account (shared-media evidence). */
  public MediaFactory.Media sharedMedia;
  public final List<AccountSpec> accounts = new ArrayList<>();
  public String baseName;
  public double activity;

  PersonSpec(int index, Role role, WritingStyle style, ActivityProfile timing, boolean heavy) {
    this.index = index;
    this.id = String.format("P%06d", index + 1);
    this.role = role;
    this.style = style;
    this.timing = timing;
    this.heavy = heavy;
  }
}
