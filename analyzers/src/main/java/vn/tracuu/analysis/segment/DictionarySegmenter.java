package vn.tracuu.analysis.segment;

import java.util.ArrayList;
import java.util.List;
import vn.tracuu.analysis.DiacriticFolder;

/**
 * Pure-Java word segmentation: syllables are grouped into words by a max-weight dynamic program
 * over the {@link Lexicon} (each word of n syllables weighs about n - 1, so the segmentation that
 * covers most syllables with known words wins, ties going to the leftmost word). Runs of
 * capitalised syllables become names ("Nguyễn Văn An", "Hà Nội"). Numbers, codes, document numbers,
 * URLs and e-mail addresses come whole from the {@link TextScanner}.
 *
 * <p>The folded variant looks words up without diacritics, so that text typed without them is
 * segmented like the accented text it should match.
 */
public final class DictionarySegmenter implements WordSegmenter {

  private static final String SENTENCE_OPENERS = ".!?:;\"“”'‘’(…-–—[";

  private final Lexicon lexicon;
  private final boolean folded;

  public DictionarySegmenter(Lexicon lexicon, boolean folded) {
    this.lexicon = lexicon;
    this.folded = folded;
  }

  public DictionarySegmenter() {
    this(Lexicon.builtIn(), false);
  }

  @Override
  public List<Word> segment(CharSequence text) {
    TextScanner.Pieces p = TextScanner.scan(text);
    List<Word> out = new ArrayList<>(p.size);
    int i = 0;
    while (i < p.size) {
      if (p.type[i] != TokenType.WORD || p.abbreviation(i)) {
        // An abbreviation keeps its period in the word ("TP."), not in its syllable ("TP").
        out.add(new Word(p.start[i], p.end[i], p.type[i], new int[] {p.start[i], p.letterEnd(i)}));
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
    return out;
  }

  /** Segments the syllables {@code [a, b)} of {@code p}. */
  private void run(CharSequence text, TextScanner.Pieces p, int a, int b, List<Word> out) {
    int n = b - a;
    String[] keys = new String[n];
    boolean[] cap = new boolean[n];
    for (int k = 0; k < n; k++) {
      CharSequence s = text.subSequence(p.start[a + k], p.end[a + k]);
      String key = Lexicon.key(s);
      keys[k] = folded ? DiacriticFolder.fold(key) : key;
      cap[k] = Character.isUpperCase(s.charAt(0)) && !allUpper(s);
    }
    boolean sentenceStart =
        a == 0
            || (p.type[a - 1] == TokenType.PUNCT
                && SENTENCE_OPENERS.indexOf(text.charAt(p.start[a - 1])) >= 0);
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
      if (s == 0 && sentenceStart && !lexicon.isSurname(keys[0])) {
        s++; // a capital that only opens the sentence
      }
      // Do not take a syllable that forms a word with its lower-case neighbour ("Bộ Y tế").
      while (e - s >= 2 && e < n && lexicon.weight(keys[e - 1] + ' ' + keys[e], folded) > 0) {
        e--;
      }
      while (e - s >= 2
          && s > 0
          && !cap[s - 1]
          && lexicon.weight(keys[s - 1] + ' ' + keys[s], folded) > 0) {
        s++;
      }
      if (e - s >= 2 && !isKnownWordSequence(keys, s, e)) {
        dp(p, a, keys, plainFrom, s, out);
        emit(p, a, s, e, TokenType.NAME, out);
        plainFrom = e;
      }
      k = Math.max(e, k + 1);
    }
    dp(p, a, keys, plainFrom, n, out);
  }

  /** True when the capitalised run is better read as dictionary words ("Công Ty Cổ Phần"). */
  private boolean isKnownWordSequence(String[] keys, int s, int e) {
    if (e - s < 3) {
      return false;
    }
    // A title-cased phrase of several known words is not a name.
    int covered = 0;
    int i = s;
    while (i < e) {
      int best = 1;
      for (int len = Math.min(lexicon.maxSyllables(), e - i); len >= 2; len--) {
        if (lexicon.weight(join(keys, i, i + len), folded) > 0) {
          best = len;
          break;
        }
      }
      if (best > 1) {
        covered += best;
      }
      i += best;
    }
    return covered == e - s;
  }

  /** Max-weight segmentation of keys {@code [from, to)} of the run starting at piece {@code a}. */
  private void dp(TextScanner.Pieces p, int a, String[] keys, int from, int to, List<Word> out) {
    int n = to - from;
    if (n <= 0) {
      return;
    }
    float[] best = new float[n + 1];
    int[] len = new int[n + 1];
    int max = lexicon.maxSyllables();
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      best[i] = best[i - 1];
      len[i] = 1;
      for (int l = 2; l <= Math.min(max, i); l++) {
        sb.setLength(0);
        for (int k = from + i - l; k < from + i; k++) {
          if (k > from + i - l) {
            sb.append(' ');
          }
          sb.append(keys[k]);
        }
        float w = lexicon.weight(sb.toString(), folded);
        if (w > 0 && best[i - l] + w > best[i]) {
          best[i] = best[i - l] + w;
          len[i] = l;
        }
      }
    }
    int[] ends = new int[n];
    int count = 0;
    for (int i = n; i > 0; i -= len[i]) {
      ends[count++] = i;
    }
    for (int c = count - 1; c >= 0; c--) {
      int e = ends[c];
      emit(p, a, from + e - len[e], from + e, TokenType.WORD, out);
    }
  }

  private static void emit(
      TextScanner.Pieces p, int a, int s, int e, TokenType type, List<Word> out) {
    int[] syl = new int[2 * (e - s)];
    for (int k = s; k < e; k++) {
      syl[2 * (k - s)] = p.start[a + k];
      syl[2 * (k - s) + 1] = p.end[a + k];
    }
    out.add(new Word(p.start[a + s], p.end[a + e - 1], type, syl));
  }

  private static String join(String[] keys, int s, int e) {
    StringBuilder sb = new StringBuilder();
    for (int k = s; k < e; k++) {
      if (k > s) {
        sb.append(' ');
      }
      sb.append(keys[k]);
    }
    return sb.toString();
  }

  private static boolean allUpper(CharSequence s) {
    if (s.length() < 2) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c) && !Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }
}
