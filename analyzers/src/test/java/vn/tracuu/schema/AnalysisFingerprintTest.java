package vn.tracuu.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tracuu.analysis.VietnameseAnalyzer;
import vn.tracuu.analysis.VietnameseAnalyzer.Variant;
import vn.tracuu.analysis.segment.DictionarySegmenter;
import vn.tracuu.analysis.segment.Lexicon;
import vn.tracuu.analysis.segment.Word;
import vn.tracuu.analysis.segment.WordSegmenter;

class AnalysisFingerprintTest {

  private static String fingerprint(Lexicon lexicon) {
    return fingerprint(new DictionarySegmenter(lexicon, false));
  }

  /** The fingerprint with {@code exact} segmenting the exact variant, the built-in the folded. */
  private static String fingerprint(WordSegmenter exact) {
    return AnalysisFingerprint.of(
        new VietnameseAnalyzer(Variant.EXACT, exact),
        new VietnameseAnalyzer(Variant.FOLDED, new DictionarySegmenter(Lexicon.builtIn(), true)));
  }

  /** {@code words}' segmentation under another identity. */
  private static WordSegmenter disguised(WordSegmenter words, String identity) {
    return new WordSegmenter() {
      @Override
      public List<Word> segment(CharSequence text) {
        return words.segment(text);
      }

      @Override
      public String identity() {
        return identity;
      }
    };
  }

  @Test
  void theSameAnalysisHasTheSameFingerprintInEveryInstance() {
    String current = AnalysisFingerprint.current();
    assertTrue(current.matches("[0-9a-f]{16}"), current);
    assertEquals(current, fingerprint(Lexicon.builtIn()));
    assertEquals(current, AnalysisFingerprint.current());
  }

  @Test
  void oneMoreWordInTheListChangesIt() {
    // A compound the probe text does not contain: the lexicon digest still tells them apart.
    Lexicon more = Lexicon.builtIn().withCompounds(Map.of("mèo mướp", 1f));
    assertNotEquals(Lexicon.builtIn().digest(), more.digest());
    assertNotEquals(AnalysisFingerprint.current(), fingerprint(more));
  }

  @Test
  void anotherBackendChangesItEvenWhereTheProbeSegmentsAlike() {
    // The dictionary segmenter's words under another backend's identity (as coccoc's would be).
    WordSegmenter other =
        disguised(new DictionarySegmenter(Lexicon.builtIn(), false), "another backend");
    assertNotEquals(AnalysisFingerprint.current(), fingerprint(other));
  }

  @Test
  void aRuleThatChangesTheProbeTokensChangesItUnderTheSameIdentity() {
    // A code change to a rule keeps the lexicon digest; the probe text's tokens tell. Here the
    // "rule" joins four syllables of the probe text ("giao làm thường trực") into one word.
    WordSegmenter changed =
        new DictionarySegmenter(
            Lexicon.builtIn().withCompounds(Map.of("giao làm thường trực", 1f)), false);
    String sameIdentity = new DictionarySegmenter(Lexicon.builtIn(), false).identity();
    assertNotEquals(AnalysisFingerprint.current(), fingerprint(disguised(changed, sameIdentity)));
  }
}
