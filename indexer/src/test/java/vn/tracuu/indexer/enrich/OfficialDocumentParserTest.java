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
  void findsTheAgencyWhenTheNumberSitsBetweenItAndTheMotto() {
    // Word tables are read column by column: agency, rule and number come before the motto.
    String text =
        """
        UBND TỈNH HÒA SƠN
        SỞ THÔNG TIN VÀ TRUYỀN THÔNG
        ———
        Số: 125/BC-STTTT
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Hòa Sơn, ngày 16 tháng 12 năm 2019
        BÁO CÁO
        Kết quả vận hành Trung tâm dữ liệu
        """;
    OfficialMetadata meta = parser.parse(text);
    assertEquals("UBND TỈNH HÒA SƠN SỞ THÔNG TIN VÀ TRUYỀN THÔNG", meta.agency());
    assertEquals("125/BC-STTTT", meta.number());
    assertEquals("Báo cáo", meta.type());
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

  @Test
  void findsTheHeaderAfterASummaryWithWrappedHeadingAndDate() {
    // A saved web page: a summary that cites other numbers comes first, then the document,
    // whose layout wrapped the heading, the number and the date; the page ends with site text.
    String text =
        """
        ## Bãi bỏ quy định cũ
        Ngày 24/11/2025, tỉnh ban hành văn bản theo Công văn số 12/UBND-VP ngày 1/11/2025.
        ỦY BAN NHÂN
        DÂN
        TỈNH HÒA SƠN
        --------

        CỘNG HÒA XÃ
        HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        ---------------

        Số:
        79/2025/QĐ-UBND

        Hòa Sơn, ngày
        24 tháng11 năm 2025

        QUYẾT
        ĐỊNH
        BÃI BỎ QUYẾT ĐỊNH SỐ 09/2022/QĐ-UBND
        Căn cứ Luật Tổ chức chính quyền địa phương;
        Nơi nhận:
        - Như Điều 3;
        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        Nguyễn Quỳnh
        Thiện

        CHÍNH SÁCH BẢO VỆ DỮ LIỆU
        Xem thêm
        """;
    OfficialMetadata meta = parser.parse(text);
    assertEquals("79/2025/QĐ-UBND", meta.number());
    assertEquals("Quyết định", meta.type());
    assertEquals("ỦY BAN NHÂN DÂN TỈNH HÒA SƠN", meta.agency());
    assertEquals(LocalDate.of(2025, 11, 24), meta.issueDate());
    assertEquals("BÃI BỎ QUYẾT ĐỊNH SỐ 09/2022/QĐ-UBND", meta.summary());
    assertEquals("Nguyễn Quỳnh Thiện", meta.signer());
  }

  @Test
  void aVvSubjectBeforeAnyHeadingMakesADispatchEvenIfALaterPageSaysThongBao() {
    String text =
        """
        BỘ TÀI CHÍNH
        CỤC THUẾ
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Số: 5330/CT-CS
        V/v
        Chính sách thuế TNCN
        Hà Nội, ngày 19 tháng 11 năm 2025
        Kính gửi: Bà Huỳnh Thị Mỹ Hằng
        Cục Thuế thông báo để độc giả được biết./.
        KT. CỤC TRƯỞNG
        PHÓ CỤC TRƯỞNG
        Vũ Mạnh Hà
        THÔNG BÁO
        """;
    OfficialMetadata meta = parser.parse(text);
    assertEquals("Công văn", meta.type());
    assertEquals("Chính sách thuế TNCN", meta.summary());
    assertEquals("BỘ TÀI CHÍNH CỤC THUẾ", meta.agency());
    assertEquals("Vũ Mạnh Hà", meta.signer());
  }

  @Test
  void withoutAHeaderTheDocumentCaptionIsUsed() {
    String text =
        """
        Kính gửi: Thuế tỉnh Tây Ninh.
        Cục Thuế nhận được công văn số 2094/TNI-CNTK ngày 14/10/2025 của Thuế tỉnh Tây Ninh.

        Công văn 5402/CT-CS ngày 21/11/2025 trả lời kiến nghị về lệ phí trước bạ do Cục Thuế ban hành
        """;
    OfficialMetadata meta = parser.parse(text);
    assertEquals("5402/CT-CS", meta.number());
    assertEquals("Công văn", meta.type());
    assertEquals("Cục Thuế", meta.agency());
    assertEquals(LocalDate.of(2025, 11, 21), meta.issueDate());
  }
}
