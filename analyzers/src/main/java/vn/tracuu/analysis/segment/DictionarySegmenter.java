package vn.tracuu.analysis.segment;

import java.util.List;

/**
 * Pure-Java word segmentation: syllables are grouped into words by a max-weight dynamic program
 * over the {@link Lexicon} (the segmentation that covers most syllables with known words wins; of
 * two that cover as many, the one with more words). Runs of capitalised syllables become names
 * ("Nguyễn Văn An", "Hà Nội"). Numbers, codes, document numbers, URLs and e-mail addresses come
 * whole from the {@link TextScanner}.
 *
 * <p>Syllables are looked up as int ids, words as paths in a trie over those ids, all from the
 * text's chars: {@link #segment(CharSequence, Segmentation)} allocates nothing per syllable or
 * word.
 *
 * <p>The folded variant looks words up without diacritics, so that text typed without them is
 * segmented like the accented text it should match.
 */
public final class DictionarySegmenter implements WordSegmenter {

  private static final String SENTENCE_OPENERS = ".!?:;\"“”'‘’(…-–—[";

  private static final float REDUPLICATION_WEIGHT = Lexicon.weight(2, 0.5f);

  private final Lexicon lexicon;
  private final WordTrie trie;
  private final boolean folded;

  @Override
  public String identity() {
    return "dictionary " + lexicon.digest();
  }

  public DictionarySegmenter(Lexicon lexicon, boolean folded) {
    this.lexicon = lexicon;
    this.trie = lexicon.trie(folded);
    this.folded = folded;
  }

  public DictionarySegmenter() {
    this(Lexicon.builtIn(), false);
  }

  @Override
  public List<Word> segment(CharSequence text) {
    Segmentation s = new Segmentation();
    segment(text, s);
    return s.toWords();
  }

  @Override
  public void segment(CharSequence input, Segmentation out) {
    out.clear();
    int length = input.length();
    char[] text = out.textChars(input);
    TextScanner.Pieces p = out.pieces;
    TextScanner.scan(text, length, p);
    int i = 0;
    while (i < p.size) {
      if (p.type[i] != TokenType.WORD || p.abbreviation(i)) {
        // An abbreviation keeps its period in the word ("TP."), not in its syllable ("TP").
        out.startUnit(p.start[i], p.end[i], p.type[i]);
        out.addSyllable(p.start[i], p.letterEnd(i));
        i++;
        continue;
      }
      int j = i + 1;
      while (j < p.size && p.type[j] == TokenType.WORD && !p.abbreviation(j)) {
        j++;
      }
      run(text, p, i, j, out);
      i = j;
    }
  }

  /** Segments the syllables {@code [a, b)} of {@code p}. */
  private void run(char[] text, TextScanner.Pieces p, int a, int b, Segmentation out) {
    int n = b - a;
    out.ensureRun(n);
    int[] ids = out.ids;
    boolean[] cap = out.capitalised;
    for (int k = 0; k < n; k++) {
      int s = p.start[a + k];
      int e = p.end[a + k];
      ids[k] = syllableId(text, s, e, out);
      cap[k] = Character.isUpperCase(text[s]) && !allUpper(text, s, e);
    }
    boolean sentenceStart =
        a == 0
            || (p.type[a - 1] == TokenType.PUNCT
                && SENTENCE_OPENERS.indexOf(text[p.start[a - 1]]) >= 0);
    int k = 0;
    int plainFrom = 0;
    while (k < n) {
      if (!cap[k]) {
        k++;
        continue;
      }
      int e = k + 1;
      while (e < n && cap[e]) {
        e++;
      }
      int s = k;
      if (s == 0 && sentenceStart && opensOnly(ids, e)) {
        s++; // a capital that only opens the sentence
      }
      // Do not take a syllable that forms a word with its lower-case neighbour ("Bộ Y tế").
      while (e - s >= 2 && e < n && lexicon.pairWeight(ids[e - 1], ids[e], folded) > 0) {
        e--;
      }
      while (e - s >= 2
          && s > 0
          && !cap[s - 1]
          && lexicon.pairWeight(ids[s - 1], ids[s], folded) > 0) {
        s++;
      }
      if (e - s >= 2 && !isKnownWordSequence(ids, s, e)) {
        dp(p, a, ids, plainFrom, s, out);
        emit(p, a, s, e, TokenType.NAME, out);
        plainFrom = e;
      }
      k = Math.max(e, k + 1);
    }
    dp(p, a, ids, plainFrom, n, out);
  }

