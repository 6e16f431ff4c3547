package vn.tracuu.analysis.segment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Learns two-syllable compounds from the text being indexed: adjacent syllables that occur together
 * far more often than apart (Dice coefficient) are likely one word. Feed it text with {@link
 * #observe}, then add {@link #compounds} to a {@link Lexicon}. Not thread-safe.
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
   * overlapping candidates by confidence, and function words are excluded beforehand).
   */
  public static final double DEFAULT_MIN_DICE = 0.015;

  private final Set<String> functionWords = Lexicon.functionWords();
  private final Map<String, int[]> unigrams = new HashMap<>();
  private final Map<String, int[]> bigrams = new HashMap<>();

  /** Counts the syllables and adjacent syllable pairs of {@code text}. */
  public void observe(CharSequence text) {
    TextScanner.Pieces p = TextScanner.scan(text);
    String prev = null;
    for (int i = 0; i < p.size; i++) {
      if (p.type[i] != TokenType.WORD || p.abbreviation(i)) {
        prev = null;
        continue;
      }
      CharSequence s = text.subSequence(p.start[i], p.end[i]);
      String key = Lexicon.key(s);
      unigrams.computeIfAbsent(key, k -> new int[1])[0]++;
      boolean upper = Character.isUpperCase(s.charAt(0));
      if (upper && (s.length() > 1 && Character.isUpperCase(s.charAt(s.length() - 1)))) {
        prev = null; // an acronym
        continue;
      }
      if (prev != null && !upper) {
        bigrams.computeIfAbsent(prev + ' ' + key, k -> new int[1])[0]++;
      }
      prev = functionWords.contains(key) ? null : key;
    }
  }

  /**
   * Pairs seen at least {@code minCount} times whose Dice coefficient 2·c(xy) / (c(x) + c(y)) is at
   * least {@code minDice}, with that coefficient (capped at 1) as confidence.
   */
  public Map<String, Float> compounds(int minCount, double minDice) {
    Map<String, Float> out = new HashMap<>();
    bigrams.forEach(
        (pair, count) -> {
          if (count[0] < minCount) {
            return;
          }
          int sp = pair.indexOf(' ');
          String second = pair.substring(sp + 1);
          if (functionWords.contains(second)) {
            return;
          }
          int cx = unigrams.get(pair.substring(0, sp))[0];
          int cy = unigrams.get(second)[0];
          double dice = 2.0 * count[0] / (cx + cy);
          if (dice >= minDice) {
            out.put(pair, (float) Math.min(1.0, 0.5 + dice));
          }
        });
    return out;
  }
}
