package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Small text and HTML attachments skip the parser processes and read as they would there. */
class InProcessAttachmentsTest {

  @Test
  void textAndHtmlAttachmentsAreParsedHereLikeInAParserProcess() throws Exception {
    ExtractionLimits limits = ExtractionLimits.defaults();
    TextExtractor here = new TextExtractor(limits, false);
    try (TextExtractor isolated = TextExtractor.isolated(limits, false, 1)) {
      String[][] files = {
        {
          "bao-cao.txt",
          "Báo cáo tiến độ dự án chính quyền điện tử\nSố 1952/QĐ-UBND\n",
          "1952/QĐ-UBND"
        },
        {
          "thong-bao.html",
          "<html><head><title>Thông báo</title></head><body><p>Lịch họp <b>thứ Hai</b>"
              + " 19/8/2019</p></body></html>",
          "Lịch họp thứ Hai 19/8/2019"
        },
        {"ghi-chu", "Ghi chú không có phần mở rộng, chỉ có chữ.", "chỉ có chữ"}
      };
      for (String[] file : files) {
        byte[] bytes = file[1].getBytes(StandardCharsets.UTF_8);
        TextExtractor.Extracted expected = here.extract(new ByteArrayInputStream(bytes), file[0]);
        TextExtractor.Extracted got = isolated.extract(bytes, file[0]);
        assertEquals(expected.text(), got.text(), file[0]);
        assertEquals(expected.contentType(), got.contentType(), file[0]);
        assertEquals(expected.title(), got.title(), file[0]);
        assertTrue(got.text().contains(file[2]), file[0] + ": " + got.text());
      }
      assertEquals(0, isolated.processesStarted(), "no parser process for text and HTML");
    }
  }
}
