package vn.tracuu.analysis.segment;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Learns two-syllable compounds from the text being indexed: adjacent syllables that occur together
 * far more often than apart (Dice coefficient) are likely one word. Feed it text with {@link
 * #observe}, then add {@link #compounds} to a {@link Lexicon}. Not thread-safe.
 *
 * <p>The text is first segmented with the lexicon, and only what the lexicon leaves as single
 * syllables is counted: a syllable inside a known word is not evidence for a compound with its
 * neighbour outside it ("(thị trường) chứng" says nothing about "trường chứng"), and the counts of
 * a syllable are its occurrences as a word of its own.
 *
 * <p>Pairs with a function word or numeral ({@code vietnamese-function-words.txt}: "cho", "khi",
 * "triệu"…) are never learned: such words follow and precede the same content words so often that
 * any association measure mistakes the phrase ("cho biết", "triệu đồng") for a word. Acronyms in
 * capitals ("UBND TP") and pairs that run into a capitalised syllable (a name) are not counted
 * either.
 */
public final class CompoundLearner {

  /** Defaults of {@link #compounds}: seen at least this often… */
  public static final int DEFAULT_MIN_COUNT = 3;

  /**
   * …and together at least this share of the time (low: the lexicon DP arbitrates between
   * overlapping candidates by confidence, and function words are excluded beforehand; 0.03–0.1
   * score within 0.002 F1 of each other on the dev data).
   */
  public static final double DEFAULT_MIN_DICE = 0.05;

  /**
   * Pairs whose syllables echo each other in sound, as the two halves of a partially reduplicated
   * word do (từ láy: "lung linh", "bối rối"), are learned from fewer occurrences: seen twice, and
   * together at least half the usual share of the time (+0.0008 F1 on the dev data; a fifth of the
   * Dice scored 0.0002 less).
   */
  static final int ECHO_MIN_COUNT = 2;

  /** Initial consonants, longest first (a syllable may have none). */
  private static final String[] ONSETS = {
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g", "h",
    "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"
  };

  /** The five tone marks as combining characters (the vowel marks â, ă, ơ… stay). */
  private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

  private final Set<String> functionWords = Lexicon.functionWords();
  private final DictionarySegmenter segmenter;
  private final Segmentation scratch = new Segmentation();
  private final Map<String, int[]> unigrams = new HashMap<>();
  private final Map<String, int[]> bigrams = new HashMap<>();

  /** A learner of compounds the built-in lexicon does not know. */
  public CompoundLearner() {
    this(Lexicon.builtIn());
  }

  /** A learner of compounds that {@code known} does not know. */
  public CompoundLearner(Lexicon known) {
    this.segmenter = new DictionarySegmenter(known, false);
  }

  /** Counts the single-syllable words and the adjacent pairs of them in {@code text}. */
  public void observe(CharSequence text) {
    segmenter.segment(text, scratch);
    String prev = null;
    for (int u = 0; u < scratch.size(); u++) {
      if (scratch.type(u) != TokenType.WORD || scratch.syllableCount(u) != 1) {
        prev = null; // punctuation, numbers, names and known words break the chain
        continue;
      }
      int s = scratch.syllableStart(u, 0);
      int e = scratch.syllableEnd(u, 0);
      if (scratch.end(u) != e) {
        prev = null; // an abbreviation with its period
        continue;
      }
      CharSequence syllable = text.subSequence(s, e);
      String key = Lexicon.key(syllable);
      unigrams.computeIfAbsent(key, k -> new int[1])[0]++;
      boolean upper = Character.isUpperCase(syllable.charAt(0));
      if (upper && e - s > 1 && Character.isUpperCase(syllable.charAt(e - s - 1))) {
        prev = null; // an acronym
        continue;
      }
      // A capitalised syllable may open a compound (a sentence's first word), never end one.
      if (prev != null && !upper) {
        bigrams.computeIfAbsent(prev + ' ' + key, k -> new int[1])[0]++;
      }
      prev = functionWords.contains(key) ? null : key;
    }
  }

  /**
   * True when two different syllables (lower-case keys) share their initial consonant ("lung linh",
   * "vội vàng") or, with different ones, their rhyme regardless of tone ("bối rối", "lôi thôi"):
   * the sound patterns of partial reduplication.
   */
  static boolean echoes(String a, String b) {
    if (a.equals(b)) {
      return false;
    }
    String oa = onset(a);
    String ob = onset(b);
    if (!oa.isEmpty() && oa.equals(ob)) {
      return true;
    }
    return !oa.equals(ob)
        && withoutTone(a.substring(oa.length())).equals(withoutTone(b.substring(ob.length())));
  }

  private static String withoutTone(String rhyme) {
    String d = Normalizer.normalize(rhyme, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (TONE_MARKS.indexOf(c) < 0) {
        out.append(c);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static String onset(String syllable) {
    for (String o : ONSETS) {
      if (syllable.startsWith(o) && syllable.length() > o.length()) {
        return o;
      }
    }
    return "";
  }

  /**
   * Pairs seen at least {@code minCount} times whose Dice coefficient 2·c(xy) / (c(x) + c(y)) is at
   * least {@code minDice} (for echoing pairs, see {@link #ECHO_MIN_COUNT}: twice, half the Dice),
   * with that coefficient (capped at 1) as confidence.
   */
  public Map<String, Float> compounds(int minCount, double minDice) {
    Map<String, Float> out = new HashMap<>();
    bigrams.forEach(
        (pair, count) -> {
          if (count[0] < Math.min(minCount, ECHO_MIN_COUNT)) {
            return;
          }
          int sp = pair.indexOf(' ');
          String first = pair.substring(0, sp);
          String second = pair.substring(sp + 1);
          boolean echo = echoes(first, second);
          if (count[0] < (echo ? Math.min(minCount, ECHO_MIN_COUNT) : minCount)
              || functionWords.contains(second)) {
            return;
          }
          int cx = unigrams.get(first)[0];
          int cy = unigrams.get(second)[0];
          double dice = 2.0 * count[0] / (cx + cy);
          if (dice >= (echo ? minDice / 2 : minDice)) {
            out.put(pair, (float) Math.min(1.0, 0.5 + dice));
          }
        });
    return out;
  }
}
