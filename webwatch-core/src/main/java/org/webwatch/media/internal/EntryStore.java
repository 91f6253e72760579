package org.webwatch.media.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.media.hashset.HashEntry;

/**
 * Column store of hash-set entry metadata by ordinal, sized for national sets: set index,
 * numeric id (non-numeric ids in a side map), and category / series / source as indexes into
 * string dictionaries (few distinct values). About 24 bytes per entry. Not thread-safe.
 */
public final class EntryStore {
  private static final long NON_NUMERIC = Long.MIN_VALUE;
  private int[] set = new int[16];
  private long[] numericId = new long[16];
  private int[] category = new int[16];
  private int[] series = new int[16];
  private int[] source = new int[16];
  private final Map<Integer, String> textId = new HashMap<>();
  private final List<String> dict = new ArrayList<>(List.of(""));
  private final Map<String, Integer> dictIndex = new HashMap<>(Map.of("", 0));
  private int n;

  public int add(int setIndex, HashEntry e) {
    if (n == set.length) {
      int m = n * 2;
      set = Arrays.copyOf(set, m);
      numericId = Arrays.copyOf(numericId, m);
      category = Arrays.copyOf(category, m);
      series = Arrays.copyOf(series, m);
      source = Arrays.copyOf(source, m);
    }
    int ord = n++;
    set[ord] = setIndex;
    long num = parseId(e.id());
    numericId[ord] = num;
    if (num == NON_NUMERIC) textId.put(ord, e.id());
    category[ord] = intern(e.category() == null ? null : e.category().toString());
    series[ord] = intern(e.series());
    source[ord] = intern(e.source());
    return ord;
  }

  public boolean alive(int ord) {
    return set[ord] >= 0;
  }

  public void kill(int ord) {
    set[ord] = -1;
    textId.remove(ord);
  }

  public int set(int ord) {
    return set[ord];
  }

  public String id(int ord) {
    long v = numericId[ord];
    return v == NON_NUMERIC ? textId.get(ord) : Long.toString(v);
  }

  public String category(int ord) {
    return text(category[ord]);
  }

  public String series(int ord) {
    return text(series[ord]);
  }

  public String source(int ord) {
    return text(source[ord]);
  }

  private String text(int i) {
    return i == 0 ? null : dict.get(i);
  }

  private int intern(String s) {
    if (s == null) return 0;
    Integer i = dictIndex.get(s);
    if (i != null) return i;
    dict.add(s);
    dictIndex.put(s, dict.size() - 1);
    return dict.size() - 1;
  }

  /** A canonical decimal id (no sign, no leading zero) fits a long; anything else stays text. */
  private static long parseId(String id) {
    if (id.isEmpty() || id.length() > 18 || (id.length() > 1 && id.charAt(0) == '0')) return NON_NUMERIC;
    for (int i = 0; i < id.length(); i++) if (id.charAt(i) < '0' || id.charAt(i) > '9') return NON_NUMERIC;
    return Long.parseLong(id);
  }
}
