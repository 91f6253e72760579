package org.webwatch.media.index;

import java.util.Arrays;

/** Dense non-negative int id → int slot (−1 = absent), as a growable array. */
final class IdMap {
  /** Ids are entry ordinals; a larger id is a caller bug, not data. */
  static final int MAX_ID = Integer.MAX_VALUE - 16;
  private int[] slots = new int[0];

  int get(int id) {
    if (id < 0) throw new IllegalArgumentException("id must be non-negative: " + id);
    return id < slots.length ? slots[id] : -1;
  }

  void put(int id, int slot) {
    if (id < 0 || id > MAX_ID) throw new IllegalArgumentException("id out of range: " + id);
    if (id >= slots.length) {
      int n = Math.max(16, Math.max(id + 1, (int) Math.min(MAX_ID, slots.length * 3L / 2)));
      int old = slots.length;
      slots = Arrays.copyOf(slots, n);
      Arrays.fill(slots, old, n, -1);
    }
    slots[id] = slot;
  }

  long memoryBytes() {
    return 4L * slots.length;
  }
}
