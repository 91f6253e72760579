package org.webwatch.generate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.webwatch.generate.Role;

/**
 * What each role writes: account signature/profile, thread titles, posts and private
 * messages, with indicator sentences, hard negatives, identifiers, decoys and attachments
 * mixed into ordinary chatter at role-specific rates. All text goes through the shared
 * {@link TextComposer}; the caller flushes the truth rows.
 */
final class PostContent {
  private static final String[] NEG_TYPES = {"news", "help-seeking", "quote-critique", "privacy"};
  private final Population pop;
  private final SiteStyle site;
  private final List<AccountSpec> accounts;
  private final TextComposer tc;
  private final List<AccountSpec> sellers = new ArrayList<>();

  PostContent(Population pop, SiteStyle site, List<AccountSpec> accounts, TextComposer tc) {
    this.pop = pop;
    this.site = site;
    this.accounts = accounts;
    this.tc = tc;
    for (AccountSpec a : accounts) if (a.person.role == Role.STREAM_SELLER) sellers.add(a);
  }

  int boardFor(Role role, SplittableRandom r) {
    return switch (role) {
      case GATEKEEPER -> r.nextBoolean() ? 0 : 7;
      case PRODUCER -> r.nextBoolean() ? 4 : 7;
      case STREAM_SELLER, STREAM_BUYER -> r.nextBoolean() ? 8 : 5;
      case CONSUMER -> 4 + r.nextInt(2);
      default -> r.nextInt(4) == 0 ? 3 : r.nextBoolean() ? 2 : 6;
    };
  }

  void title(PersonSpec p, SplittableRandom r) {
    String code = switch (p.role) {
      case PRODUCER -> "production-claim";
      case GATEKEEPER -> "entry-by-production";
      case STREAM_SELLER -> "paid-streaming";
      case MEETING_SEEKER -> "meeting-intent";
      default -> null;
    };
    if (code != null && r.nextInt(10) < 3) indicator(code, p, null, r);
    else tc.chatter("chatter:title", null, r);
  }

