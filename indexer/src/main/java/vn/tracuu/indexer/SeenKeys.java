package vn.tracuu.indexer;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which keys a fresh build has written, in a fixed 4 MB whatever the archive's size: one bit per
 * hash of a key. "Not seen" is exact, so a document can be added rather than updated; "maybe seen"
 * (the key, or another with the same bit) only costs an update, which is always correct.
 * Set-of-strings bookkeeping would hold every record id and state key a second time (hundreds of MB
 * for a million-message rebuild under a small heap). Thread-safe.
 */
final class SeenKeys {

  private static final int BITS = 1 << 25;

  private final AtomicLongArray words = new AtomicLongArray(BITS / Long.SIZE);

  /** Marks {@code key} and tells whether it was surely not marked before. */
  boolean firstTime(String key) {
    int bit = (key.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - 25); // spread, keep 25 bits
    long mask = 1L << (bit & (Long.SIZE - 1));
    long before = words.getAndAccumulate(bit >>> 6, mask, (a, b) -> a | b);
    return (before & mask) == 0;
  }
}
