package org.webwatch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.webwatch.model.Account;
import org.webwatch.model.Board;
import org.webwatch.model.CaptureManifest;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;

/** Builds small captures in every container form for tests (all text synthetic and benign). */
final class Captures {
  static final String MANIFEST = "{\"format\":\"webwatch-capture\",\"version\":1,\"id\":\"test-1\",\"collector\":\"unit\"}";
  static final String SITES = "{\"id\":\"s1\",\"name\":\"Example board\",\"url\":\"http://example.onion\",\"software\":\"phpbb\"}\n";
  static final String ACCOUNTS = "{\"id\":17,\"site\":\"s1\",\"username\":\"owl_77\",\"role\":\"member\",\"signature\":\"see you friday\"}\n"
      + "{\"id\":\"18\",\"site\":\"s1\",\"username\":\"lark\"}\n";
  static final String POSTS = "{\"id\":901,\"site\":\"s1\",\"thread\":55,\"author\":17,\"created_at\":\"2019-03-02T21:14:00Z\","
      + "\"text\":\"I look after my neighbour's kids every Friday\",\"attachments\":[{\"id\":\"a1\",\"md5\":\"ABCDEF0123456789ABCDEF0123456789\"}]}\n";

  private Captures() {}

  /** A valid capture as file name -> content. */
  static Map<String, byte[]> basic() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("capture.json", utf8(MANIFEST));
    m.put("sites.jsonl", utf8(SITES));
    m.put("accounts.jsonl", utf8(ACCOUNTS));
    m.put("posts.jsonl", utf8(POSTS));
    return m;
  }

  /** {@link #basic()} with posts.jsonl replaced by these lines. */
  static Map<String, byte[]> withPosts(String... lines) {
    Map<String, byte[]> m = basic();
    m.put("posts.jsonl", utf8(String.join("\n", lines) + "\n"));
    return m;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
      gz.write(b);
    }
    return bo.toByteArray();
  }

  static Path dir(Path dir, Map<String, byte[]> files) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> e : files.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
    return dir;
  }

  static Path zip(Path file, String prefix, Map<String, byte[]> files) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        z.putNextEntry(new ZipEntry(prefix + e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return file;
  }

  /** One tar entry: type '0' file, '2' symlink (content ignored, link target given), '5' directory. */
  record TarItem(String name, char type, byte[] data, String link) {
    static TarItem file(String name, byte[] data) {
      return new TarItem(name, '0', data, "");
    }
  }

  static List<TarItem> tarItems(String prefix, Map<String, byte[]> files) {
    List<TarItem> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) out.add(TarItem.file(prefix + e.getKey(), e.getValue()));
    return out;
  }

  static Path tarGz(Path file, List<TarItem> items) throws IOException {
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (TarItem it : items) {
        byte[] data = it.type() == '0' ? it.data() : new byte[0];
        byte[] name = utf8(it.name());
        if (name.length > 100) { // GNU long name
          writeHeader(o, "././@LongLink", 'L', name.length + 1, "");
          o.write(name);
          o.write(0);
          pad(o, name.length + 1);
          writeHeader(o, it.name().substring(0, 99), it.type(), data.length, it.link());
        } else {
          writeHeader(o, it.name(), it.type(), data.length, it.link());
        }
        o.write(data);
        pad(o, data.length);
      }
      o.write(new byte[1024]);
    }
    return file;
  }

  private static void pad(OutputStream o, long n) throws IOException {
    o.write(new byte[(int) ((512 - n % 512) % 512)]);
  }

  private static void writeHeader(OutputStream o, String name, char type, long size, String link) throws IOException {
    byte[] h = new byte[512];
    put(h, 0, 100, utf8(name));
    put(h, 100, 8, utf8("0000644"));
    put(h, 108, 8, utf8("0000000"));
    put(h, 116, 8, utf8("0000000"));
    put(h, 124, 12, utf8(String.format("%011o", size)));
    put(h, 136, 12, utf8(String.format("%011o", 0)));
    h[156] = (byte) type;
    put(h, 157, 100, utf8(link));
    put(h, 257, 6, utf8("ustar"));
    h[263] = '0';
    h[264] = '0';
    for (int i = 148; i < 156; i++) h[i] = ' ';
    long sum = 0;
    for (byte b : h) sum += b & 0xff;
    put(h, 148, 8, utf8(String.format("%06o", sum) + "\0 "));
    o.write(h);
  }

  private static void put(byte[] h, int off, int len, byte[] v) {
    System.arraycopy(v, 0, h, off, Math.min(len, v.length));
  }

  /** Records everything a read produced. */
  static final class Recorder implements CaptureVisitor {
    final List<String> order = new ArrayList<>();
    CaptureManifest manifest;
    final List<Site> sites = new ArrayList<>();
    final List<Board> boards = new ArrayList<>();
    final List<ForumThread> threads = new ArrayList<>();
    final List<Account> accounts = new ArrayList<>();
    final List<Post> posts = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    final List<RecordError> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    private void kind(String k) {
      if (order.isEmpty() || !order.get(order.size() - 1).equals(k)) order.add(k);
    }

    @Override public void manifest(CaptureManifest m) { manifest = m; kind("manifest"); }
    @Override public void site(Site s) { sites.add(s); kind("sites"); }
    @Override public void board(Board b) { boards.add(b); kind("boards"); }
    @Override public void thread(ForumThread t) { threads.add(t); kind("threads"); }
    @Override public void account(Account a) { accounts.add(a); kind("accounts"); }
    @Override public void post(Post p) { posts.add(p); kind("posts"); }
    @Override public void message(Message m) { messages.add(m); kind("messages"); }
    @Override public void rejected(RecordError e) { errors.add(e); }
    @Override public void warning(String w) { warnings.add(w); }
  }
}
