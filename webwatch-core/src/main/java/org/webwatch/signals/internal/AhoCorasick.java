package org.webwatch.signals.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick multi-pattern matcher (Aho &amp; Corasick, CACM 1975) compiled to a complete DFA:
 * one table lookup per input character, so a scan is O(n + matches) whatever the patterns and
 * the input — no backtracking. Build is O(total pattern length × alphabet). The alphabet is the
 * set of characters in the patterns (+1 for "anything else"). Immutable and thread-safe.
 */
public final class AhoCorasick {
  /** Receives a match of pattern {@code id} ending just before {@code end}. */
  @FunctionalInterface
  public interface Sink {
    /** Returns false to stop the scan. */
    boolean match(int id, int end);
  }

  private final char[] symbolOf = new char[0x10000];
  private final int alphabet;
  private final int[] delta;
  private final int[][] out;
  private final int[] lengths;

  public AhoCorasick(List<String> patterns) {
    int a = 1;
    for (String p : patterns) {
      if (p.isEmpty()) throw new IllegalArgumentException("empty pattern");
      for (int i = 0; i < p.length(); i++) if (symbolOf[p.charAt(i)] == 0) symbolOf[p.charAt(i)] = (char) a++;
    }
    if (a > Character.MAX_VALUE) throw new IllegalArgumentException("alphabet too large");
    alphabet = a;
    lengths = new int[patterns.size()];
    int maxNodes = 1;
    for (String p : patterns) maxNodes += p.length();
    int[] d = new int[maxNodes * a];
    Arrays.fill(d, -1);
    int[][] o = new int[maxNodes][];
    int nodes = 1;
    for (int id = 0; id < patterns.size(); id++) {
      String p = patterns.get(id);
      lengths[id] = p.length();
      int s = 0;
      for (int i = 0; i < p.length(); i++) {
        int idx = s * a + symbolOf[p.charAt(i)];
        if (d[idx] < 0) d[idx] = nodes++;
        s = d[idx];
      }
      o[s] = append(o[s], id);
    }
    int[] fail = new int[nodes];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < a; c++) {
      if (d[c] < 0) d[c] = 0;
      else {
        fail[d[c]] = 0;
        queue.add(d[c]);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      if (o[fail[s]] != null) for (int id : o[fail[s]]) o[s] = append(o[s], id);
      for (int c = 0; c < a; c++) {
        int t = d[s * a + c];
        if (t < 0) d[s * a + c] = d[fail[s] * a + c];
        else {
          fail[t] = d[fail[s] * a + c];
          queue.add(t);
        }
      }
    }
    delta = Arrays.copyOf(d, nodes * a);
    out = Arrays.copyOf(o, nodes);
  }

  private static int[] append(int[] arr, int v) {
    if (arr == null) return new int[] {v};
    for (int x : arr) if (x == v) return arr;
    int[] r = Arrays.copyOf(arr, arr.length + 1);
    r[arr.length] = v;
    return r;
  }

  public int patternLength(int id) {
    return lengths[id];
  }

  public void scan(CharSequence text, Sink sink) {
    int s = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      s = delta[s * alphabet + symbolOf[text.charAt(i)]];
      int[] o = out[s];
      if (o != null) for (int id : o) if (!sink.match(id, i + 1)) return;
    }
  }
}
