package vn.tracuu.analysis.segment;

import java.util.Arrays;

/**
 * Words as paths of syllable ids: node × syllable → child node in one open-addressing table of long
 * keys, with the weight of the word ending at each node (0 for a prefix only). Built once, then
 * read by any number of threads.
 */
final class WordTrie {

  static final int ROOT = 0;

  private long[] keys = filled(1024);
  private int[] children = new int[1024];
  private float[] weight = new float[256];
  private int nodes = 1;
  private int edges;

  /** Child of {@code node} along {@code syllable}, or -1. */
  int child(int node, int syllable) {
    if (syllable < 0) {
      return -1;
    }
    long key = ((long) node << 32) | syllable;
    int mask = keys.length - 1;
    for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return children[slot];
      }
      if (k == -1L) {
        return -1;
      }
    }
  }

  /** Weight of the word ending at {@code node}; 0 when the node is only a prefix. */
  float weight(int node) {
    return weight[node];
  }

  /** Adds the word {@code syllables}, keeping the larger weight when it is known already. */
  void add(int[] syllables, float w) {
    int node = ROOT;
    for (int s : syllables) {
      int c = child(node, s);
      if (c < 0) {
        c = newChild(node, s);
      }
      node = c;
    }
    weight[node] = Math.max(weight[node], w);
  }

  private int newChild(int node, int syllable) {
    if ((edges + 1) * 2 > keys.length) {
      long[] oldKeys = keys;
      int[] oldChildren = children;
      keys = filled(oldKeys.length * 2);
      children = new int[oldKeys.length * 2];
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != -1L) {
          put(oldKeys[i], oldChildren[i]);
        }
      }
    }
    if (nodes == weight.length) {
      weight = Arrays.copyOf(weight, nodes * 2);
    }
    int c = nodes++;
    put(((long) node << 32) | syllable, c);
    edges++;
    return c;
  }

  private void put(long key, int child) {
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != -1L) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    children[slot] = child;
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) ^ (int) h;
  }

  private static long[] filled(int n) {
    long[] a = new long[n];
    Arrays.fill(a, -1L);
    return a;
  }
}
