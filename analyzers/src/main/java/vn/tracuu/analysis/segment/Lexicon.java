package vn.tracuu.analysis.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.tracuu.analysis.DiacriticFolder;
import vn.tracuu.analysis.LineDigest;
import vn.tracuu.analysis.VietnameseNormalizer;

/**
 * The words the segmenter knows, as paths of syllable ids in two tries: one over the normalised
 * lower-case syllables, one over their folded forms (for text typed without diacritics). A word of
 * n syllables weighs (n + {@link #WORD_BONUS}) × its confidence, a lone syllable nothing: the
 * segmentation that covers most syllables with known words wins, and of two that cover as many, the
 * one with more words, so a long entry made of known words gives way to them ("ủy ban" + "nhân dân"
 * rather than "ủy ban nhân dân"; the index still pairs "ban nhân").
 *
 * <p>The built-in list ({@code vietnamese-words.txt}) was written by the tracuu authors; compounds
 * learned from the text being indexed ({@link CompoundLearner}) can be added with {@link
 * #withCompounds}. Immutable and thread-safe.
 */
public final class Lexicon {

  private static final String WORDS = "vietnamese-words.txt";
  private static final String SURNAMES = "vietnamese-surnames.txt";
  private static final String FUNCTION_WORDS = "vietnamese-function-words.txt";
  private static final String NAME_TITLES = "vietnamese-name-titles.txt";

  /**
   * What each word adds to the syllables it covers; below 1, it only decides between segmentations
   * that cover as many syllables (0.1 and 0.5 score alike on the dev data).
   */
  static final float WORD_BONUS = 0.1f;

  private static volatile Lexicon builtIn;
  private static volatile Set<String> functionWords;

  /** Words with diacritics (syllable keys joined by a space) → weight; the source of the tries. */
  private final Map<String, Float> words;

  private final SyllableTable syllables = new SyllableTable();
  private final WordTrie exact = new WordTrie();
  private final WordTrie folded = new WordTrie();
  private final BitSet surnames = new BitSet();
  private final BitSet functionWordIds = new BitSet();
  private final BitSet nameTitleIds = new BitSet();
  private final List<String> surnameList;
  private int maxSyllables = 1;
  private volatile String digest;

  private Lexicon(Map<String, Float> words, List<String> surnameList) {
    this.words = words;
    this.surnameList = surnameList;
    words.forEach(this::index);
    for (String s : surnameList) {
      surnames.set(syllables.add(s));
      surnames.set(syllables.add(DiacriticFolder.fold(s)));
    }
    for (String f : functionWords()) {
      functionWordIds.set(syllables.add(f));
      functionWordIds.set(syllables.add(DiacriticFolder.fold(f)));
    }
    for (String t : nameTitles()) {
      nameTitleIds.set(syllables.add(t));
      nameTitleIds.set(syllables.add(DiacriticFolder.fold(t)));
    }
  }

  /**
   * A digest of everything this lexicon segments by (its words and their weights, surnames,
   * function words, name titles): two lexicons with the same digest segment alike, so an index
   * records it to notice a changed word list (see {@code AnalysisFingerprint}).
   */
  public String digest() {
    String d = digest;
    if (d == null) {
      LineDigest lines = new LineDigest();
      for (String word : new TreeSet<>(words.keySet())) {
        lines.add(word + "=" + words.get(word));
      }
      surnameList.forEach(s -> lines.add("surname " + s));
      new TreeSet<>(functionWords()).forEach(f -> lines.add("function " + f));
      new TreeSet<>(nameTitles()).forEach(t -> lines.add("title " + t));
      digest = d = lines.hex();
    }
    return d;
  }

  /** The built-in lexicon (loaded once per process). */
  public static Lexicon builtIn() {
    Lexicon l = builtIn;
    if (l == null) {
      synchronized (Lexicon.class) {
        l = builtIn;
        if (l == null) {
          Map<String, Float> words = new HashMap<>();
          for (String word : readList(WORDS)) {
            put(word, 1f, words);
          }
          List<String> surnames = new ArrayList<>();
          for (String s : readList(SURNAMES)) {
            surnames.add(key(s));
          }
          builtIn = l = new Lexicon(words, List.copyOf(surnames));
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
    Map<String, Float> w = new HashMap<>(words);
    compounds.forEach((word, confidence) -> put(word, confidence, w));
    return new Lexicon(w, surnameList);
  }

  /** Weight of a word of {@code syllables} syllables (at least 2) with {@code confidence}. */
  static float weight(int syllables, float confidence) {
    return (syllables + WORD_BONUS) * confidence;
  }

  /** Number of words known (with diacritics). */
  public int size() {
    return words.size();
  }

  int maxSyllables() {
    return maxSyllables;
  }

  /** Id of a syllable key (as {@link SyllableKeys} writes it), or -1 when no word contains it. */
  int syllableId(char[] key, int len) {
    return syllables.find(key, 0, len);
  }

  /** Id of a syllable key given as a string, or -1. */
  int syllableId(String key) {
    return syllables.find(key.toCharArray(), 0, key.length());
  }

  WordTrie trie(boolean foldedForm) {
    return foldedForm ? folded : exact;
  }

  /** Weight of the two-syllable word {@code a b} (ids), 0 when unknown. */
  float pairWeight(int a, int b, boolean foldedForm) {
    WordTrie t = trie(foldedForm);
    int n = t.child(t.child(WordTrie.ROOT, a), b);
    return n < 0 ? 0f : t.weight(n);
  }

  /** Weight of the word whose syllable keys are joined by spaces in {@code key}; 0 when unknown. */
  float weight(String key, boolean foldedForm) {
    WordTrie t = trie(foldedForm);
    int node = WordTrie.ROOT;
    for (String s : key.split(" ")) {
      node = t.child(node, syllableId(s));
      if (node < 0) {
        return 0f;
      }
    }
    return t.weight(node);
  }

  boolean isSurname(int syllableId) {
    return syllableId >= 0 && surnames.get(syllableId);
  }

  /** True for a function word or numeral of {@code vietnamese-function-words.txt}. */
  boolean isFunctionWord(int syllableId) {
    return syllableId >= 0 && functionWordIds.get(syllableId);
  }

  /**
   * True for a title that stands before a person's name without being part of it ({@code
   * vietnamese-name-titles.txt}: "thầy", "cụ") or a function word ("ông", "theo").
   */
  boolean isNameTitle(int syllableId) {
    return syllableId >= 0 && (nameTitleIds.get(syllableId) || functionWordIds.get(syllableId));
  }

  private static Set<String> nameTitles() {
    Set<String> out = new HashSet<>();
    for (String w : readList(NAME_TITLES)) {
      out.add(key(w));
    }
    return out;
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

  private void index(String word, float weight) {
    String[] parts = word.split(" ");
    int[] ids = new int[parts.length];
    int[] foldedIds = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      ids[i] = syllables.add(parts[i]);
      foldedIds[i] = syllables.add(DiacriticFolder.fold(parts[i]));
    }
    exact.add(ids, weight);
    folded.add(foldedIds, weight);
    maxSyllables = Math.max(maxSyllables, parts.length);
  }

  private static void put(String word, float confidence, Map<String, Float> words) {
    String[] parts = word.strip().split("\\s+");
    if (parts.length < 2) {
      return;
    }
    StringBuilder k = new StringBuilder();
    for (String s : parts) {
      if (!k.isEmpty()) {
        k.append(' ');
      }
      k.append(key(s));
    }
    words.merge(k.toString(), weight(parts.length, confidence), Math::max);
  }

  private static Iterable<String> readList(String resource) {
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + resource + " next to " + Lexicon.class);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
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
