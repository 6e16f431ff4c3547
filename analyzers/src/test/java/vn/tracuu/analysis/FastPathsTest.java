package vn.tracuu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The filters' allocation-free checks agree with the normaliser and folder they short-cut. */
class FastPathsTest {

  private static final List<String> TERMS =
      List.of(
          "chính_quyền",
          "hòa",
          "Hoà",
          "khoẻ",
          "THUỶ",
          "quý",
          "hoàng",
          "ĐẨY",
          "abc",
          "30/2020/NĐ-CP",
          "ｆｕｌｌ",
          "hoa\u0300",
          "ﬁ",
          "Ưu_tiên",
          "toạ_đàm");

  @Test
  void isNormalizedOnlyWhenTheNormaliserChangesNothing() {
    for (String t : TERMS) {
      if (VietnameseNormalizer.isNormalized(t.toCharArray(), t.length())) {
        assertEquals(t, VietnameseNormalizer.normalize(t), t);
      }
    }
    assertTrue(VietnameseNormalizer.isNormalized("chính_quyền".toCharArray(), 11));
    assertFalse(VietnameseNormalizer.isNormalized("Hoà".toCharArray(), 3));
    assertFalse(VietnameseNormalizer.isNormalized("thuỷ_văn".toCharArray(), 8));
    assertTrue(VietnameseNormalizer.isNormalized("ngoài".toCharArray(), 5), "closed syllable");
    assertTrue(VietnameseNormalizer.isNormalized("quá".toCharArray(), 3), "a after u stays");
  }

  @Test
  void foldInPlaceEqualsFold() {
    for (String t : TERMS) {
      char[] buf = t.toCharArray();
      if (DiacriticFolder.foldInPlace(buf, buf.length)) {
        assertEquals(DiacriticFolder.fold(t), new String(buf), t);
      } else {
        assertEquals(t, new String(buf), "unchanged when the slow path is needed");
      }
    }
    char[] buf = "Đường".toCharArray();
    assertTrue(DiacriticFolder.foldInPlace(buf, buf.length));
    assertEquals("Duong", new String(buf));
  }
}
