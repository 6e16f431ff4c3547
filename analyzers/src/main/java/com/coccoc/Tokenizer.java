package com.coccoc;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JNI side of coccoc-tokenizer's native library ({@code libcoccoc_tokenizer_jni.so}, built from
 * coccoc-tokenizer with {@code -DBUILD_JAVA=1}). The library binds its functions to this class name
 * and these three native methods; the class itself is ours (tracuu's), written to that contract, so
 * tracuu needs none of the upstream Java files.
 *
 * <p>{@code segmentPointer} answers the address of eight 64-bit slots: [0] the normalised text
 * vector, [1] its code points (32-bit), [2] the number of tokens, [3] the token array, [4] the
 * token vector, [5] the number of space positions, [6] the positions (32-bit), [7] their vector. A
 * token is six 32-bit integers: normalised start and end, original start and end (UTF-16 indices
 * into the Java string), type (0 word, 1 number, 2 space, 3 punctuation) and segment type. {@code
 * freeMemory} releases all of it. Native memory is read through {@code java.lang.foreign} (Java 22
 * or newer; the launcher's {@code --enable-native-access=ALL-UNNAMED} permits it).
 *
 * <p>The native side keeps one dictionary per process: {@link #load} loads the library and the
 * dictionary once (about 300 MB of memory and 2 s) and refuses a second, different dictionary.
 */
public final class Tokenizer {

  /** Token types of the native side. */
  public static final int WORD = 0;

  public static final int NUMBER = 1;
  public static final int SPACE = 2;
  public static final int PUNCT = 3;

  private static final int TOKENIZE_NORMAL = 0;
  private static final int TOKEN_INTS = 6;

  private static Tokenizer loaded;
  private static Path loadedDictionaries;

  private final MethodHandle getLong; // (long address) -> long
  private final MethodHandle getInt; // (long address) -> int

  native long segmentPointer(
      String text, boolean forTransforming, int tokenizeOption, boolean keepPuncts);

  native void freeMemory(long resPointer);

  native int initialize(String dictPath);

  private Tokenizer(MethodHandle getLong, MethodHandle getInt) {
    this.getLong = getLong;
    this.getInt = getInt;
  }

  /**
   * Loads the native library and its dictionary folder, once per process.
   *
   * @throws IllegalStateException with the reason when the library or dictionary is missing or does
   *     not load, on a Java without {@code java.lang.foreign}, or when another dictionary is loaded
   *     already
   */
  public static synchronized Tokenizer load(Path library, Path dictionaries) {
    Path dicts = dictionaries.toAbsolutePath().normalize();
    if (loaded != null) {
      if (!loadedDictionaries.equals(dicts)) {
        throw new IllegalStateException(
            "coccoc-tokenizer holds one dictionary per process; "
                + loadedDictionaries
                + " is loaded, "
                + dicts
                + " was asked for");
      }
      return loaded;
    }
    if (!Files.isRegularFile(library)) {
      throw new IllegalStateException(
          "coccoc-tokenizer library not found: "
              + library
              + " (build coccoc-tokenizer with cmake -DBUILD_JAVA=1 and point to"
              + " libcoccoc_tokenizer_jni.so)");
    }
    if (!Files.isDirectory(dicts)) {
      throw new IllegalStateException(
          "coccoc-tokenizer dictionary folder not found: "
              + dicts
              + " (installed with the library, e.g. /usr/share/tokenizer/dicts)");
    }
    MethodHandle[] memory = nativeMemory();
    try {
      System.load(library.toAbsolutePath().toString());
    } catch (UnsatisfiedLinkError e) {
      throw new IllegalStateException(
          "coccoc-tokenizer library " + library + " does not load: " + e.getMessage(), e);
    }
    Tokenizer tokenizer = new Tokenizer(memory[0], memory[1]);
    int status;
    try {
      status = tokenizer.initialize(dicts.toString());
    } catch (UnsatisfiedLinkError e) {
      throw new IllegalStateException(
          library + " is not coccoc-tokenizer's JNI library: " + e.getMessage(), e);
    }
    if (status < 0) {
      throw new IllegalStateException(
          "coccoc-tokenizer could not read its dictionaries in " + dicts);
    }
    loaded = tokenizer;
    loadedDictionaries = dicts;
    return tokenizer;
  }

  /**
   * Segments {@code text}: per token {@code [originalStart, originalEnd, type]}, offsets in UTF-16
   * units of {@code text}, punctuation included, spaces left out.
   */
  public int[][] segment(String text) {
    long result = segmentPointer(text, false, TOKENIZE_NORMAL, true);
    try {
      int count = (int) readLong(result + 8 * 2);
      long tokens = readLong(result + 8 * 3);
      int[][] out = new int[count][];
      int n = 0;
      for (int i = 0; i < count; i++) {
        long token = tokens + (long) i * TOKEN_INTS * 4;
        int type = readInt(token + 16);
        if (type == SPACE) {
          continue;
        }
        out[n++] = new int[] {readInt(token + 8), readInt(token + 12), type};
      }
      return n == count ? out : java.util.Arrays.copyOf(out, n);
    } finally {
      freeMemory(result);
    }
  }

  private long readLong(long address) {
    try {
      return (long) getLong.invokeExact(address);
    } catch (Throwable t) {
      throw new IllegalStateException("reading coccoc-tokenizer's result failed", t);
    }
  }

  private int readInt(long address) {
    try {
      return (int) getInt.invokeExact(address);
    } catch (Throwable t) {
      throw new IllegalStateException("reading coccoc-tokenizer's result failed", t);
    }
  }

  /**
   * Readers of native memory at an address, through {@code java.lang.foreign} looked up at run time
   * (the code is compiled for Java 21, where that API is a preview).
   */
  private static MethodHandle[] nativeMemory() {
    try {
      Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
      Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
      Class<?> ofLong = Class.forName("java.lang.foreign.ValueLayout$OfLong");
      Class<?> ofInt = Class.forName("java.lang.foreign.ValueLayout$OfInt");
      // The NULL segment widened to the whole address space: offsets are addresses.
      Object everything =
          segment
              .getMethod("reinterpret", long.class)
              .invoke(segment.getField("NULL").get(null), Long.MAX_VALUE);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodHandle getLong =
          lookup.findVirtual(segment, "get", MethodType.methodType(long.class, ofLong, long.class));
      MethodHandle getInt =
          lookup.findVirtual(segment, "get", MethodType.methodType(int.class, ofInt, long.class));
      getLong =
          MethodHandles.insertArguments(
              getLong, 0, everything, valueLayout.getField("JAVA_LONG").get(null));
      getInt =
          MethodHandles.insertArguments(
              getInt, 0, everything, valueLayout.getField("JAVA_INT").get(null));
      return new MethodHandle[] {getLong, getInt};
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "the coccoc-tokenizer backend needs Java 22 or newer (java.lang.foreign) and"
              + " --enable-native-access=ALL-UNNAMED: "
              + e,
          e);
    }
  }
}
