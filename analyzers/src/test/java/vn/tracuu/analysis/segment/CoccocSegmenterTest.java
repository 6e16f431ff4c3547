package vn.tracuu.analysis.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.tracuu.analysis.SegmenterConfig;

class CoccocSegmenterTest {

  private static final String TEXT = "Chính quyền điện tử theo Quyết định 1952/QĐ-UBND của tỉnh.";

  /** The words of {@code text} as "a b|c|…" (syllables of a word joined by a space). */
  private static List<String> words(WordSegmenter segmenter, String text) {
    List<String> out = new ArrayList<>();
    for (Word w : segmenter.segment(text)) {
      if (w.type() != TokenType.PUNCT) {
        out.add(text.substring(w.start(), w.end()));
      }
    }
    return out;
  }

  /**
   * The grouping logic against a stand-in for the native side (the native library cannot be built
   * here: coccoc-tokenizer is not in apt, npm or Maven Central). The stand-in answers spans as
   * coccoc does: words, including one across the document number that tracuu keeps whole, and
   * punctuation.
   */
  @Test
  void coccocWordsGroupScannedSyllables() {
    CoccocSegmenter segmenter =
        new CoccocSegmenter(
            text -> {
              List<int[]> spans = new ArrayList<>();
              for (String w : List.of("Chính quyền", "điện tử", "Quyết định", "1952/QĐ", "tỉnh")) {
                int s = text.indexOf(w);
                spans.add(new int[] {s, s + w.length(), com.coccoc.Tokenizer.WORD});
              }
              int dot = text.length() - 1;
              spans.add(new int[] {dot, dot + 1, com.coccoc.Tokenizer.PUNCT});
              return spans.toArray(int[][]::new);
            });
    assertEquals(
        List.of("Chính quyền", "điện tử", "theo", "Quyết định", "1952/QĐ-UBND", "của", "tỉnh"),
        words(segmenter, TEXT));
    Word first = segmenter.segment(TEXT).getFirst();
    assertEquals(TokenType.WORD, first.type()); // "quyền" is not capitalised: not a name
    assertEquals(2, first.syllableCount());
    assertEquals("quyền", TEXT.substring(first.syllableStart(1), first.syllableEnd(1)));
  }

  @Test
  void withoutCoccocWordsSyllablesStaySingle() {
    CoccocSegmenter segmenter = new CoccocSegmenter(text -> new int[0][]);
    assertEquals(List.of("Chính", "quyền", "điện", "tử"), words(segmenter, "Chính quyền điện tử"));
  }

  /**
   * The real native library, when installed: set {@code TRACUU_COCCOC_LIBRARY} (and {@code
   * TRACUU_COCCOC_DICTIONARIES} unless the dictionaries are in /usr/share/tokenizer/dicts).
   */
  @Test
  void realLibrarySegmentsWithCorrectOffsets() {
    String library = System.getenv("TRACUU_COCCOC_LIBRARY");
    Assumptions.assumeTrue(
        library != null && Files.isRegularFile(Path.of(library)),
        "skipped: coccoc-tokenizer's libcoccoc_tokenizer_jni.so is not installed"
            + " (set TRACUU_COCCOC_LIBRARY to test the native backend)");
    String dictionaries = System.getenv("TRACUU_COCCOC_DICTIONARIES");
    Map<String, String> settings =
        Map.of(
            SegmenterConfig.BACKEND,
            "coccoc",
            SegmenterConfig.COCCOC_LIBRARY,
            library,
            SegmenterConfig.COCCOC_DICTIONARIES,
            dictionaries == null ? SegmenterConfig.DEFAULT_DICTIONARIES : dictionaries);
    WordSegmenter segmenter = SegmenterConfig.from(settings::get, false);
    List<Word> units = segmenter.segment(TEXT);
    assertFalse(units.isEmpty());
    int previousEnd = 0;
    for (Word w : units) {
      assertTrue(w.start() >= previousEnd && w.end() <= TEXT.length(), w.toString());
      for (int i = 0; i < w.syllableCount(); i++) {
        String syllable = TEXT.substring(w.syllableStart(i), w.syllableEnd(i));
        assertFalse(syllable.isBlank() || syllable.contains(" "), syllable);
      }
      previousEnd = w.end();
    }
    assertTrue(words(segmenter, TEXT).contains("1952/QĐ-UBND"));
    assertTrue(words(segmenter, TEXT).contains("điện tử"), words(segmenter, TEXT).toString());
  }
}
