package vn.tracuu.analysis.segment;

import java.util.Arrays;

/**
 * Syllables (lower case, canonical form) to dense int ids, looked up straight from a char array so
 * that segmentation allocates nothing per syllable. Open addressing over one pool of chars. Built
 * once, then read by any number of threads.
 */
final class SyllableTable {

  private char[] pool = new char[1 << 12];
  private int poolSize;
  private int[] offset = new int[256];
  private int[] length = new int[256];
  private int[] slots = new int[512]; // id + 1; 0 = empty
  private int size;

  int size() {
    return size;
  }

  /** Id of {@code s}, added when new. */
  int add(CharSequence s) {
    int len = s.length();
    char[] buf = new char[len];
    for (int i = 0; i < len; i++) {
      buf[i] = s.charAt(i);
    }
    int id = find(buf, 0, len);
    if (id >= 0) {
      return id;
    }
    if ((size + 1) * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    if (poolSize + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
    }
    if (size == offset.length) {
      offset = Arrays.copyOf(offset, size * 2);
      length = Arrays.copyOf(length, size * 2);
    }
    System.arraycopy(buf, 0, pool, poolSize, len);
    offset[size] = poolSize;
    length[size] = len;
    poolSize += len;
    id = size++;
    insert(id, hash(buf, 0, len));
    return id;
  }

  /** Id of the chars {@code buf[off, off + len)}, or -1. */
  int find(char[] buf, int off, int len) {
    int mask = slots.length - 1;
    for (int slot = hash(buf, off, len) & mask; ; slot = (slot + 1) & mask) {
      int v = slots[slot];
      if (v == 0) {
        return -1;
      }
      int id = v - 1;
      if (length[id] == len
          && Arrays.equals(pool, offset[id], offset[id] + len, buf, off, off + len)) {
        return id;
      }
    }
  }

  String get(int id) {
    return new String(pool, offset[id], length[id]);
  }

  private void insert(int id, int hash) {
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = id + 1;
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    for (int id = 0; id < size; id++) {
      insert(id, hash(pool, offset[id], length[id]));
    }
  }

  private static int hash(char[] b, int off, int len) {
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + b[i];
    }
    return h ^ (h >>> 15) ^ (h >>> 7);
  }
}
