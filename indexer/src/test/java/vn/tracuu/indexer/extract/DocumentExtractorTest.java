package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.tracuu.analysis.legacy.LegacyEncoding;
import vn.tracuu.analysis.legacy.LegacyVietnamese;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;

class DocumentExtractorTest {

  private static final SourceConfig SOURCE =
      new SourceConfig(
          "archive", SourceConfig.SourceType.DOCUMENTS, Path.of("."), List.of("staff"), false);

  private static final String DECISION =
      """
      ỦY BAN NHÂN DÂN
      TỈNH HÒA SƠN
      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Độc lập - Tự do - Hạnh phúc
      Số: 1952/QĐ-UBND
      Hòa Sơn, ngày 08 tháng 8 năm 2019
      QUYẾT ĐỊNH
      Về việc thành lập Ban chỉ đạo phòng chống thiên tai
      Căn cứ Luật Tổ chức chính quyền địa phương;
      Điều 1. Thành lập Ban chỉ đạo phòng chống thiên tai của tỉnh.
      CHỦ TỊCH
      Nguyễn Văn Bình
      """;

  static IndexRecord extract(byte[] bytes, String name) throws ExtractionException {
    SourceItem item =
        new SourceItem(name, null, bytes.length, 0L, () -> new ByteArrayInputStream(bytes));
    return new DocumentExtractor(new TextExtractor(100_000)).extract(SOURCE, item).getFirst();
  }

  /** An old page typed in a legacy font (the text is the font's codes, shown as windows-1252). */
  @ParameterizedTest
  @EnumSource(LegacyEncoding.class)
  void legacyFontTextIsRepairedAndMetadataFound(LegacyEncoding encoding) throws Exception {
    String legacy = LegacyVietnamese.encode(DECISION, encoding);
    String html =
        "<html><head><meta charset=\"windows-1252\"><title>qd</title></head><body>"
            + "<font face=\".VnTime\">"
            + legacy.replace("\n", "<br>\n")
            + "</font></body></html>";
    IndexRecord record = extract(html.getBytes(Charset.forName("windows-1252")), "qd.html");
    assertEquals(encoding.id(), record.legacyEncoding());
    assertEquals("1952/QĐ-UBND", record.documentNumber());
    assertEquals(DateSource.ISSUE_DATE, record.dateSource());
    assertTrue(record.body().toLowerCase().contains("phòng chống thiên tai"), record.body());
  }

  @Test
  void unicodeDocumentsAreLeftAlone() throws Exception {
    IndexRecord record = extract(DECISION.getBytes(StandardCharsets.UTF_8), "qd.txt");
    assertNull(record.legacyEncoding());
    assertEquals("Quyết định", record.documentType());
  }
}
