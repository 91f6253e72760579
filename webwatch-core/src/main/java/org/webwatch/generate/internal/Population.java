package org.webwatch.generate.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.webwatch.generate.Role;

/**
 * Builds all persons and accounts (sequentially, from per-person random streams), the known
 * hash set, the pool of new media and the decoys. O(persons + known entries).
 */
public final class Population {
  /** Role shares in percent, in {@link Role} order; motivated roles total 5.5%. */
  static final double[] ROLE_SHARE = {57.5, 25.0, 1.0, 0.5, 1.0, 0.8, 0.8, 0.4, 1.0, 4.0, 8.0};
  /** Relative posting activity per role, in {@link Role} order. */
  static final double[] ROLE_ACTIVITY = {0.15, 1.0, 4.0, 6.0, 2.0, 2.0, 3.0, 3.0, 2.0, 3.0, 1.5};
  /** Private messages per post, per role. */
  static final double[] ROLE_MESSAGES = {0.1, 0.1, 0.3, 0.2, 0.3, 0.8, 0.4, 0.5, 0.6, 0.2, 0.1};
  static final long EPOCH_2019 = 1546300800L;

  private static final String[] ADJ = {
    "shadow", "silent", "dark", "blue", "lost", "quiet", "night", "grey", "wild", "cold", "red", "lucky", "old",
    "hidden", "sleepy", "iron", "crazy", "lonely", "frost", "misty", "rusty", "happy", "black", "swift", "little",
    "brave", "gentle", "stray", "velvet", "amber", "hollow", "paper", "stone", "winter", "summer", "secret", "jolly"
  };
  private static final String[] NOUN = {
    "fox", "owl", "wolf", "raven", "bear", "ghost", "rider", "walker", "storm", "hawk", "tiger", "moon", "river",
    "pilot", "joker", "sailor", "monk", "viper", "badger", "falcon", "wizard", "panda", "rabbit", "lynx", "crow",
    "otter", "heron", "drifter", "nomad", "ranger", "pirate", "ember", "comet", "willow", "ferret", "spider", "knight"
  };
  private static final String[] MAIL = {"protonmail.com", "tutanota.com", "cock.li", "onionmail.org", "mail.ru", "dnmx.org"};

  public final List<PersonSpec> persons = new ArrayList<>();
  public final List<List<AccountSpec>> bySite = new ArrayList<>();
  public final MediaFactory.KnownEntry[] known;
  public final List<MediaFactory.Media> newPool = new ArrayList<>();
  public final List<String[]> decoys = new ArrayList<>();
  public final String[] donation;
  public final String exchange;
  public final PgpKeyFactory.PgpKey guideKey;
  public final SiteStyle[] sites;
  private final String[] siteOnions;
  private final List<PersonSpec> sellers = new ArrayList<>();
  private final List<AccountSpec[]> similar = new ArrayList<>();

  public Population(int nPersons, long seed, int nSites, double postsMean) {
    sites = new SiteStyle[nSites];
    for (int s = 0; s < nSites; s++) {
      sites[s] = new SiteStyle(s);
      bySite.add(new ArrayList<>());
    }
    SplittableRandom g = Seeds.stream(seed, Seeds.GLOBAL, 0);
    known = new MediaFactory.KnownEntry[Math.max(200, nPersons / 4)];
    for (int i = 0; i < known.length; i++) known[i] = MediaFactory.known(g, i);
    donation = new String[nSites];
    for (int s = 0; s < nSites; s++) {
      donation[s] = Identifiers.btc(g, 1 + s % 3);
      decoys.add(new String[] {"donation-address", donation[s], "site " + sites[s].siteId + " donation address, posted by many members"});
    }
    siteOnions = new String[nSites];
    for (int s = 0; s < nSites; s++) siteOnions[s] = Identifiers.onion(g);
    exchange = Identifiers.btc(g, 0);
    decoys.add(new String[] {"exchange-address", exchange, "exchange deposit address quoted by many unrelated members"});
    guideKey = PgpKeyFactory.create(bytes(g, 32), "Opsec Guide <guide@privacy.example>", 1514764800L);
    decoys.add(new String[] {"guide-pgp", guideKey.fingerprint(), "PGP key quoted in an opsec guide, reposted by many"});

    Role[] roles = assignRoles(nPersons, g);
    Set<String>[] names = newNameSets(nSites);
    for (int i = 0; i < nPersons; i++) {
      SplittableRandom r = Seeds.stream(seed, Seeds.PERSON, i);
      Role role = roles[i];
      double heavyP = role.motivated() ? 0.12 : role == Role.LURKER ? 0.0 : 0.04;
      PersonSpec p = new PersonSpec(i, role, WritingStyle.random(r), ActivityProfile.random(r), r.nextDouble() < heavyP);
      persons.add(p);
      AccountSpec similarTo = chooseBaseName(p, r);
      buildIdentity(p, r);
      buildAccounts(p, r, names);
      if (similarTo != null) similar.add(new AccountSpec[] {similarTo, p.accounts.get(0)});
    }
    assignAccountIds(g);
    for (AccountSpec[] pair : similar) {
      decoys.add(new String[] {"similar-username",
          sites[pair[0].site].siteId + ":" + pair[0].id + "|" + sites[pair[1].site].siteId + ":" + pair[1].id,
          "similar usernames of different persons (" + pair[0].username + " / " + pair[1].username + ")"});
    }
    assignActivity(postsMean, seed);
    for (PersonSpec p : persons) if (p.role == Role.STREAM_SELLER && p.idents.containsKey("btc")) sellers.add(p);
    for (int s = 0; s < nSites; s++) assignModerators(bySite.get(s), g);
  }

