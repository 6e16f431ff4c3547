package vn.tracuu.analysis.segment;

/**
 * One unit of segmented text: characters {@code [start, end)} of the input, and for words and names
 * the spans of their syllables as {@code [s0, e0, s1, e1, …]} (one pair for a single syllable or a
 * non-word unit).
 */
public record Word(int start, int end, TokenType type, int[] syllables) {

  public int syllableCount() {
    return syllables.length / 2;
  }

  public int syllableStart(int i) {
    return syllables[2 * i];
  }

  public int syllableEnd(int i) {
    return syllables[2 * i + 1];
  }
}
