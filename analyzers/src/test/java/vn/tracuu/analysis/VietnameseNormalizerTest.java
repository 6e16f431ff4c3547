package vn.tracuu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseNormalizerTest {

  @ParameterizedTest
  @CsvSource({
    "hoà, hòa",
    "Hoà Sơn, Hòa Sơn",
    "HOÀ, HÒA",
    "khoẻ, khỏe",
    "thuỷ, thủy",
    "uỷ ban, ủy ban",
    "xoá bỏ, xóa bỏ",
    "hòa, hòa",
    "quý, quý",
    "hoàng, hoàng",
    "thuyết, thuyết",
    "toàn, toàn",
    "chính quyền điện tử, chính quyền điện tử",
  })
  void placesToneMarksCanonically(String input, String expected) {
    assertEquals(expected, VietnameseNormalizer.normalize(input));
  }

  @ParameterizedTest
  @CsvSource({"chính quyền điện tử", "Hoà Sơn", "thuỷ lợi"})
  void composesDecomposedInput(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    assertEquals(VietnameseNormalizer.normalize(text), VietnameseNormalizer.normalize(decomposed));
  }

  @ParameterizedTest
  @CsvSource({"ﬁle, file", "ＡＢＣ１２３, ABC123"})
  void foldsCompatibilityForms(String input, String expected) {
    assertEquals(expected, VietnameseNormalizer.normalize(input));
  }
}