  private Role[] assignRoles(int n, SplittableRandom g) {
    Role[] all = Role.values();
    Role[] roles = new Role[n];
    for (int i = 0; i < n; i++) {
      double x = g.nextDouble() * 100;
      int k = 0;
      while (k < all.length - 1 && x >= ROLE_SHARE[k]) x -= ROLE_SHARE[k++];
      roles[i] = all[k];
    }
    // Small populations still get every role at least once.
    if (n >= all.length * 3) {
      List<Integer> idx = new ArrayList<>();
      while (idx.size() < all.length) {
        int c = g.nextInt(n);
        if (!idx.contains(c)) idx.add(c);
      }
      for (int k = 0; k < all.length; k++) roles[idx.get(k)] = all[k];
    }
    return roles;
  }

  private void buildIdentity(PersonSpec p, SplittableRandom r) {
    double idP = p.role.motivated() ? 0.9 : p.role == Role.CONSUMER ? 0.35 : p.role == Role.BYSTANDER ? 0.05 : 0.15;
    if (p.role == Role.STREAM_SELLER || p.role == Role.STREAM_BUYER) p.idents.put("btc", Identifiers.btc(r, r.nextInt(4)));
    if (r.nextDouble() < idP) {
      if (!p.idents.containsKey("btc") && r.nextDouble() < 0.6) p.idents.put("btc", Identifiers.btc(r, r.nextInt(4)));
      if (r.nextDouble() < 0.3) p.idents.put("eth", Identifiers.eth(r));
      if (r.nextDouble() < 0.25) p.idents.put("xmr", Identifiers.xmr(r));
      if (r.nextDouble() < 0.3) p.idents.put("email", p.baseName.replace("_", "") + (r.nextInt(90) + 10) + "@" + MAIL[r.nextInt(MAIL.length)]);
      if (r.nextDouble() < 0.25) p.idents.put("telegram", "@" + p.baseName.replace("_", "") + "_" + (char) ('a' + r.nextInt(26)) + r.nextInt(100));
      if (r.nextDouble() < 0.15) p.idents.put("session", Identifiers.session(r));
      if (p.role == Role.STREAM_SELLER || p.role == Role.PRODUCER && r.nextBoolean()) p.idents.put("onion", Identifiers.onion(r));
      if (r.nextDouble() < (p.role.motivated() ? 0.6 : 0.1)) {
        p.pgp = PgpKeyFactory.create(bytes(r, 32), p.baseName.replace("_", "") + " <" + p.baseName.replace("_", "") + "@keys.example>",
            EPOCH_2019 + r.nextInt(3 * 365 * 86400));
      }
    }
    if (p.role == Role.PRODUCER) {
      int n = 3 + r.nextInt(20);
      for (int i = 0; i < n; i++) p.ownMedia.add(MediaFactory.fresh(r, "new", 60 + r.nextInt(41)));
      newPool.addAll(p.ownMedia);
    }
  }

  /** Picks the person's base user name; returns "site:account" of a different person whose name it imitates, or null. */
  private AccountSpec chooseBaseName(PersonSpec p, SplittableRandom r) {
    AccountSpec similarTo = null;
    if (persons.size() > 10 && r.nextInt(100) < 3) {
      PersonSpec other = persons.get(r.nextInt(persons.size() - 1));
      if (other.baseName != null && !other.accounts.isEmpty()) {
        p.baseName = Identifiers.usernameVariant(other.baseName, r);
        similarTo = other.accounts.get(0);
      }
    }
    if (p.baseName == null) {
      // Word pair plus, for half of the persons, a number: keeps accidental exact collisions
      // between different persons rare, so the planted similar-name decoys are the hard cases.
      p.baseName = ADJ[r.nextInt(ADJ.length)] + (r.nextBoolean() ? "_" : "") + NOUN[r.nextInt(NOUN.length)]
          + (r.nextBoolean() ? Integer.toString(r.nextInt(1000)) : "");
    }
    return similarTo;
  }

