package vn.tracuu.analysis.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Word segmentation by coccoc-tokenizer (the native library, through {@link com.coccoc.Tokenizer}),
 * inside tracuu's own units: the {@link TextScanner} still cuts syllables, numbers, codes, document
 * numbers, URLs and e-mail addresses exactly as for {@link DictionarySegmenter}, and coccoc only
 * decides which adjacent syllables form one word. So document numbers, offsets, normalisation and
 * the tokens built on top are the same whichever backend runs; only the words differ.
 *
 * <p>A coccoc word becomes a word here when its span is exactly a run of scanned syllables (it
 * starts at the first and ends at the last); otherwise the syllables stay single. A word whose
 * syllables are all capitalised is a {@link TokenType#NAME}.
 */
public final class CoccocSegmenter implements WordSegmenter {

  /** What the native side answers: per token {@code [start, end, type]} in UTF-16 units. */
  @FunctionalInterface
  public interface Native {
    int[][] segment(String text);
  }

  private final Native coccoc;

  /** coccoc-tokenizer's dictionaries are not read here; the probe text shows how they segment. */
  @Override
  public String identity() {
    return "coccoc";
  }

  public CoccocSegmenter(Native coccoc) {
    this.coccoc = coccoc;
  }

  @Override
  public List<Word> segment(CharSequence text) {
    TextScanner.Pieces p = TextScanner.scan(text);
    // Spans of coccoc's multi-syllable words, as start << 32 | end.
    Set<Long> words = new HashSet<>();
    for (int[] token : coccoc.segment(text.toString())) {
      if (token[2] == com.coccoc.Tokenizer.WORD && token[1] > token[0]) {
        words.add((long) token[0] << 32 | token[1]);
      }
    }
    List<Word> out = new ArrayList<>(p.size);
    int i = 0;
    while (i < p.size) {
      if (p.type[i] != TokenType.WORD) {
        out.add(new Word(p.start[i], p.end[i], p.type[i], new int[] {p.start[i], p.end[i]}));
        i++;
        continue;
      }
      // The longest coccoc word starting at this syllable, within the run of syllables.
      int last = i;
      for (int j = i + 1; j < p.size && p.type[j] == TokenType.WORD; j++) {
        if (words.contains((long) p.start[i] << 32 | p.end[j])) {
          last = j;
        }
      }
      int[] syllables = new int[2 * (last - i + 1)];
      boolean capitalised = last > i;
      for (int k = i; k <= last; k++) {
        syllables[2 * (k - i)] = p.start[k];
        syllables[2 * (k - i) + 1] = p.end[k];
        capitalised &= Character.isUpperCase(text.charAt(p.start[k]));
      }
      out.add(
          new Word(
              p.start[i], p.end[last], capitalised ? TokenType.NAME : TokenType.WORD, syllables));
      i = last + 1;
    }
    return out;
  }
}