  String accountLine(AccountSpec a, long registered, SplittableRandom r, TruthSink sink) {
    PersonSpec p = a.person;
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"id\":").append(site.idJson(a.id)).append(",\"site\":").append(site.siteJson()).append(",\"username\":");
    Text.json(sb, a.username).append(",\"registered_at\":").append(site.timeJson(registered, true)).append(",\"role\":\"")
        .append(site.style == 1 && a.siteRole.equals("member") ? (a.posts > 50 ? "Senior Member" : "Newbie") : a.siteRole)
        .append('"');
    // Signature: sign-off, maybe an indicator, some revealed contact identifiers.
    tc.reset();
    if (r.nextBoolean()) tc.raw(p.style.signOff().isEmpty() ? a.username : p.style.signOff());
    if (a.reveals.contains("pgp") && r.nextInt(10) < 4) {
      tc.identifier(" | PGP: ", "pgp-fingerprint", r.nextBoolean() ? pop.pgpSpaced(p) : p.pgp.fingerprint(), true, "own", null);
    }
    if (a.reveals.contains("session")) tc.identifier(" session: ", "session", p.idents.get("session"), true, "own", null);
    if (a.reveals.contains("onion")) tc.identifier(" my place: ", "onion", p.idents.get("onion"), true, "own", null);
    if ((p.role == Role.GATEKEEPER || p.role == Role.PRODUCER) && r.nextInt(3) == 0) {
      tc.raw(" | ");
      indicator(p.role == Role.GATEKEEPER ? "entry-by-production" : "production-claim", p, null, r);
    }
    if (tc.length() > 0) {
      Text.json(sb.append(",\"signature\":"), tc.text());
      tc.flush(sink, site.siteId, "signature", a.id, a.id, "");
    }
    // Profile fields: contact, wallet, pgp block, about.
    StringBuilder prof = new StringBuilder();
    profileField(prof, sink, a, "contact", a.reveals.contains("email") ? "email" : null, p);
    profileField(prof, sink, a, "telegram", a.reveals.contains("telegram") ? "telegram" : null, p);
    for (String w : new String[] {"btc", "eth", "xmr"}) if (a.reveals.contains(w)) profileField(prof, sink, a, w, w, p);
    if (a.reveals.contains("pgp")) {
      tc.reset();
      tc.identifier("", "pgp-key", p.pgp.armored(), true, "own fingerprint " + p.pgp.fingerprint(), null);
      appendProfile(prof, sink, a, "pgp");
    }
    if (p.role.motivated() && r.nextInt(4) == 0 || p.role == Role.NORMALISER && r.nextInt(6) == 0) {
      tc.reset();
      tc.chatter("chatter:offtopic", p.style, r);
      indicator(codeFor(p.role, r), p, null, r);
      appendProfile(prof, sink, a, "about");
    } else if (r.nextInt(5) == 0) {
      tc.reset();
      tc.chatter("chatter:offtopic", p.style, r);
      appendProfile(prof, sink, a, "about");
    }
    if (prof.length() > 0) sb.append(",\"profile\":{").append(prof).append('}');
    sb.append(",\"post_count\":").append(a.posts).append("}\n");
    return sb.toString();
  }

  private void profileField(StringBuilder prof, TruthSink sink, AccountSpec a, String field, String type, PersonSpec p) {
    if (type == null) return;
    tc.reset();
    tc.identifier("", type, p.idents.get(type), true, "own", null);
    appendProfile(prof, sink, a, field);
  }

  private void appendProfile(StringBuilder prof, TruthSink sink, AccountSpec a, String field) {
    if (prof.length() > 0) prof.append(',');
    Text.json(prof, field).append(':');
    Text.json(prof, tc.text());
    tc.flush(sink, site.siteId, "profile", a.id, a.id, field);
  }

  /** The main indicator code of a role's own behaviour (null for roles with none). */
  static String codeFor(Role role, SplittableRandom r) {
    return switch (role) {
      case PRODUCER -> r.nextInt(5) == 0 ? "interest-disclosure" : "production-claim";
      case GATEKEEPER -> r.nextInt(4) == 0 ? "opsec" : r.nextInt(5) == 0 ? "normalisation" : "entry-by-production";
      case ACCESS_CLAIMER -> r.nextInt(4) == 0 ? "interest-disclosure" : "access-claim";
      case MEETING_SEEKER -> r.nextInt(5) == 0 ? "interest-disclosure" : "meeting-intent";
      case CONTACT_ADVOCATE -> r.nextInt(4) == 0 ? "normalisation" : "contact-advocacy";
      case STREAM_SELLER, STREAM_BUYER -> r.nextInt(6) == 0 ? "opsec" : "paid-streaming";
      case NORMALISER -> r.nextInt(5) == 0 ? "interest-disclosure" : "normalisation";
      case CONSUMER -> r.nextInt(3) == 0 ? "interest-disclosure" : "opsec";
      default -> "opsec";
    };
  }

  private static double indicatorRate(Role role) {
    return switch (role) {
      case LURKER -> 0.02;
      case CONSUMER -> 0.06;
      case BYSTANDER -> 0.0;
      case NORMALISER -> 0.2;
      default -> 0.2;
    };
  }

  private void indicator(String code, PersonSpec p, AccountSpec a, SplittableRandom r) {
    String btc = null;
    String note = null;
    if (code.equals("paid-streaming")) {
      if (p.role == Role.STREAM_SELLER && p.idents.containsKey("btc")) {
        btc = p.idents.get("btc");
        note = "seller-own";
      } else {
        AccountSpec seller = sellers.isEmpty() ? null : sellers.get(r.nextInt(sellers.size()));
        PersonSpec sp = seller != null ? seller.person : pop.anySeller(r);
        btc = sp != null ? sp.idents.get("btc") : pop.donation[site.index];
        note = sp != null ? "paid-to:" + sp.id : "paid-to:unknown";
      }
    }
    boolean buyer = code.equals("paid-streaming") && p.role != Role.STREAM_SELLER;
    String[] templates = TemplateBank.get().section((buyer ? "buyer:" : "code:") + code);
    String t = templates[r.nextInt(templates.length)];
    if (btc == null) {
      for (int i = 0; i < 10 && t.contains("{btc}"); i++) t = templates[r.nextInt(templates.length)];
      if (t.contains("{btc}")) t = t.replace("{btc}", "the usual wallet");
    }
    tc.indicatorFrom(code, t, p.style, r, btc, note);
  }

  /** Writes a post's text; returns its attachments. */
  List<MediaFactory.Media> post(AccountSpec a, SplittableRandom r, boolean first) {
    PersonSpec p = a.person;
    Role role = p.role;
    if (r.nextInt(6) == 0) tc.chatter("chatter:greeting", p.style, r);
    int chatter = 1 + r.nextInt(p.heavy ? 4 : 3);
    int indicatorAt = r.nextDouble() < indicatorRate(role) ? r.nextInt(chatter + 1) : -1;
    for (int i = 0; i <= chatter; i++) {
      if (i == indicatorAt) indicator(codeFor(role, r), p, a, r);
      if (i < chatter) tc.chatter(r.nextInt(3) == 0 ? "chatter:reply" : r.nextBoolean() ? "chatter:tech" : "chatter:offtopic", p.style, r);
    }
    if (role == Role.BYSTANDER && r.nextInt(2) == 0) tc.negative(NEG_TYPES[r.nextInt(NEG_TYPES.length)], p.style, r);
    else if (!a.siteRole.equals("member") && role != Role.GATEKEEPER && r.nextInt(4) == 0) tc.negative("prohibition", p.style, r);
    else if (!role.motivated() && r.nextInt(60) == 0) tc.negative(r.nextBoolean() ? "privacy" : "news", p.style, r);
    decoysAndIdentifiers(a, r);
    String so = p.style.signOff();
    if (!so.isEmpty() && r.nextInt(3) == 0) tc.raw("\n" + so);
    return media(a, r, first);
  }

  private void decoysAndIdentifiers(AccountSpec a, SplittableRandom r) {
    PersonSpec p = a.person;
    int x = r.nextInt(1000);
    if (x < 4) tc.identifier("donations keep the lights on: ", "btc", pop.donation[site.index], true, "decoy-donation", p.style);
    else if (x < 6) tc.identifier("my exchange gave me this deposit address, is it legit? ", "btc", pop.exchange, true, "decoy-exchange", p.style);
    else if (x < 7) {
      tc.raw(tc.length() > 0 ? "\n" : "");
      tc.identifier("From the opsec guide, verify downloads with this key:\n", "pgp-key", pop.guideKey.armored(), true,
          "decoy-guide fingerprint " + pop.guideKey.fingerprint(), null);
    } else if (x < 9) tc.identifier("mirror: http://", "onion", pop.siteOnion(site.index), true, "site-mirror", p.style);
    else if (x < 30) {
      for (String w : new String[] {"xmr", "eth", "btc", "telegram", "email"}) {
        if (a.reveals.contains(w)) {
          if (r.nextInt(8) == 0 && !w.equals("telegram") && !w.equals("email")) {
            tc.identifier("send to ", w, Identifiers.nearMiss(w, p.idents.get(w), r), false, "near-miss", p.style);
            tc.identifier("sorry typo, correct one: ", w, p.idents.get(w), true, "own", p.style);
          } else tc.identifier(w.equals("telegram") || w.equals("email") ? "reach me: " : "tips: ", w, p.idents.get(w), true, "own", p.style);
          break;
        }
      }
    }
  }

  private List<MediaFactory.Media> media(AccountSpec a, SplittableRandom r, boolean first) {
    PersonSpec p = a.person;
    List<MediaFactory.Media> out = new ArrayList<>(2);
    if (first && a.plantsSharedMedia) out.add(p.sharedMedia);
    double rate = switch (p.role) {
      case CONSUMER -> 0.2;
      case PRODUCER -> 0.35;
      case GATEKEEPER -> 0.1;
      case BYSTANDER -> 0.0;
      default -> 0.03;
    };
    if (r.nextDouble() >= rate) return out;
    int n = 1 + (r.nextInt(3) == 0 ? r.nextInt(3) : 0);
    for (int i = 0; i < n; i++) {
      if (p.role == Role.PRODUCER && r.nextInt(4) != 0) out.add(p.ownMedia.get(r.nextInt(p.ownMedia.size())));
      else out.add(pop.consumerMedia(r));
    }
    return out;
  }

  /** Private message text; returns the recipient. */
  AccountSpec message(AccountSpec a, SplittableRandom r) {
    PersonSpec p = a.person;
    AccountSpec to;
    if (p.role == Role.STREAM_BUYER && !sellers.isEmpty()) to = sellers.get(r.nextInt(sellers.size()));
    else to = accounts.get(r.nextInt(accounts.size()));
    for (int i = 0; i < 4 && to == a && accounts.size() > 1; i++) to = accounts.get(r.nextInt(accounts.size()));
    tc.chatter(r.nextBoolean() ? "chatter:greeting" : "chatter:reply", p.style, r);
    if (r.nextDouble() < indicatorRate(p.role) * 1.5) indicator(codeFor(p.role, r), p, a, r);
    tc.chatter(r.nextBoolean() ? "chatter:offtopic" : "chatter:tech", p.style, r);
    if (r.nextInt(40) == 0) {
      for (String w : new String[] {"telegram", "session", "email"}) {
        if (a.reveals.contains(w)) {
          tc.identifier("add me: ", w, p.idents.get(w), true, "own", p.style);
          break;
        }
      }
    }
    return to;
  }
}
