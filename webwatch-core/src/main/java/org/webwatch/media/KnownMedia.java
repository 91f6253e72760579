package org.webwatch.media;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.webwatch.WebwatchException;
import org.webwatch.media.hashset.HashEntry;
import org.webwatch.media.hashset.HashEntrySource;
import org.webwatch.media.hashset.HashSetFormat;
import org.webwatch.media.hashset.HashSetSpec;
import org.webwatch.media.hashset.ReadSummary;
import org.webwatch.media.index.MihPdqIndex;
import org.webwatch.media.index.PdqIndex;
import org.webwatch.media.internal.AttachmentClassification;
import org.webwatch.media.internal.EntryStore;
import org.webwatch.media.internal.ExactHashTable;
import org.webwatch.model.Attachment;
import org.webwatch.model.MediaResult;

/**
 * The loaded known-material hash sets and the matcher over them: exact tables for MD5, SHA-1,
 * SHA-256 and PhotoDNA, and one multi-index PDQ index (exact recall) for all sets' PDQ hashes.
 * Sets can be added, replaced and removed while loaded (PDQ removal is a tombstone, no rebuild).
 * Implements {@link MediaClassifier} for capture attachments. Thread-safe: matching runs in
 * parallel, set changes are exclusive.
 *
 * <p>Matching: exact on every exact hash present; PDQ when the query's quality is unknown or ≥
 * {@link PdqHasher#MIN_MATCH_QUALITY}, within each set's threshold (default 31), over the query's
 * 8 dihedral variants when given. Cost per query: O(1) per exact hash, one MIH search per PDQ
 * variant.
 */
public final class KnownMedia implements MediaClassifier {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, LoadedSet> sets = new LinkedHashMap<>();
  private final List<LoadedSet> byIndex = new ArrayList<>();
  private final EntryStore entries = new EntryStore();
  private final Map<HashType, ExactHashTable> exact = new EnumMap<>(HashType.class);
  private PdqIndex pdq = new MihPdqIndex();

  private record LoadedSet(int index, HashSetInfo info, int[] entryOrdinals, int[] pdqOrdinals) {}

  public KnownMedia() {
    exact.put(HashType.MD5, new ExactHashTable(16));
    exact.put(HashType.SHA1, new ExactHashTable(20));
    exact.put(HashType.SHA256, new ExactHashTable(32));
    exact.put(HashType.PHOTODNA, new ExactHashTable(144));
  }

  /** One call for triage: loads each file (form detected from content) as a positive set. */
  public static KnownMedia load(List<Path> hashSetFiles) {
    KnownMedia k = new KnownMedia();
    for (Path p : hashSetFiles) k.addSet(HashSetSpec.detect(p), HashSetOptions.of(p));
    return k;
  }

  /** As {@link #load(List)} with command-line specs: {@code PATH} or {@code TYPE:PATH} ({@code md5:list.txt}). */
  public static KnownMedia loadSpecs(List<String> specs) {
    KnownMedia k = new KnownMedia();
    for (String s : specs) {
      HashSetSpec spec = HashSetSpec.parse(s);
      k.addSet(spec, HashSetOptions.of(spec.path()));
    }
    return k;
  }

  /** Reads a hash-set file and adds it; replaces a loaded set of the same name. */
  public HashSetInfo addSet(HashSetSpec spec, HashSetOptions options) {
    ReadSummary[] summary = new ReadSummary[1];
    HashSetInfo info = addSet(options, sink -> summary[0] = spec.read(sink), spec.format());
    return new HashSetInfo(options, spec.format(), summary[0].version(), summary[0].profile(), info.importedAt(),
        info.entries(), summary[0].rejected());
  }

  /** Adds a set from any entry source (e.g. the store); replaces a loaded set of the same name. */
  public HashSetInfo addSet(HashSetInfo stored, HashEntrySource source) {
    addSet(stored.options(), source, stored.format());
    return stored;
  }

