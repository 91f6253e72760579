package org.webwatch.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.webwatch.casework.Role;
import org.webwatch.model.TextKind;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.search.FullTextIndex;
import org.webwatch.store.search.IndexSchema;
import org.webwatch.store.search.IndexedText;
import org.webwatch.store.triage.TriageResultImporter;
import org.webwatch.store.users.UserRepository;

/**
 * A small seeded store: two sites, three accounts (two of one person), posts and a message with
 * indicator spans (benign, synthetic text), attachments with hashes, a triage run, a full-text
 * index, and one user per role. Passwords: NAME + "-password-1".
 */
public final class Fixture {
  public static final String SHA = "a".repeat(64);
  public static final String PDQ = "f".repeat(60) + "0000";
  public static final long T0 = 1_700_000_000_000L;

  private Fixture() {}

  public static String password(String user) {
    return user + "-password-1";
  }

  public static UserRepository seed(WebwatchStore store, Path tmp) throws Exception {
    try (Connection c = store.connection()) {
      c.createStatement().execute("INSERT INTO site (id, name, capture) VALUES ('s1','Forum One','cap'),('s2','Forum Two','cap')");
      c.createStatement().execute("INSERT INTO thread (site, id, board, title, author, created_at, capture) VALUES ('s1','t1','b','Welcome thread','a1'," + T0 + ",'cap')");
      c.createStatement().execute("INSERT INTO account (site, id, username, capture) VALUES ('s1','a1','alpha','cap'),('s2','b7','beta','cap'),('s1','a2','gamma','cap')");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO post (site, id, thread, author, created_at, text, reply_to, capture) VALUES (?,?,?,?,?,?,?,'cap')")) {
        Object[][] rows = {
          {"s1", "p1", "t1", "a1", T0, "New members must upload something they made themselves <script>alert(1)</script>", null},
          {"s1", "p2", "t1", "a2", T0 + 3_600_000L, "Welcome, read the rules first", "p1"},
          {"s1", "p3", "t1", "a1", T0 + 8 * 86_400_000L, "I look after my neighbour's kids every Friday", "p2"},
        };
        for (Object[] r : rows) {
          for (int i = 0; i < r.length; i++) ps.setObject(i + 1, r[i]);
          ps.executeUpdate();
        }
      }
      c.createStatement().execute("INSERT INTO message (site, id, author, created_at, text, subject, recipients, capture) VALUES "
          + "('s2','m1','b7'," + (T0 + 7_200_000L) + ",'I look after kids at weekends','hello','[\"x9\"]','cap')");
      c.createStatement().execute("INSERT INTO attachment (site, id, item_kind, item, account, sha256, md5, pdq, capture) VALUES "
          + "('s1','at1','post','p1','a1','" + SHA + "','" + "b".repeat(32) + "','" + PDQ + "','cap')");
    }
    Path out = Files.createDirectories(tmp.resolve("triage-out"));
    Files.writeString(out.resolve("accounts.csv"), """
        rank,site,account,username,person,score,band,reasons
        1,s1,a1,alpha,P1,9.5,critical,entry-by-production=1;new-media=1
        2,s2,b7,beta,P1,7.25,high,access-claim=1
        3,s1,a2,gamma,P2,1.0,low,
        """);
    Files.writeString(out.resolve("persons.csv"), """
        rank,person,score,band,accounts,reasons
        1,P1,12.0,critical,s1:a1|s2:b7,entry-by-production=1;access-claim=1
        2,P2,1.0,low,s1:a2,
        """);
    Files.writeString(out.resolve("identities.csv"), """
        person,site,account,confidence,evidence
        P1,s1,a1,0.9,shared-btc;username
        P1,s2,b7,0.9,shared-btc
        P2,s1,a2,1,
        """);
    Files.writeString(out.resolve("indicators.csv"), """
        site,kind,item,account,category,start,end,text
        s1,post,p1,a1,entry-by-production,12,54,must upload something they made themselves
        s2,message,m1,b7,access-claim,0,16,I look after kid
        """);
    Files.writeString(out.resolve("identifiers.csv"), """
        site,kind,item,account,type,value,valid
        s1,post,p1,a1,btc,bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq,true
        """);
    Files.writeString(out.resolve("media.csv"), """
        site,post,account,attachment,status,source,category,distance
        s1,p1,a1,at1,new,,,
        """);
    Files.writeString(out.resolve("link-suggestions.csv"), """
        site_a,account_a,person_a,site_b,account_b,person_b,confidence,method,version,evidence
        s1,a2,P2,s2,b7,P1,0.620,boosted-trees,3.0.0,username;boosted-weak
        """);
    Files.writeString(out.resolve("explanations.json"), """
        {"accounts":[{"site":"s1","account":"a1","factors":[{"code":"entry-by-production","contribution":4.5,"evidence":"post p1"}]}],
         "persons":[{"person":"P1","factors":[{"code":"new-media","contribution":2.0,"evidence":"at1"}],
           "suggestions":[{"a":"s1:a2","b":"s2:b7","other_person":"P2","confidence":0.62,"method":"boosted-trees","version":"3.0.0",
             "evidence":[{"code":"username","value":"beta~gamma","weight":1.2,"detail":"d"},{"code":"style","value":"0.1","weight":-0.3,"detail":"d"},
               {"code":"boosted-weak","value":"p=0.62","weight":0.49,"detail":"d"}]}]}]}
        """);
    new TriageResultImporter(store).importRun(out);
    index(store);
    UserRepository users = new UserRepository(store, UserRepository.TEST_ARGON2);
    for (Role r : Role.values()) users.add(r.code(), r, password(r.code()), T0);
    return users;
  }

  private static void index(WebwatchStore store) throws Exception {
    try (IndexWriter w = new IndexWriter(FSDirectory.open(store.indexDir()), new IndexWriterConfig(IndexSchema.analyzer()))) {
      add(w, "s1", "post", "p1", "a1", T0, "New members must upload something they made themselves <script>alert(1)</script>");
      add(w, "s1", "post", "p3", "a1", T0 + 8 * 86_400_000L, "I look after my neighbour's kids every Friday");
      add(w, "s2", "message", "m1", "b7", T0 + 7_200_000L, "hello I look after kids at weekends");
    }
  }

  private static void add(IndexWriter w, String site, String kind, String id, String account, long time, String text) throws Exception {
    // the importer's own document layout, so the search tests follow the schema
    w.addDocument(FullTextIndex.document(new IndexedText(site, TextKind.fromCode(kind), id, account, java.time.Instant.ofEpochMilli(time), text), "cap"));
  }
}
