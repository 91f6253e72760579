package org.webwatch.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.webwatch.store.search.FullTextIndex;

/** A canonical text dump of every capture table and the index keys, for equality checks. */
final class StoreDump {
  private static final String[] QUERIES = {
    "SELECT id, version, collected_at, collector, notes, source_path, status, records, rejected, extra, indexed FROM capture",
    "SELECT * FROM site", "SELECT * FROM board", "SELECT * FROM thread", "SELECT * FROM account", "SELECT * FROM post",
    "SELECT * FROM message", "SELECT * FROM attachment", "SELECT * FROM rejected_record", "SELECT * FROM capture_file",
    "SELECT * FROM capture_warning",
  };

  private StoreDump() {}

  static List<String> dump(WebwatchStore store) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = store.connection(); Statement s = c.createStatement()) {
      for (String q : QUERIES) {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(q)) {
          ResultSetMetaData md = r.getMetaData();
          while (r.next()) {
            StringBuilder b = new StringBuilder(q.substring(q.lastIndexOf(' ') + 1)).append('|');
            for (int i = 1; i <= md.getColumnCount(); i++) b.append(r.getString(i)).append('|');
            rows.add(b.toString());
          }
        }
        rows.sort(null);
        out.addAll(rows);
      }
    }
    List<String> keys = FullTextIndex.keys(store.indexDir());
    out.add("index-docs|" + FullTextIndex.docCount(store.indexDir()));
    for (String k : keys) out.add("index-key|" + k);
    return out;
  }
}
