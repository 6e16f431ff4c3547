package vn.tracuu.analysis.segment;

import java.util.List;

/**
 * Splits text into words (dictionary words, names, numbers, codes, document numbers, URLs, e-mail
 * addresses) and punctuation, with their character spans in the input. Implementations are
 * thread-safe.
 */
public interface WordSegmenter {

  /**
   * What this segmenter segments by, for telling whether two of them segment alike: its kind and,
   * where it has one, a digest of its data. Text is the way to compare, not a key to parse.
   */
  default String identity() {
    return getClass().getName();
  }

  /** The units of {@code text} in order; spans never overlap and skip only white space. */
  List<Word> segment(CharSequence text);

  /**
   * The units of {@code text} into {@code out} (cleared first), which the caller reuses from call
   * to call; implementations may override this to avoid allocating per unit.
   */
  default void segment(CharSequence text, Segmentation out) {
    out.clear();
    for (Word w : segment(text)) {
      out.add(w);
    }
  }
}
