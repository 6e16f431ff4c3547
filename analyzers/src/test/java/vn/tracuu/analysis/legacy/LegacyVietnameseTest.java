package vn.tracuu.analysis.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyVietnameseTest {

  /** Our own sentences: every vowel shape and tone, đ, ươ, capitals, digits and punctuation. */
  private static final String[] SENTENCES = {
    "Ủy ban nhân dân tỉnh Hòa Sơn thông báo về việc tổ chức họp trực tuyến phòng chống thiên tai"
        + " năm 2019.",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Kính gửi các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố; đề nghị khẩn trương"
        + " báo cáo kết quả trước ngày 26 tháng 11 năm 2025.",
    "Người dân ở khu vực ven biển cần chủ động sơ tán khi có bão, lũ quét và sạt lở đất; những"
        + " hộ gia đình ở vùng trũng được hỗ trợ lương thực, nước uống và thuốc men.",
    "Ông Nguyễn Văn Bình, Phó Chủ tịch, ký quyết định số 1952/QĐ-UBND ngày 8/8/2019 về khuyến"
        + " khích khởi nghiệp, đổi mới sáng tạo; hiệu quả được đánh giá hằng quý."
  };

  @ParameterizedTest
  @EnumSource(LegacyEncoding.class)
  void repairsOurSentencesEncodedInEachLegacyForm(LegacyEncoding encoding) {
    for (String sentence : SENTENCES) {
      String mojibake = LegacyVietnamese.encode(sentence, encoding);
      assertNotEquals(sentence, mojibake, "encoding changed nothing");
      assertEquals(Optional.of(encoding), LegacyVietnamese.detect(mojibake), mojibake);
      LegacyVietnamese.Repair repair = LegacyVietnamese.repair(mojibake);
      assertEquals(encoding, repair.encoding());
      assertTrue(Normalizer.isNormalized(repair.text(), Normalizer.Form.NFC));
      if (encoding == LegacyEncoding.TCVN3) {
        // TCVN3 has no toned capitals: a capital initial such as "Ủ" comes back lowercase
        assertEquals(lower(sentence), lower(repair.text()), mojibake);
      } else {
        assertEquals(sentence, repair.text(), mojibake);
      }
    }
  }

  @Test
  void knownMojibakeSamples() {
    assertEquals("Thông báo", LegacyVietnamese.decode("Th«ng b¸o", LegacyEncoding.TCVN3));
    assertEquals(
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        LegacyVietnamese.decode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", LegacyEncoding.VNI));
    assertEquals("VIỆT NAM", LegacyVietnamese.decode("VIEÄT NAM", LegacyEncoding.VNI));
    assertEquals("trường", LegacyVietnamese.decode("tröôøng", LegacyEncoding.VNI));
    // .VnTimeH: capitals drawn from lowercase codes
    assertEquals("CỘNG HÒA", LegacyVietnamese.decode("CéNG HßA", LegacyEncoding.TCVN3));
    assertEquals("Việt", LegacyVietnamese.decode("Viêòt", LegacyEncoding.WINDOWS_1258));
  }

  @Test
  void shortLegacyLineIsRecognised() {
    assertEquals(Optional.of(LegacyEncoding.TCVN3), LegacyVietnamese.detect("Th«ng b¸o häp"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Où est la bibliothèque ? Il a été très agréable de déjeuner là-bas, à côté du château,"
            + " où l'on sert un café crème et une crêpe flambée.",
        "Die Mädchen über der Brücke äßen gern Käse; Grüße aus München.",
        "Mañana él comerá piña en Año Nuevo con sus niños en la montaña.",
        "The committee’s “final” report – 2019 edition © Hoa Son Province, naïve résumé.",
        "Plain English text without any accents at all, repeated twice.",
        "Chính quyền điện tử giúp người dân tra cứu thủ tục hành chính nhanh hơn.",
        "Hà Nội, ngày 26 tháng 11 năm 2025",
        "Tôi là người Việt; cà phê sữa đá ở Sài Gòn rất ngon.",
      })
  void leavesCorrectTextAlone(String text) {
    assertEquals(Optional.empty(), LegacyVietnamese.detect(text));
    LegacyVietnamese.Repair repair = LegacyVietnamese.repair(text);
    assertFalse(repair.repaired());
    assertEquals(text, repair.text());
  }

  /**
   * A legacy text quoting a Unicode name is still legacy, up to one Unicode Vietnamese word for
   * every twenty legacy words; past that the text counts as Unicode (the quick pre-count and the
   * full check must agree on this boundary).
   */
  @Test
  void aFewUnicodeWordsInLegacyTextAreTolerated() {
    String legacy = LegacyVietnamese.encode(SENTENCES[4] + " " + SENTENCES[3], LegacyEncoding.VNI);
    assertEquals(Optional.of(LegacyEncoding.VNI), LegacyVietnamese.detect(legacy + " Nguyễn"));
    String mostlyUnicode =
        SENTENCES[0] + " " + LegacyVietnamese.encode("Thông báo", LegacyEncoding.VNI);
    assertEquals(Optional.empty(), LegacyVietnamese.detect(mostlyUnicode));
  }

  @Test
  void decomposedUnicodeVietnameseIsNotLegacy() {
    String decomposed = Normalizer.normalize(SENTENCES[3], Normalizer.Form.NFD);
    assertEquals(Optional.empty(), LegacyVietnamese.detect(decomposed));
  }

  @Test
  void syllableShapes() {
    for (String ok : new String[] {"người", "quyết", "khuỷu", "nghiêng", "gì", "xoong", "Ủy"}) {
      assertTrue(VietnameseSyllables.isSyllable(ok), ok);
    }
    // a stop final takes only the sharp or heavy tone; no vowel after a final; one tone at most
    for (String bad : new String[] {"tàt", "ộtộ", "cafộ", "hoạá", "mỹller", "bịo"}) {
      assertFalse(VietnameseSyllables.isSyllable(bad), bad);
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
