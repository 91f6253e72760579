package org.webwatch.generate.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code truth/*.csv} and {@code known-hashes.csv} from the population and site sinks. */
public final class TruthWriter {
  private TruthWriter() {}

  public static void write(Population pop, TruthSink[] sinks, Path out) throws IOException {
    Path t = out.resolve("truth");
    java.nio.file.Files.createDirectories(t);
    try (BufferedWriter w = SiteGenerator.writer(out, "known-hashes.csv")) {
      w.write("md5,sha1,sha256,pdq,photodna,category,series,source\n");
      StringBuilder sb = new StringBuilder(256);
      for (MediaFactory.KnownEntry k : pop.known) {
        sb.setLength(0);
        Text.row(sb, k.md5(), k.sha1(), k.sha256(), MediaFactory.pdqHex(k.pdq()), k.photodna(), k.category(), k.series(), "synthetic-national-set");
        w.write(sb.toString());
      }
    }
    try (BufferedWriter pw = SiteGenerator.writer(t, "persons.csv");
        BufferedWriter aw = SiteGenerator.writer(t, "accounts.csv");
        BufferedWriter lw = SiteGenerator.writer(t, "links.csv")) {
      pw.write("person,role,motivated,expected_band,accounts\n");
      aw.write("site,account,person,role,motivated\n");
      lw.write("person,site_a,account_a,site_b,account_b,evidence\n");
      StringBuilder sb = new StringBuilder(256);
      for (PersonSpec p : pop.persons) {
        StringBuilder accs = new StringBuilder();
        for (AccountSpec a : p.accounts) {
          if (accs.length() > 0) accs.append('|');
          accs.append(pop.sites[a.site].siteId).append(':').append(a.id);
        }
        sb.setLength(0);
        String mot = Boolean.toString(p.role.motivated());
        Text.row(sb, p.id, p.role.code(), mot, p.role.expectedBand(), accs.toString());
        pw.write(sb.toString());
        for (AccountSpec a : p.accounts) {
          sb.setLength(0);
          Text.row(sb, pop.sites[a.site].siteId, a.id, p.id, p.role.code(), mot);
          aw.write(sb.toString());
        }
        for (int i = 0; i < p.accounts.size(); i++) {
          for (int j = i + 1; j < p.accounts.size(); j++) {
            AccountSpec a = p.accounts.get(i);
            AccountSpec b = p.accounts.get(j);
            sb.setLength(0);
            Text.row(sb, p.id, pop.sites[a.site].siteId, a.id, pop.sites[b.site].siteId, b.id, String.join(";", evidence(a, b)));
            lw.write(sb.toString());
          }
        }
      }
    }
    concat(t, "indicators.csv", "site,kind,item,account,category,start,end,text\n", sinks, 0);
    concat(t, "negatives.csv", "site,kind,item,account,negative_type,start,end,text\n", sinks, 1);
    concat(t, "identifiers.csv", "site,kind,item,account,type,value,valid,field,start,end,note\n", sinks, 2);
    concat(t, "obfuscations.csv", "site,kind,item,account,category,obfuscation,start,end,text\n", sinks, 3);
    concat(t, "media.csv", "site,post,account,attachment,status\n", sinks, 4);
    try (BufferedWriter w = SiteGenerator.writer(t, "decoys.csv")) {
      w.write("type,value,note\n");
      StringBuilder sb = new StringBuilder();
      for (String[] d : pop.decoys) Text.row(sb, d);
      w.write(sb.toString());
    }
  }

  /** Evidence codes planted to tie two accounts of one person, in the documented order. */
  static List<String> evidence(AccountSpec a, AccountSpec b) {
    List<String> ev = new ArrayList<>();
    for (String k : new String[] {"btc", "eth", "xmr", "pgp", "email"}) if (a.reveals.contains(k) && b.reveals.contains(k)) ev.add("shared-" + k);
    for (String k : new String[] {"telegram", "session", "onion"}) {
      if (a.reveals.contains(k) && b.reveals.contains(k)) {
        ev.add("shared-contact");
        break;
      }
    }
    if (a.usernameLinked && b.usernameLinked) ev.add("username");
    if (a.posts + a.messages >= 3 && b.posts + b.messages >= 3) {
      ev.add("style");
      ev.add("timing");
    }
    if (a.plantsSharedMedia && b.plantsSharedMedia) ev.add("shared-media");
    return ev;
  }

  private static void concat(Path dir, String name, String header, TruthSink[] sinks, int which) throws IOException {
    try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(dir.resolve(name)), 1 << 16)) {
      out.write(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (TruthSink s : sinks) s.copyPart(which, out);
    }
  }
}