  private void buildAccounts(PersonSpec p, SplittableRandom r, Set<String>[] names) {
    int nSites = sites.length;
    int x = r.nextInt(100);
    int n = Math.min(nSites, x < 80 ? 1 : x < 93 ? 2 : x < 98 ? 3 : 4);
    if (p.role.motivated() && n == 1 && r.nextInt(4) == 0) n = Math.min(nSites, 2);
    List<Integer> chosen = new ArrayList<>();
    while (chosen.size() < n) {
      int s = pickSite(r);
      if (!chosen.contains(s)) chosen.add(s);
    }
    for (int k = 0; k < n; k++) {
      int s = chosen.get(k);
      boolean linked = k == 0 || r.nextInt(10) < 7;
      String name = k == 0 ? p.baseName : linked ? Identifiers.usernameVariant(p.baseName, r) : ADJ[r.nextInt(ADJ.length)] + NOUN[r.nextInt(NOUN.length)] + r.nextInt(1000);
      while (!names[s].add(name.toLowerCase(Locale.ROOT))) name = name + r.nextInt(10);
      AccountSpec a = new AccountSpec(p, s, name, linked);
      for (String t : p.idents.keySet()) {
        boolean always = t.equals("btc") && p.role == Role.STREAM_SELLER;
        if (n == 1 || always || r.nextInt(10) < 6) a.reveals.add(t);
      }
      if (p.pgp != null && (n == 1 || r.nextInt(10) < 6)) a.reveals.add("pgp");
      p.accounts.add(a);
      bySite.get(s).add(a);
    }
    if (n >= 2 && (p.role == Role.PRODUCER || p.role == Role.CONSUMER && r.nextInt(5) == 0)) {
      p.sharedMedia = p.ownMedia.isEmpty() ? MediaFactory.fresh(r, "new", 55 + r.nextInt(45)) : p.ownMedia.get(0);
      int planted = 0;
      for (AccountSpec a : p.accounts) if (a.plantsSharedMedia = planted < 2 || r.nextBoolean()) planted++;
      if (p.ownMedia.isEmpty()) newPool.add(p.sharedMedia);
    }
  }

  /** Shuffles each site's accounts and numbers them, so ids carry no trace of person order. */
  private void assignAccountIds(SplittableRandom g) {
    for (int s = 0; s < sites.length; s++) {
      List<AccountSpec> l = bySite.get(s);
      for (int i = l.size() - 1; i > 0; i--) java.util.Collections.swap(l, i, g.nextInt(i + 1));
      for (int i = 0; i < l.size(); i++) l.get(i).id = sites[s].id('u', sites[s].intIds() ? 1001 + i : i + 1);
    }
  }

  private int pickSite(SplittableRandom r) {
    double total = 0;
    for (int s = 0; s < sites.length; s++) total += 1.0 / Math.sqrt(s + 1);
    double x = r.nextDouble() * total;
    for (int s = 0; s < sites.length; s++) {
      x -= 1.0 / Math.sqrt(s + 1);
      if (x < 0) return s;
    }
    return sites.length - 1;
  }

  /** Scales per-person activity so the population mean is {@code postsMean} posts per person. */
  private void assignActivity(double postsMean, long seed) {
    double sum = 0;
    for (PersonSpec p : persons) {
      SplittableRandom r = Seeds.stream(seed, Seeds.ACTIVITY, p.index);
      // Most members never post (field notes: ~3.4% post, ~94% download).
      int silentPct = switch (p.role) {
        case LURKER -> 92;
        case CONSUMER -> 55;
        case BYSTANDER -> 30;
        default -> 0;
      };
      boolean silent = r.nextInt(100) < silentPct;
      double w = silent ? 0 : ROLE_ACTIVITY[p.role.ordinal()] * (0.3 + r.nextDouble() * 1.4) * (p.heavy ? 15 : 1);
      p.activity = w;
      sum += w;
    }
    double scale = sum == 0 ? 0 : postsMean * persons.size() / sum;
    for (PersonSpec p : persons) {
      SplittableRandom r = Seeds.stream(seed, Seeds.ACTIVITY + 1, p.index);
      double lambda = p.activity * scale;
      int posts = (int) Math.floor(lambda * (0.75 + r.nextDouble() * 0.5) + r.nextDouble());
      int nAcc = p.accounts.size();
      double[] w = new double[nAcc];
      double ws = 0;
      for (int k = 0; k < nAcc; k++) ws += w[k] = 0.2 + r.nextDouble();
      for (int k = 0; k < nAcc; k++) {
        AccountSpec a = p.accounts.get(k);
        int share = (int) Math.round(posts * w[k] / ws);
        a.posts = nAcc > 1 ? Math.max(3, share) : share;
        a.messages = (int) Math.floor(a.posts * ROLE_MESSAGES[p.role.ordinal()] + r.nextDouble());
      }
    }
  }

