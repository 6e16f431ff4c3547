package vn.tracuu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class VietnameseAnalyzerTest {

  /** One analysed token with its position (0-based) and the text its offsets cover. */
  record Tok(String term, int position, String span) {}

  static List<Tok> analyze(Analyzer analyzer, String text) throws IOException {
    List<Tok> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int pos = -1;
      int lastStart = 0;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        assertTrue(offset.startOffset() >= lastStart, "start offsets never decrease");
        lastStart = offset.startOffset();
        out.add(
            new Tok(
                term.toString(), pos, text.substring(offset.startOffset(), offset.endOffset())));
      }
      ts.end();
    }
    return out;
  }

  /** The syllable-level terms: what phrase queries and one-syllable queries match. */
  static List<String> syllables(Analyzer analyzer, String text) throws IOException {
    return analyze(analyzer, text).stream()
        .map(Tok::term)
        .filter(t -> t.indexOf(VietnameseTokenizer.JOINER) < 0)
        .toList();
  }

  @Test
  void exactVariantKeepsDiacriticsAndLowercasesDd() throws IOException {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
    assertEquals(
        List.of("đẩy", "mạnh", "chính", "quyền", "điện", "tử", "hòa", "sơn"),
        syllables(exact, "ĐẨY MẠNH Chính quyền điện tử, Hoà Sơn!"));
  }

  @Test
  void foldedVariantRemovesDiacritics() throws IOException {
    Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED);
    assertEquals(List.of("chinh", "quyen", "dien", "tu"), syllables(folded, "Chính quyền điện tử"));
  }

  @Test
  void offsetsPointIntoTheOriginalText() throws IOException {
    Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED);
    String text = "Ủy ban nhân dân";
    List<String> spans =
        analyze(folded, text).stream()
            .filter(t -> t.term().indexOf('_') < 0)
            .map(Tok::span)
            .toList();
    assertEquals(List.of("Ủy", "ban", "nhân", "dân"), spans);
  }

  @Test
  void syllablesTakeConsecutivePositionsAndWordsStackOnThem() throws IOException {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
    List<Tok> toks = analyze(exact, "Xây dựng đại sứ quán mới.");
    assertTrue(toks.contains(new Tok("xây", 0, "Xây")));
    assertTrue(toks.contains(new Tok("mới", 5, "mới")));
    // The dictionary word of three syllables sits on its first syllable.
    assertTrue(toks.contains(new Tok("đại_sứ_quán", 2, "đại sứ quán")), toks::toString);
    // Adjacent pairs sit on their second syllable.
    assertTrue(toks.contains(new Tok("đại_sứ", 3, "đại sứ")), toks::toString);
    assertTrue(toks.contains(new Tok("dựng_đại", 2, "dựng đại")), toks::toString);
  }

  @Test
  void punctuationBreaksPairs() throws IOException {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
    List<String> terms = analyze(exact, "phòng, chống ma túy").stream().map(Tok::term).toList();
    assertTrue(terms.contains("ma_túy"));
    assertTrue(!terms.contains("phòng_chống"), terms::toString);
  }

  @Test
  void documentNumbersAreSearchableWholeAndByParts() throws IOException {
    Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED);
    List<Tok> toks = analyze(folded, "theo Quyết định số 1952/QĐ-UBND ngày 8/8/2019");
    List<String> terms = toks.stream().map(Tok::term).toList();
    for (String t : List.of("1952/qd-ubnd", "1952", "qd-ubnd", "qd", "ubnd", "8/8/2019", "2019")) {
      assertTrue(terms.contains(t), t + " in " + terms);
    }
    // Spaced and undotted spellings give the same whole number.
    List<String> spaced = analyze(folded, "1952 / QĐ - UBND").stream().map(Tok::term).toList();
    assertEquals(List.of("1952/qd-ubnd", "1952", "qd-ubnd", "qd", "ubnd"), spaced);
    List<String> decree = analyze(folded, "30/2020/NĐ-CP").stream().map(Tok::term).toList();
    assertEquals(List.of("30/2020/nd-cp", "30", "2020", "nd-cp", "nd", "cp"), decree);
  }

  @Test
  void urlsAndEmailAddressesStayWhole() throws IOException {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
    List<String> terms =
        analyze(exact, "Liên hệ vanthu@hoason.gov.vn hoặc https://hoason.gov.vn/tin-tuc.").stream()
            .map(Tok::term)
            .toList();
    assertTrue(terms.contains("vanthu@hoason.gov.vn"), terms::toString);
    assertTrue(terms.contains("https://hoason.gov.vn/tin-tuc"), terms::toString);
    assertTrue(terms.contains("hoason"), terms::toString);
  }

  @Test
  void longTextIsCutIntoChunksWithoutLosingTokensOrOffsets() throws IOException {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
    String sentence = "Ủy ban nhân dân tỉnh triển khai chính quyền điện tử năm 2019.\n";
    String text = sentence.repeat(VietnameseTokenizer.CHUNK / sentence.length() * 3);
    List<Tok> toks = analyze(exact, text);
    long syllables = toks.stream().filter(t -> t.term().indexOf('_') < 0).count();
    assertEquals(13L * (text.length() / sentence.length()), syllables);
    for (Tok t : toks) {
      assertEquals(
          VietnameseNormalizer.normalize(t.span().replace(' ', '_')).toLowerCase(),
          t.term(),
          "offsets of " + t);
    }
  }

  /**
   * Why the folded fields are analysed on their own rather than by folding the exact field's
   * tokens: syllables, pairs, numbers, codes, URLs and addresses fold to the same terms at the same
   * positions and offsets, but the folded variant segments with the folded dictionary, so a stacked
   * word of three or more syllables can differ. "phân vân" folds to "phan van", which keeps "Phan
   * Văn Khải" from being one name in folded text.
   */
  @Test
  void foldedStreamIsTheExactStreamFoldedExceptForStackedWords() throws IOException {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
    Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED);
    List<String> same =
        List.of(
            "",
            "Quyết định số 1952/QĐ-UBND ngày 19/8/2019 của UBND TP. Hồ Chí Minh",
            "Liên hệ nguyen.van.an@hochiminhcity.gov.vn hoặc https://dichvucong.gov.vn/p/home",
            "ĐẨY MẠNH Chính quyền điện tử, Hoà Sơn! Giá 1.000.000 đồng (3,5%) lúc 08:15",
            "Cong van so 12/CV-STTTT ve viec trien khai he thong quan ly van ban",
            "Ðoàn công tác — Sở Tài nguyên và Môi trường; mã hồ sơ H29.66-230815-0001");
    for (String text : same) {
      assertEquals(foldedTokens(exact, text), tokens(folded, text), text);
    }
    String name = "Thủ tướng Phan Văn Khải đã ký.";
    assertTrue(foldedTokens(exact, name).contains("2 Phan Văn Khải phan_van_khai"));
    assertFalse(tokens(folded, name).contains("2 Phan Văn Khải phan_van_khai"));
  }

  /** "position span term" of each token, sorted (the order within a position is free). */
  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    return positioned(analyzer, text, false);
  }

  private static List<String> foldedTokens(Analyzer analyzer, String text) throws IOException {
    return positioned(analyzer, text, true);
  }

  private static List<String> positioned(Analyzer analyzer, String text, boolean fold)
      throws IOException {
    return analyze(analyzer, text).stream()
        .map(
            t ->
                t.position()
                    + " "
                    + t.span()
                    + " "
                    + (fold ? DiacriticFolder.fold(t.term()) : t.term()))
        .sorted()
        .toList();
  }
}
