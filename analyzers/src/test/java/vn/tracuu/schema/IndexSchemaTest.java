package vn.tracuu.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexSchemaTest {

  @Test
  void daysAreVietnameseCalendarDays() {
    // 23:30 UTC on the 19th is 06:30 on the 20th in Vietnam.
    assertEquals(20190820, IndexSchema.day(Instant.parse("2019-08-19T23:30:00Z")));
    assertEquals(20190819, IndexSchema.day(Instant.parse("2019-08-19T16:59:59Z")));
  }

  @Test
  void isoDatesCarryTheVietnamOffset() {
    assertEquals(
        "2019-08-20T06:30:00+07:00", IndexSchema.isoDate(Instant.parse("2019-08-19T23:30:00Z")));
  }

  @Test
  void documentNumberKeysIgnoreCaseSpacesAndDiacritics() {
    assertEquals("1952/QD-UBND", IndexSchema.documentNumberKey("1952 / QĐ - UBND"));
    assertEquals("1952/QD-UBND", IndexSchema.documentNumberKey("1952/qd-ubnd"));
  }

  @Test
  void ocrAndTruncationAreStoredOnlyWhenTheyApply() {
    var plain = IndexSchema.toDocument(IndexRecord.builder("a", Kind.DOCUMENT).source("s").build());
    assertEquals(null, plain.get(IndexSchema.OCR));
    assertEquals(null, plain.get(IndexSchema.TRUNCATED));
    var scanned =
        IndexSchema.toDocument(
            IndexRecord.builder("b", Kind.DOCUMENT)
                .source("s")
                .ocr("used", 0.91f)
                .truncated(true)
                .build());
    assertEquals("used", scanned.get(IndexSchema.OCR));
    assertEquals(0.91f, scanned.getField(IndexSchema.OCR_CONFIDENCE).numericValue().floatValue());
    assertEquals("true", scanned.get(IndexSchema.TRUNCATED));
  }
}
