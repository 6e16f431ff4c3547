package vn.tracuu.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.tracuu.indexer.enrich.OfficialDocumentParser.OfficialMetadata;

class OfficialDocumentParserTest {

  private final OfficialDocumentParser parser = new OfficialDocumentParser();

  @Test
  void readsADecisionHeaderAsPdfTextLaysItOut() {
    // PDF text interleaves the two header columns and wraps the date line.
    String text =
        """
        ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH HÒA SƠN Độc lập - Tự do - Hạnh phúc
        Số: 1952/QĐ-UBND Hòa Sơn, ngày 8 tháng 8
        năm 2019

        QUYẾT ĐỊNH
        Về việc kiện toàn Ban Chỉ đạo xây dựng
        Chính quyền điện tử tỉnh Hòa Sơn

        CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA SƠN
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
        Điều 1. …
        Nơi nhận:
        - Như Điều 3;
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        (đã ký)
        Nguyễn Văn Thành
        """;
    OfficialMetadata meta = parser.parse(text);
    assertEquals("1952/QĐ-UBND", meta.number());
    assertEquals("Quyết định", meta.type());
    assertEquals("ỦY BAN NHÂN DÂN TỈNH HÒA SƠN", meta.agency());
    assertEquals(LocalDate.of(2019, 8, 8), meta.issueDate());
    assertEquals(
        "Về việc kiện toàn Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Hòa Sơn", meta.summary());
    assertEquals("Nguyễn Văn Thành", meta.signer());
  }

  @Test
  void aDispatchHasNoHeadingButAVvSubject() {
    String text =
        """
        ỦY BAN NHÂN DÂN
        TỈNH HÒA SƠN
        Số: 1234 / UBND - KGVX
        V/v đẩy mạnh gửi, nhận văn bản điện tử
        Hòa Sơn, ngày 19 tháng 8 năm 2019
        Kính gửi: Các sở, ban, ngành tỉnh
        """;
    OfficialMetadata meta = parser.parse(text);
    assertEquals("1234/UBND-KGVX", meta.number());
    assertEquals("Công văn", meta.type());
    assertEquals("đẩy mạnh gửi, nhận văn bản điện tử", meta.summary());
    assertEquals(LocalDate.of(2019, 8, 19), meta.issueDate());
  }

  @Test
  void ordinaryTextHasNoMetadata() {
    OfficialMetadata meta = parser.parse("Chào anh, hẹn gặp lúc 9 giờ ngày 19/8/2019.");
    assertNull(meta.number());
    assertNull(meta.type());
    assertNull(meta.issueDate());
  }
}
