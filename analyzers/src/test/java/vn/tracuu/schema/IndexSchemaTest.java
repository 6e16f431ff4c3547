package vn.tracuu.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class IndexSchemaTest {

  @Test
  void facetKeysCollapseWhiteSpaceAsTheRegexDid() {
    for (String value :
        List.of(
            "Nguyễn Văn An <an@sotttt.gov.vn>",
            "  Sở  Thông tin\tvà\r\nTruyền thông ",
            "a \u000B\fb",
            "x\u00A0 y", // no-break space: neither stripped nor collapsed
            "\t",
            "",
            "one")) {
      assertEquals(value.strip().replaceAll("\\s+", " "), IndexSchema.facetKey(value), value);
    }
  }

  @Test
  void monthsAreWrittenAsFormatWritesThem() {
    int[][] cases = {{2019, 8}, {1999, 12}, {5, 1}, {0, 3}, {9999, 12}, {10000, 1}, {-1, 2}};
    for (int[] c : cases) {
      assertEquals(
          String.format(java.util.Locale.ROOT, "%04d-%02d", c[0], c[1]),
          IndexSchema.month(c[0], c[1]));
    }
  }

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
  void titleKeysAreTheFoldedWordsWithoutReplyPrefixes() {
    String key = "ke hoach so 12 kh ubnd ve chuyen doi so";
    assertEquals(key, IndexSchema.titleKey("Kế hoạch số 12/KH-UBND về chuyển đổi số"));
    assertEquals(
        key, IndexSchema.titleKey("Re: FWD:TL: KẾ HOẠCH  số 12 / KH - UBND về chuyển đổi số"));
    assertEquals(key, IndexSchema.titleKey("Trả lời: Kế hoạch số 12/KH-UBND về chuyển đổi số"));
    String decomposed =
        java.text.Normalizer.normalize(
            "Kế hoạch số 12/KH-UBND về chuyển đổi số", java.text.Normalizer.Form.NFD);
    assertEquals(key, IndexSchema.titleKey(decomposed));
    // "Re" that is not a prefix stays a word.
    assertEquals("re ke hoach", IndexSchema.titleKey("Re kế hoạch"));
  }

  @Test
  void titlesTooShortOrTooLongToNameARecordHaveNoKey() {
    assertEquals(null, IndexSchema.titleKey(null));
    assertEquals(null, IndexSchema.titleKey("Báo cáo"));
    assertEquals(null, IndexSchema.titleKey("Re: Báo cáo"));
    assertEquals("bao cao thang", IndexSchema.titleKey("Báo cáo tháng"));
    String sixteen = "một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba";
    assertEquals(16, IndexSchema.keyWords(sixteen).size());
    assertEquals(16, IndexSchema.titleKey(sixteen).split(" ").length);
    assertEquals(null, IndexSchema.titleKey(sixteen + " mười"));
    var doc =
        IndexSchema.toDocument(
            IndexRecord.builder("a", Kind.EMAIL).source("s").title("Re: Báo cáo tháng").build());
    assertEquals("bao cao thang", doc.getField(IndexSchema.TITLE_KEY).stringValue());
    assertEquals(false, doc.getField(IndexSchema.TITLE_KEY).fieldType().stored());
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

  /**
   * Every document holds a norm for the ranked text fields (dense norms keep Lucene's flush fast),
   * but only documents with text count for BM25's statistics.
   */
  @Test
  void rankedTextFieldsHaveDenseNormsButStatisticsOnlyFromRealText() throws IOException {
    try (var dir = new ByteBuffersDirectory()) {
      try (var writer = new IndexWriter(dir, new IndexWriterConfig(IndexSchema.analyzer()))) {
        writer.addDocument(
            IndexSchema.toDocument(
                IndexRecord.builder("m1", Kind.EMAIL)
                    .source("s")
                    .title("Thông báo họp")
                    .body("Kính gửi các đơn vị")
                    .build()));
        writer.addDocument(IndexSchema.stateDocument("file:/a", "1:2", "m1", "INBOX"));
        writer.addDocument(
            IndexSchema.toDocument(IndexRecord.builder("a1", Kind.ATTACHMENT).source("s").build()));
      }
      try (var reader = DirectoryReader.open(dir)) {
        LeafReader leaf = reader.leaves().get(0).reader();
        for (String field :
            new String[] {
              IndexSchema.TITLE, IndexSchema.TITLE_FOLDED, IndexSchema.BODY, IndexSchema.BODY_FOLDED
            }) {
          assertEquals(3, countNorms(leaf.getNormValues(field)), field);
          assertEquals(1, leaf.terms(field).getDocCount(), field);
        }
        assertEquals(null, reader.storedFields().document(1).get(IndexSchema.BODY));
      }
    }
  }

  private static int countNorms(NumericDocValues norms) throws IOException {
    int n = 0;
    while (norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
      n++;
    }
    return n;
  }
}
