package vn.tracuu.analysis.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.tracuu.analysis.DiacriticFolder;
import vn.tracuu.analysis.VietnameseNormalizer;

/**
 * The words the segmenter knows, keyed by their normalised lower-case syllables joined by a space,
 * both with diacritics and folded (for text typed without them). Weights favour covering more
 * syllables with words: a word of n syllables weighs (n - 1) × its confidence.
 *
 * <p>The built-in list ({@code vietnamese-words.txt}) was written by the tracuu authors; compounds
 * learned from the text being indexed ({@link CompoundLearner}) can be added with {@link
 * #withCompounds}. Immutable and thread-safe.
 */
public final class Lexicon {

  private static final String WORDS = "vietnamese-words.txt";
  private static final String SURNAMES = "vietnamese-surnames.txt";
  private static final String FUNCTION_WORDS = "vietnamese-function-words.txt";
  private static volatile Set<String> functionWords;
  private static volatile Lexicon builtIn;

  private final Map<String, Float> exact;
  private final Map<String, Float> folded;
  private final Set<String> surnames;
  private final int maxSyllables;

  private Lexicon(
      Map<String, Float> exact, Map<String, Float> folded, Set<String> surnames, int maxSyllables) {
    this.exact = exact;
    this.folded = folded;
    this.surnames = surnames;
    this.maxSyllables = maxSyllables;
  }

  /** The built-in lexicon (loaded once per process). */
  public static Lexicon builtIn() {
    Lexicon l = builtIn;
    if (l == null) {
      synchronized (Lexicon.class) {
        l = builtIn;
        if (l == null) {
          Map<String, Float> exact = new HashMap<>();
          Map<String, Float> folded = new HashMap<>();
          int[] max = {1};
          for (String word : readList(WORDS)) {
            add(word, 1f, exact, folded, max);
          }
          Set<String> surnames = new HashSet<>();
          for (String s : readList(SURNAMES)) {
            surnames.add(key(s));
            surnames.add(DiacriticFolder.fold(key(s)));
          }
          builtIn = l = new Lexicon(exact, folded, Set.copyOf(surnames), max[0]);
        }
      }
    }
    return l;
  }

  /**
   * This lexicon plus {@code compounds} (syllables separated by spaces) with a confidence in (0,
   * 1]; words already known keep their weight.
   */
  public Lexicon withCompounds(Map<String, Float> compounds) {
    Map<String, Float> e = new HashMap<>(exact);
    Map<String, Float> f = new HashMap<>(folded);
    int[] max = {maxSyllables};
    compounds.forEach((word, confidence) -> add(word, confidence, e, f, max));
    return new Lexicon(e, f, surnames, max[0]);
  }

  /** Number of words known (with diacritics). */
  public int size() {
    return exact.size();
  }

  int maxSyllables() {
    return maxSyllables;
  }

  /** Weight of the word whose syllable keys are joined in {@code key}; 0 when unknown. */
  float weight(String key, boolean foldedForm) {
    Float w = (foldedForm ? folded : exact).get(key);
    return w == null ? 0f : w;
  }

  boolean isSurname(String key) {
    return surnames.contains(key);
  }

  /**
   * Function words and numerals (normalised, lower case), which learned compounds never contain.
   */
  static Set<String> functionWords() {
    Set<String> f = functionWords;
    if (f == null) {
      Set<String> out = new HashSet<>();
      for (String w : readList(FUNCTION_WORDS)) {
        out.add(key(w));
      }
      functionWords = f = Set.copyOf(out);
    }
    return f;
  }

  /** Lookup key of one syllable: canonical form, lower case. */
  static String key(CharSequence syllable) {
    return VietnameseNormalizer.normalize(syllable).toLowerCase(Locale.ROOT);
  }

  private static void add(
      String word,
      float confidence,
      Map<String, Float> exact,
      Map<String, Float> folded,
      int[] max) {
    String[] syllables = word.strip().split("\\s+");
    if (syllables.length < 2) {
      return;
    }
    StringBuilder k = new StringBuilder();
    for (String s : syllables) {
      if (!k.isEmpty()) {
        k.append(' ');
      }
      k.append(key(s));
    }
    float w = (syllables.length - 1) * confidence;
    String exactKey = k.toString();
    exact.merge(exactKey, w, Math::max);
    folded.merge(DiacriticFolder.fold(exactKey), w, Math::max);
    max[0] = Math.max(max[0], syllables.length);
  }

  private static Iterable<String> readList(String resource) {
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + resource + " next to " + Lexicon.class);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      java.util.List<String> out = new java.util.ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int hash = line.indexOf('#');
        String item = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (item.isEmpty()) {
          continue;
        }
        // Several words may share a line, separated by commas.
        for (String w : item.split(",")) {
          if (!w.isBlank()) {
            out.add(w.strip());
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
