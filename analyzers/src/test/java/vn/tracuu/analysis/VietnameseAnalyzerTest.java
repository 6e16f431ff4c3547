package vn.tracuu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class VietnameseAnalyzerTest {

  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void exactVariantKeepsDiacriticsAndLowercasesDd() throws IOException {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
    assertEquals(
        List.of("đẩy", "mạnh", "chính", "quyền", "điện", "tử", "hòa", "sơn"),
        tokens(exact, "ĐẨY MẠNH Chính quyền điện tử, Hoà Sơn!"));
  }

  @Test
  void foldedVariantRemovesDiacritics() throws IOException {
    Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED);
    assertEquals(List.of("chinh", "quyen", "dien", "tu"), tokens(folded, "Chính quyền điện tử"));
  }

  @Test
  void offsetsPointIntoTheOriginalText() throws IOException {
    Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED);
    String text = "Ủy ban nhân dân";
    List<String> spans = new ArrayList<>();
    try (TokenStream ts = folded.tokenStream("body", text)) {
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        spans.add(text.substring(offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    }
    assertEquals(List.of("Ủy", "ban", "nhân", "dân"), spans);
  }
}