  private HashSetInfo addSet(HashSetOptions options, HashEntrySource source, HashSetFormat format) {
    lock.writeLock().lock();
    try {
      removeSet(options.name());
      int setIndex = byIndex.size();
      IntBuffer ordinals = new IntBuffer();
      IntBuffer pdqOrdinals = new IntBuffer();
      LongBuffer pdqLimbs = new LongBuffer();
      source.forEachEntry(e -> {
        int ord = entries.add(setIndex, e);
        ordinals.add(ord);
        if (e.md5() != null) exact.get(HashType.MD5).add(HexFormat.of().parseHex(e.md5()), ord);
        if (e.sha1() != null) exact.get(HashType.SHA1).add(HexFormat.of().parseHex(e.sha1()), ord);
        if (e.sha256() != null) exact.get(HashType.SHA256).add(HexFormat.of().parseHex(e.sha256()), ord);
        if (e.photodna() != null) exact.get(HashType.PHOTODNA).add(photoDnaBytes(e.photodna()), ord);
        if (e.pdq() != null) {
          PdqHash h = PdqHash.parse(e.pdq());
          pdqOrdinals.add(ord);
          pdqLimbs.add(h.w0(), h.w1(), h.w2(), h.w3());
        }
      });
      int[] pdqIds = pdqOrdinals.toArray();
      long[] limbs = pdqLimbs.toArray();
      if (pdq.size() == 0 && pdqIds.length > 0) {
        pdq = MihPdqIndex.build(limbs, pdqIds); // bulk: O(16n), no per-add folding
      } else {
        for (int i = 0; i < pdqIds.length; i++) pdq.add(pdqIds[i], PdqHash.fromLimbs(limbs, 4 * i));
      }
      HashSetInfo info = new HashSetInfo(options, format, null, null, Instant.now(), ordinals.size(), 0);
      LoadedSet set = new LoadedSet(setIndex, info, ordinals.toArray(), pdqIds);
      byIndex.add(set);
      sets.put(options.name(), set);
      return info;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes a loaded set; its PDQ hashes are tombstoned in place. False when no such set. */
  public boolean removeSet(String name) {
    lock.writeLock().lock();
    try {
      LoadedSet s = sets.remove(name);
      if (s == null) return false;
      for (int ord : s.entryOrdinals()) entries.kill(ord);
      for (int ord : s.pdqOrdinals()) pdq.remove(ord);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Name → version text of every loaded set, keyed {@code hash-set:NAME} as triage's
   * {@code summary.json} records them ({@code "VERSION (N entries)"}).
   */
  public java.util.Map<String, String> versions() {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (HashSetInfo h : sets()) out.put("hash-set:" + h.name(), (h.version() == null ? "" : h.version()) + " (" + h.entries() + " entries)");
    return out;
  }

  public List<HashSetInfo> sets() {
    lock.readLock().lock();
    try {
      return sets.values().stream().map(LoadedSet::info).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Matches the hashes of a file as {@link FileHasher} made them (dihedral variants used when present). */
  public List<MediaMatch> match(FileHashes f) {
    PdqResult r = f.pdq();
    return match(f.md5(), f.sha1(), f.sha256(), null, r == null ? null : r.hash(), r == null ? null : r.quality(),
        r == null ? null : r.policy(), r == null ? List.of() : r.dihedral());
  }

  /**
   * Every match of the given hashes (null = absent) in every loaded set, negative sets included
   * (flagged), best first: exact before perceptual, then by distance.
   */
  public List<MediaMatch> match(String md5, String sha1, String sha256, String photodna, PdqHash pdqHash,
      Integer quality, PdqPolicy policy, List<PdqHash> dihedral) {
    lock.readLock().lock();
    try {
      List<MediaMatch> out = new ArrayList<>();
      exactMatch(HashType.MD5, md5, out);
      exactMatch(HashType.SHA1, sha1, out);
      exactMatch(HashType.SHA256, sha256, out);
      exactMatch(HashType.PHOTODNA, photodna, out);
      if (pdqHash != null && (quality == null || quality >= PdqHasher.MIN_MATCH_QUALITY)) {
        perceptual(pdqHash, policy == null ? PdqPolicy.DEFAULT : policy, dihedral, out);
      }
      out.sort(Comparator.comparing((MediaMatch m) -> !m.exact()).thenComparingInt(MediaMatch::distance)
          .thenComparingInt(m -> methodRank(m.method())));
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void exactMatch(HashType type, String value, List<MediaMatch> out) {
    if (value == null || !type.isValid(value)) return;
    String v = type.normalize(value);
    byte[] key = type == HashType.PHOTODNA ? photoDnaBytes(v) : HexFormat.of().parseHex(v);
    exact.get(type).find(key, ord -> {
      if (entries.alive(ord)) out.add(toMatch(ord, type.code(), 0, null));
    });
  }

  private void perceptual(PdqHash q, PdqPolicy policy, List<PdqHash> dihedral, List<MediaMatch> out) {
    int radius = 0;
    for (LoadedSet s : sets.values()) radius = Math.max(radius, s.info().options().pdqThreshold());
    List<PdqHash> queries = dihedral == null || dihedral.isEmpty() ? List.of(q) : dihedral;
    Map<Integer, int[]> best = new HashMap<>(); // ordinal → {distance, variant}
    for (int v = 0; v < queries.size(); v++) {
      for (PdqIndex.Hit hit : pdq.search(queries.get(v), radius)) {
        int[] b = best.get(hit.id());
        if (b == null || hit.distance() < b[0]) best.put(hit.id(), new int[] {hit.distance(), v});
      }
    }
    for (Map.Entry<Integer, int[]> e : best.entrySet()) {
      int ord = e.getKey();
      if (!entries.alive(ord)) continue;
      LoadedSet s = byIndex.get(entries.set(ord));
      if (e.getValue()[0] > s.info().options().pdqThreshold()) continue;
      out.add(toMatch(ord, e.getValue()[1] == 0 ? "pdq" : "pdq-dihedral", e.getValue()[0], policy.code()));
    }
  }

  private MediaMatch toMatch(int ord, String method, int distance, String policy) {
    HashSetOptions o = byIndex.get(entries.set(ord)).info().options();
    return new MediaMatch(o.name(), entries.id(ord), method, distance, policy, entries.category(ord),
        entries.series(ord), entries.source(ord) != null ? entries.source(ord) : o.source(), o.negative());
  }

  private static int methodRank(String m) {
    return switch (m) {
      case "sha256" -> 0;
      case "sha1" -> 1;
      case "md5" -> 2;
      case "photodna" -> 3;
      case "pdq" -> 4;
      default -> 5;
    };
  }

  @Override
  public MediaResult classify(String site, String post, String account, Attachment a) {
    return AttachmentClassification.classify(this, site, post, account, a);
  }

  /** PhotoDNA as its 144 bytes, so the base64 and hex spellings of one value match each other. */
  static byte[] photoDnaBytes(String v) {
    byte[] b = v.length() == 288 ? HexFormat.of().parseHex(v) : Base64.getDecoder().decode(v);
    if (b.length != 144) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "PhotoDNA value is not 144 bytes");
    }
    return b;
  }

  /** Growable int list (avoids boxing millions of ordinals). */
  private static final class IntBuffer {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) a = Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    int size() {
      return n;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  private static final class LongBuffer {
    private long[] a = new long[64];
    private int n;

    void add(long w0, long w1, long w2, long w3) {
      if (n + 4 > a.length) a = Arrays.copyOf(a, a.length * 2);
      a[n++] = w0;
      a[n++] = w1;
      a[n++] = w2;
      a[n++] = w3;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