  /**
   * True when the capital of the first syllable of a sentence-initial capitalised run of {@code e}
   * syllables is only the sentence's: a surname always starts a name; of a longer run, the first
   * syllable is dropped; a run of two ("Hà Nội", "Bình Thạnh") is a name unless it starts with a
   * function word or a title ("Theo Lan", "Ở Huế", "Thầy Minh").
   */
  private boolean opensOnly(int[] ids, int e) {
    if (lexicon.isSurname(ids[0])) {
      return false;
    }
    return e > 2 || lexicon.isNameTitle(ids[0]);
  }

  private int syllableId(char[] text, int s, int e, Segmentation out) {
    if (out.key.length < e - s) {
      out.key = new char[Math.max(e - s, out.key.length * 2)];
    }
    int len = SyllableKeys.key(text, s, e, folded, out.key);
    if (len >= 0) {
      return lexicon.syllableId(out.key, len);
    }
    return lexicon.syllableId(SyllableKeys.slowKey(new String(text, s, e - s), folded));
  }

  /** True when the capitalised run is better read as dictionary words ("Công Ty Cổ Phần"). */
  private boolean isKnownWordSequence(int[] ids, int s, int e) {
    if (e - s < 3) {
      return false;
    }
    // A title-cased phrase of several known words is not a name.
    int i = s;
    while (i < e) {
      int best = longestWord(ids, i, e);
      if (best < 2) {
        return false;
      }
      i += best;
    }
    return true;
  }

  /** Syllables of the longest known word of at least two syllables at {@code i}, else 1. */
  private int longestWord(int[] ids, int i, int e) {
    int best = 1;
    int node = WordTrie.ROOT;
    for (int j = i; j < e; j++) {
      node = trie.child(node, ids[j]);
      if (node < 0) {
        break;
      }
      if (j > i && trie.weight(node) > 0) {
        best = j - i + 1;
      }
    }
    return best;
  }

  /** Max-weight segmentation of ids {@code [from, to)} of the run starting at piece {@code a}. */
  private void dp(TextScanner.Pieces p, int a, int[] ids, int from, int to, Segmentation out) {
    int n = to - from;
    if (n <= 0) {
      return;
    }
    float[] best = out.best;
    int[] back = out.back; // length of the last word of the best segmentation of [0, i)
    int max = lexicon.maxSyllables();
    for (int i = 1; i <= n; i++) {
      best[i] = Float.NEGATIVE_INFINITY;
    }
    best[0] = 0;
    for (int i = 0; i < n; i++) {
      float base = best[i];
      if (base > best[i + 1]) {
        best[i + 1] = base;
        back[i + 1] = 1;
      }
      // A reduplicated word weighs as the least sure learned compound: known words come first.
      if (i + 1 < n
          && isReduplication(ids[from + i], ids[from + i + 1])
          && base + REDUPLICATION_WEIGHT > best[i + 2]) {
        best[i + 2] = base + REDUPLICATION_WEIGHT;
        back[i + 2] = 2;
      }
      int node = trie.child(WordTrie.ROOT, ids[from + i]);
      for (int j = i + 1; node >= 0 && j < n && j - i < max; j++) {
        node = trie.child(node, ids[from + j]);
        if (node < 0) {
          break;
        }
        float w = trie.weight(node);
        if (w > 0 && base + w > best[j + 1]) {
          best[j + 1] = base + w;
          back[j + 1] = j - i + 1;
        }
      }
    }
    // Walk back collecting the word ends, then emit in order.
    int[] ends = out.ends;
    int count = 0;
    for (int i = n; i > 0; i -= back[i]) {
      ends[count++] = i;
    }
    for (int c = count - 1; c >= 0; c--) {
      int e = ends[c];
      emit(p, a, from + e - back[e], from + e, TokenType.WORD, out);
    }
  }

  /**
   * A content syllable said twice is one reduplicated word (từ láy toàn bộ: "xanh xanh", "ngày
   * ngày", "đêm đêm"); a function word twice is a repetition ("có có", "không không").
   */
  private boolean isReduplication(int a, int b) {
    return a == b && a >= 0 && !lexicon.isFunctionWord(a);
  }

  private static void emit(
      TextScanner.Pieces p, int a, int s, int e, TokenType type, Segmentation out) {
    out.startUnit(p.start[a + s], p.end[a + e - 1], type);
    for (int k = s; k < e; k++) {
      out.addSyllable(p.start[a + k], p.end[a + k]);
    }
  }

  private static boolean allUpper(char[] text, int s, int e) {
    if (e - s < 2) {
      return false;
    }
    for (int i = s; i < e; i++) {
      char c = text[i];
      if (Character.isLetter(c) && !Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }
}
