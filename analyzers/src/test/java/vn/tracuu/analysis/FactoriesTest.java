package vn.tracuu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.junit.jupiter.api.Test;

/** The chain named by SPI, as a Solr or OpenSearch configuration would. */
class FactoriesTest {

  @Test
  void chainCanBeBuiltByName() throws IOException {
    Analyzer analyzer =
        CustomAnalyzer.builder()
            .withTokenizer("vietnamese", "folded", "true", "bigrams", "false")
            .addTokenFilter("vietnameseNormalization")
            .addTokenFilter("lowercase")
            .addTokenFilter("vietnameseDiacriticFolding")
            .build();
    assertEquals(
        List.of("chinh_quyen", "chinh", "quyen", "dien_tu", "dien", "tu", "hoa_son", "hoa", "son"),
        VietnameseAnalyzerTest.analyze(analyzer, "Chính quyền điện tử, Hoà Sơn").stream()
            .map(VietnameseAnalyzerTest.Tok::term)
            .toList());
  }

  @Test
  void unknownParametersAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CustomAnalyzer.builder().withTokenizer("vietnamese", "colour", "red").build());
  }
}
