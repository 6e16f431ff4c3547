package vn.tracuu.analysis.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tracuu.analysis.DiacriticFolder;

class SyllableKeysTest {

  /** The allocation-free keys equal the normaliser's, for every case the fast path handles. */
  @Test
  void fastKeysEqualTheNormalisersKeys() {
    List<String> syllables =
        List.of(
            "Hoà", "hòa", "KHOẺ", "khỏe", "thuỷ", "Thủy", "quý", "QUÝ", "quỳ", "hoàng", "Đà",
            "nghiêng", "Ưu", "TP", "abc", "xoè", "toạ", "tuỵ", "Ỷ", "oà", "uỷ");
    char[] scratch = new char[16];
    for (String s : syllables) {
      for (boolean folded : List.of(false, true)) {
        int len = SyllableKeys.key(s.toCharArray(), 0, s.length(), folded, scratch);
        String expected = folded ? DiacriticFolder.fold(Lexicon.key(s)) : Lexicon.key(s);
        assertEquals(expected, new String(scratch, 0, len), s + (folded ? " folded" : ""));
      }
    }
  }

  @Test
  void decomposedTextTakesTheSlowPath() {
    String decomposed = "hoa\u0300"; // a + combining grave: windows-1258 style
    assertEquals(-1, SyllableKeys.key(decomposed.toCharArray(), 0, 4, false, new char[8]));
    assertEquals("hòa", SyllableKeys.slowKey(decomposed, false));
    assertEquals("hoa", SyllableKeys.slowKey(decomposed, true));
  }

  @Test
  void segmentationIntoAReusedResultMatchesTheWordList() {
    DictionarySegmenter segmenter = new DictionarySegmenter();
    Segmentation reused = new Segmentation();
    for (String text :
        List.of(
            "Ủy ban nhân dân tỉnh triển khai chính quyền điện tử.",
            "Ông Nguyễn Văn Bình gửi vanthu@hoason.gov.vn lúc 10:30 ngày 19/8/2019.",
            "Uỷ ban nhân dân TP. HCM ban hành 1952/QĐ-UBND")) {
      segmenter.segment(text, reused);
      assertEquals(segmenter.segment(text).size(), reused.size(), text);
      assertEquals(spans(segmenter.segment(text)), spans(reused.toWords()), text);
    }
  }

  private static List<String> spans(List<Word> words) {
    return words.stream()
        .map(w -> w.type() + ":" + java.util.Arrays.toString(w.syllables()))
        .toList();
  }
}
