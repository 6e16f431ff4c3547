package vn.tracuu.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tracuu.schema.IndexSchema;

/**
 * A query that contains a record's whole title ranks that record higher, by how few records say the
 * title's words; on a real index built with the production schema and query parser.
 */
class TitleMentionQueryTest {

  private static SmallIndex index;
  private static final UserQueryParser parser = new UserQueryParser(IndexSchema.analyzer());

  /** A statement with the wrong answer: it names Bộ Y tế, and quotes what Bộ Công an does. */
  private static final String WRONG_ANSWER =
      "Trách nhiệm của Bộ Y tế trong phòng, chống ma túy là gì? Trả lời: tổ chức giám định"
          + " chất ma túy và tiền chất";

  @BeforeAll
  static void index() throws IOException {
    index =
        new SmallIndex(
            w -> {
              w.add(
                  "bo-cong-an",
                  "Trách nhiệm của Bộ Công an",
                  "Ban hành văn bản về phòng, chống ma túy. Tổ chức giám định chất ma túy và tiền"
                      + " chất. Hướng dẫn lập danh sách người nghiện ma túy.");
              w.add(
                  "bo-y-te",
                  "Trách nhiệm của Bộ Y tế",
                  "Ban hành văn bản về phòng, chống ma túy. Nghiên cứu thuốc và phương pháp cai"
                      + " nghiện ma túy; hỗ trợ chuyên môn y tế để cai nghiện ma túy.");
              w.add(
                  "quy-che",
                  "Chấm dứt hợp đồng làm việc",
                  "Đơn vị thông báo cho viên chức trước ba mươi ngày.");
              for (int i = 1; i <= 3; i++) {
                w.add(
                    "mail-" + i,
                    "Thư số " + i,
                    "Hai bên thỏa thuận chấm dứt hợp đồng làm việc từ tháng sau, lần " + i + ".");
              }
              w.add("bao-cao", "Báo cáo quý 3 năm 2019", "Tình hình thực hiện nhiệm vụ.");
              w.add("tong-hop", "Tổng hợp số liệu", "Số liệu báo cáo quý 3 năm 2019 của các sở.");
            });
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  /** Ids and scores of the hits of {@code query}, best first. */
  private static Map<String, Float> hits(Query query) throws IOException {
    return index.hits(query, 20);
  }

  /** The ranking of {@code text} without the title mention: what it would be without it. */
  private static Query withoutMention(String text) {
    return assertInstanceOf(TitleMentionQuery.class, parser.parseRanked(text)).ranking();
  }

  @Test
  void aQuestionNamingAHeadingFindsThatRecordEvenWhenItsAnswerQuotesAnother() throws IOException {
    System.err.println(
        hits(withoutMention(WRONG_ANSWER)) + " " + hits(parser.parseRanked(WRONG_ANSWER)));
    assertEquals("bo-cong-an", index.first(withoutMention(WRONG_ANSWER)), "the answer's words");
    assertEquals("bo-y-te", index.first(parser.parseRanked(WRONG_ANSWER)));
    String typedPlain =
        "trach nhiem cua bo y te trong phong chong ma tuy la gi? Tra loi: to chuc"
            + " giam dinh chat ma tuy va tien chat";
    assertEquals("bo-y-te", index.first(parser.parseRanked(typedPlain)));
    // The search API's queries rank the same way.
    assertInstanceOf(TitleMentionQuery.class, parser.parts("bộ y tế trách nhiệm gì").ranking());
  }

  @Test
  void aTitleNoOtherRecordSaysMultipliesItsScoreByOnePlusTheWeight() throws IOException {
    float with = hits(parser.parseRanked(WRONG_ANSWER)).get("bo-y-te");
    float without = hits(withoutMention(WRONG_ANSWER)).get("bo-y-te");
    assertEquals(1 + TitleMentionQuery.WEIGHT, with / without, 1e-4);
    // Records whose title the text does not contain keep their score.
    assertEquals(
        hits(withoutMention(WRONG_ANSWER)).get("bo-cong-an"),
        hits(parser.parseRanked(WRONG_ANSWER)).get("bo-cong-an"),
        1e-6);
  }

  @Test
  void wordsManyRecordsSayRaiseTheirTitleLittle() throws IOException {
    // "chấm dứt hợp đồng làm việc": one title, and the text of three mails.
    String text = "Đơn vị chấm dứt hợp đồng làm việc với viên chức thì phải báo trước mấy ngày";
    float with = hits(parser.parseRanked(text)).get("quy-che");
    float without = hits(withoutMention(text)).get("quy-che");
    assertEquals(1 + TitleMentionQuery.WEIGHT / 4, with / without, 1e-4);
  }

  @Test
  void titlesWithNumbersAreFoundAndCountedThroughTheirSyllables() throws IOException {
    String text = "gửi lại báo cáo quý 3 năm 2019";
    float with = hits(parser.parseRanked(text)).get("bao-cao");
    float without = hits(withoutMention(text)).get("bao-cao");
    assertEquals(1 + TitleMentionQuery.WEIGHT / 2, with / without, 1e-4, "title + one text");
  }

  @Test
  void withoutATitleInTheTextTheQueryIsTheRankingItself() throws IOException {
    Query query = parser.parseRanked("phương pháp điều trị và hỗ trợ chuyên môn");
    Query ranking = assertInstanceOf(TitleMentionQuery.class, query).ranking();
    assertEquals(index.searcher.rewrite(ranking), index.searcher.rewrite(query));
    // Two words are shorter than any title key: no candidates at all.
    assertFalse(parser.parseRanked("ma túy") instanceof TitleMentionQuery);
  }

  @Test
  void theLongestQueryStaysUnderTheClauseLimit() throws IOException {
    StringBuilder text = new StringBuilder("Trách nhiệm của Bộ Y tế");
    for (int i = 1; text.length() < UserQueryParser.MAX_QUERY_LENGTH - 10; i++) {
      text.append(" số ").append(i);
    }
    TitleMentionQuery query =
        assertInstanceOf(TitleMentionQuery.class, parser.parseRanked(text.toString()));
    assertTrue(query.keys().size() > IndexSearcher.getMaxClauseCount(), "many candidates");
    float ratio = hits(query).get("bo-y-te") / hits(query.ranking()).get("bo-y-te");
    assertEquals(1 + TitleMentionQuery.WEIGHT, ratio, 1e-4);
  }
}
