package vn.tracuu.analysis.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reusable segmentation result: the units of one text in parallel arrays, with the spans of their
 * syllables, filled by {@link WordSegmenter#segment(CharSequence, Segmentation)} without allocating
 * per unit. Also holds the segmenter's scratch space. One per thread (a tokenizer keeps its own);
 * not thread-safe.
 */
public final class Segmentation {

  private int size;
  private int[] start = new int[256];
  private int[] end = new int[256];
  private TokenType[] type = new TokenType[256];
  private int[] firstSyllable = new int[256];
  private int[] syllableCount = new int[256];
  private int syllables;
  private int[] syllableStart = new int[512];
  private int[] syllableEnd = new int[512];

  // Segmenter scratch space, grown on demand.
  final TextScanner.Pieces pieces = new TextScanner.Pieces();
  char[] text = new char[1024];
  char[] key = new char[32];
  int[] ids = new int[64];
  boolean[] capitalised = new boolean[64];
  float[] best = new float[65];
  int[] back = new int[65];
  int[] ends = new int[65];

  /** Number of units. */
  public int size() {
    return size;
  }

  public int start(int unit) {
    return start[unit];
  }

  public int end(int unit) {
    return end[unit];
  }

  public TokenType type(int unit) {
    return type[unit];
  }

  /** Syllables of a word or name; 1 for other units (the unit itself). */
  public int syllableCount(int unit) {
    return syllableCount[unit];
  }

  public int syllableStart(int unit, int k) {
    return syllableStart[firstSyllable[unit] + k];
  }

  public int syllableEnd(int unit, int k) {
    return syllableEnd[firstSyllable[unit] + k];
  }

  /** Empties the result (scratch space is kept). */
  public void clear() {
    size = 0;
    syllables = 0;
  }

  /** Starts a unit; add its syllables with {@link #addSyllable}. */
  public void startUnit(int unitStart, int unitEnd, TokenType unitType) {
    if (size == start.length) {
      int n = size * 2;
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      type = Arrays.copyOf(type, n);
      firstSyllable = Arrays.copyOf(firstSyllable, n);
      syllableCount = Arrays.copyOf(syllableCount, n);
    }
    start[size] = unitStart;
    end[size] = unitEnd;
    type[size] = unitType;
    firstSyllable[size] = syllables;
    syllableCount[size] = 0;
    size++;
  }

  /** Adds a syllable span to the unit started last. */
  public void addSyllable(int s, int e) {
    if (syllables == syllableStart.length) {
      syllableStart = Arrays.copyOf(syllableStart, syllables * 2);
      syllableEnd = Arrays.copyOf(syllableEnd, syllables * 2);
    }
    syllableStart[syllables] = s;
    syllableEnd[syllables] = e;
    syllables++;
    syllableCount[size - 1]++;
  }

  /** Adds a {@link Word}. */
  public void add(Word w) {
    startUnit(w.start(), w.end(), w.type());
    for (int k = 0; k < w.syllableCount(); k++) {
      addSyllable(w.syllableStart(k), w.syllableEnd(k));
    }
  }

  /** The units as {@link Word}s. */
  public List<Word> toWords() {
    List<Word> out = new ArrayList<>(size);
    for (int u = 0; u < size; u++) {
      int n = syllableCount[u];
      int[] spans = new int[2 * n];
      for (int k = 0; k < n; k++) {
        spans[2 * k] = syllableStart[firstSyllable[u] + k];
        spans[2 * k + 1] = syllableEnd[firstSyllable[u] + k];
      }
      out.add(new Word(start[u], end[u], type[u], spans));
    }
    return out;
  }

  /** Scratch arrays for runs of at least {@code n} syllables. */
  void ensureRun(int n) {
    if (ids.length < n) {
      int c = Math.max(n, ids.length * 2);
      ids = new int[c];
      capitalised = new boolean[c];
      best = new float[c + 1];
      back = new int[c + 1];
      ends = new int[c + 1];
    }
  }

  /** The text as a char array (scratch), for the scanner and key lookups. */
  char[] textChars(CharSequence s) {
    int n = s.length();
    if (text.length < n) {
      text = new char[Math.max(n, text.length * 2)];
    }
    if (s instanceof String str) {
      str.getChars(0, n, text, 0);
    } else {
      for (int i = 0; i < n; i++) {
        text[i] = s.charAt(i);
      }
    }
    return text;
  }
}