  private void assignModerators(List<AccountSpec> accounts, SplittableRandom g) {
    boolean admin = false;
    for (AccountSpec a : accounts) {
      if (a.person.role == Role.GATEKEEPER) {
        a.siteRole = admin ? "moderator" : "admin";
        admin = true;
        if (a.posts < 5) a.posts = 5;
      }
    }
    // Ordinary moderators who enforce prohibitions (hard negatives).
    int mods = 0;
    for (AccountSpec a : accounts) {
      if (mods >= 1 + accounts.size() / 500) break;
      if ((a.person.role == Role.CONSUMER || a.person.role == Role.BYSTANDER) && a.posts >= 3) {
        a.siteRole = admin ? "moderator" : "admin";
        admin = true;
        mods++;
      }
    }
  }

  public String siteOnion(int site) {
    return siteOnions[site];
  }

  String pgpSpaced(PersonSpec p) {
    return p.pgp.spaced();
  }

  /** Any stream seller of the population (buyers on sites without a local seller), or null. */
  PersonSpec anySeller(SplittableRandom r) {
    return sellers.isEmpty() ? null : sellers.get(r.nextInt(sellers.size()));
  }

  /**
   * Media a consumer posts: known exact copies (some with only cryptographic hashes or
   * PhotoDNA), near copies within and beyond the PDQ threshold, re-shared new media, low
   * quality and unhashed files. The status is what a correct matcher must report.
   */
  MediaFactory.Media consumerMedia(SplittableRandom r) {
    int x = r.nextInt(100);
    String name = MediaFactory.fileName(r);
    long size = 20_000 + r.nextInt(2_000_000);
    if (x < 45) {
      MediaFactory.KnownEntry k = known[r.nextInt(known.length)];
      int v = r.nextInt(10);
      if (v < 2) return new MediaFactory.Media(k.md5(), null, null, null, 0, null, null, "known-exact", name, "image/jpeg", size);
      if (v == 2 && k.photodna() != null) return new MediaFactory.Media(null, null, null, null, 0, k.photodna(), null, "known-exact", name, "image/jpeg", size);
      return new MediaFactory.Media(k.md5(), k.sha1(), k.sha256(), k.pdq(), 70 + r.nextInt(31), null, null, "known-exact", name, "image/jpeg", size);
    }
    if (x < 72) {
      MediaFactory.KnownEntry k = known[r.nextInt(known.length)];
      boolean far = x >= 67;
      int flips = far ? 32 + r.nextInt(29) : 1 + r.nextInt(MediaFactory.PDQ_MATCH_DISTANCE);
      return new MediaFactory.Media(MediaFactory.randomHex(r, 32), MediaFactory.randomHex(r, 40), MediaFactory.randomHex(r, 64),
          MediaFactory.flipBits(k.pdq(), flips, r), 50 + r.nextInt(51), null, r.nextInt(12) == 0 ? "nn512" : null,
          far ? "new" : "known-perceptual", name, "image/jpeg", size);
    }
    if (x < 84 && !newPool.isEmpty()) return newPool.get(r.nextInt(newPool.size()));
    if (x < 92) {
      return new MediaFactory.Media(MediaFactory.randomHex(r, 32), null, MediaFactory.randomHex(r, 64), MediaFactory.randomPdq(r),
          r.nextInt(50), null, null, "low-quality", name, "image/jpeg", size);
    }
    if (x < 96) return new MediaFactory.Media(null, null, null, null, 0, null, null, "unhashed", name, r.nextBoolean() ? "video/mp4" : null, size);
    MediaFactory.Media m = MediaFactory.fresh(r, "new", 50 + r.nextInt(51));
    return r.nextInt(8) == 0 ? new MediaFactory.Media(m.md5(), m.sha1(), m.sha256(), m.pdq(), m.quality(), null, "nn512", "new", m.name(), m.mime(), m.size()) : m;
  }

  static byte[] bytes(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) b[i] = (byte) r.nextInt(256);
    return b;
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] newNameSets(int n) {
    Set<String>[] s = new Set[n];
    for (int i = 0; i < n; i++) s[i] = new HashSet<>();
    return s;
  }

  /** An Ed25519 public key derived from random bytes (for onion and Monero keys). */
  static byte[] edPublic(SplittableRandom r) {
    return new Ed25519PrivateKeyParameters(bytes(r, 32), 0).generatePublicKey().getEncoded();
  }
}
