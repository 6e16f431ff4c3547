package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import vn.tracuu.schema.IndexSchema;

class QueryLanguageTest {

  private final QueryLanguage language = new QueryLanguage(IndexSchema.analyzer());

  @Test
  void dateExpressionsBecomeDayRanges() {
    QueryLanguage.Parsed day = language.parse("họp ngày 19/8/2019");
    assertEquals(List.of(new QueryLanguage.DayRange(20190819, 20190819)), day.days());
    assertTrue(day.hasText());
    assertFalse(day.text().toString().contains("ngay"), day.text().toString());

    assertEquals(
        List.of(new QueryLanguage.DayRange(20190801, 20190831)),
        language.parse("tháng 8/2019").days());
    assertEquals(
        List.of(new QueryLanguage.DayRange(20200201, 20200229)),
        language.parse("thang 2 nam 2020").days());
    assertEquals(
        List.of(new QueryLanguage.DayRange(20190101, 20191231)), language.parse("năm 2019").days());
    QueryLanguage.Parsed words = language.parse("ngày 19 tháng 8 năm 2019");
    assertEquals(List.of(new QueryLanguage.DayRange(20190819, 20190819)), words.days());
    assertFalse(words.hasText());
    assertTrue(words.text() instanceof MatchAllDocsQuery);
  }

  @Test
  void prefixesBecomeFiltersAndExclusions() {
    QueryLanguage.Parsed parsed =
        language.parse(
            "báo cáo from:tmduc@hoason.gov.vn -to:\"Lê Thị\" số:1952/QĐ-UBND ngay:8/2019");
    assertEquals(3, parsed.filters().size(), parsed.toString());
    assertEquals(1, parsed.exclusions().size());
    assertTrue(parsed.filters().get(0).toString().startsWith(IndexSchema.SENDER_TEXT + ":"));
    assertEquals(IndexSchema.DOC_NUMBER_KEY + ":1952/QD-UBND", parsed.filters().get(1).toString());
    // a phrase over the folded syllables (the analyzer may stack the pair "le_thi" on them)
    String exclusion = parsed.exclusions().get(0).toString();
    assertTrue(exclusion.matches(".*\"le .*thi.*\".*"), exclusion);
    assertTrue(parsed.text().toString().contains("bao"), parsed.text().toString());
  }

  @Test
  void prefixesInsideWordsAreText() {
    QueryLanguage.Parsed parsed = language.parse("http://example.vn");
    assertTrue(parsed.filters().isEmpty());
    assertTrue(parsed.hasText());
  }

  @Test
  void badValuesAreClientErrors() {
    assertThrows(BadRequestException.class, () -> language.parse("ngay:31/2/2019"));
    assertThrows(BadRequestException.class, () -> language.parse("tháng 13/2019"));
    assertThrows(BadRequestException.class, () -> language.parse("from:\"\""));
    assertThrows(BadRequestException.class, () -> language.parse("from:..."));
    assertThrows(BadRequestException.class, () -> language.parse("x".repeat(1_001)));
  }
}
