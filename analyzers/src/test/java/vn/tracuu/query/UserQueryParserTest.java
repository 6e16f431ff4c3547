package vn.tracuu.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tracuu.schema.IndexSchema;

/** The production query parser against a small real index built with the production schema. */
class UserQueryParserTest {

  private static SmallIndex index;
  private static IndexSearcher searcher;
  private static final UserQueryParser parser = new UserQueryParser(IndexSchema.analyzer());

  @BeforeAll
  static void index() throws IOException {
    index =
        new SmallIndex(
            w -> {
              w.add("cqdt", null, "Kế hoạch xây dựng chính quyền điện tử năm 2019");
              w.add("scattered", null, "Chính sách về quyền lợi, điện lực và tử tế");
              w.add("ban", null, "Họp ban chỉ đạo");
              w.add("ban-sac", null, "Bán đấu giá tài sản");
              w.add("ban-hoi", null, "Bản kế hoạch chi tiết");
              w.add("hoa", null, "Tỉnh Hoà Sơn triển khai");
              w.add("qd", null, "Quyết định số 1952/QĐ-UBND về quy chế làm việc");
            });
    searcher = index.searcher;
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  private static List<String> search(String q) throws IOException {
    List<String> ids = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(parser.parse(q), 10).scoreDocs) {
      ids.add(searcher.storedFields().document(hit.doc).get(IndexSchema.ID));
    }
    return ids;
  }

  @Test
  void phraseMatchesOnlyAdjacentSyllables() throws IOException {
    assertEquals(List.of("cqdt"), search("\"chính quyền điện tử\""));
  }

  @Test
  void queryWithoutDiacriticsFindsAccentedText() throws IOException {
    assertEquals(List.of("cqdt"), search("\"chinh quyen dien tu\""));
    assertEquals(List.of("hoa"), search("hoa son"));
  }

  @Test
  void tonePlacementVariantsMatchEachOther() throws IOException {
    assertEquals(List.of("hoa"), search("\"Hòa Sơn\""));
  }

  @Test
  void accentedQueryRanksExactDiacriticsFirst() throws IOException {
    assertEquals("ban-hoi", search("bản").getFirst());
    assertEquals("ban-sac", search("bán").getFirst());
    assertEquals("ban", search("ban").getFirst());
    assertEquals(3, search("ban").size());
  }

  @Test
  void wordsAreAllRequiredAndExclusionWorks() throws IOException {
    assertEquals(List.of("ban-hoi"), search("kế hoạch -chính"));
    assertEquals(2, search("đấu | họp").size());
  }

  @Test
  void blankQueryMatchesEverything() throws IOException {
    assertEquals(7, search("  ").size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1952/QĐ-UBND", "1952 / QĐ - UBND", "1952/qd-ubnd", "QĐ-UBND", "QD-UBND", "1952"})
  void documentNumbersAreFoundWholeAndByParts(String q) throws IOException {
    assertEquals(List.of("qd"), search(q));
  }

  @Test
  void rankedQueryOrdersByWhatTheQuestionShares() throws IOException {
    List<String> ids = new ArrayList<>();
    Query q = parser.parseRanked("Tỉnh nào có kế hoạch xây dựng chính quyền điện tử năm 2019?");
    for (ScoreDoc hit : searcher.search(q, 10).scoreDocs) {
      ids.add(searcher.storedFields().document(hit.doc).get(IndexSchema.ID));
    }
    assertEquals("cqdt", ids.getFirst());
    assertTrue(ids.contains("scattered")); // any shared word is enough to be listed
    Query folded = parser.parseRanked("tinh nao co ke hoach xay dung chinh quyen dien tu?");
    assertEquals(
        "cqdt",
        searcher.storedFields().document(searcher.search(folded, 1).scoreDocs[0].doc).get("id"));
  }

  @Test
  void parseRanksItsMatchesExactlyAsTheRankedQueryDoes() throws IOException {
    // One ranking for the API and the evaluation: the operators only decide what matches.
    for (String q : List.of("kế hoạch", "ke hoach chi tiet", "bản kế hoạch -chính")) {
      ScoreDoc[] parsed = searcher.search(parser.parse(q), 10).scoreDocs;
      assertTrue(parsed.length > 0, q);
      ScoreDoc[] ranked =
          searcher.search(parser.parseRanked(q.replace("-chính", "")), 10).scoreDocs;
      for (ScoreDoc hit : parsed) {
        float expected = -1;
        for (ScoreDoc r : ranked) {
          if (r.doc == hit.doc) {
            expected = r.score;
          }
        }
        assertEquals(expected, hit.score, 1e-5f, q);
      }
    }
  }

  @Test
  void questionWordsAreLeftOutOfRankingUnlessNothingElseIsLeft() {
    Set<String> terms =
        terms(parser.parseRanked("Thời hạn cai nghiện là bao nhiêu, đúng hay sai?"));
    assertTrue(
        terms.containsAll(Set.of("thời_hạn", "cai", "nghiện", "nghien", "nghiện_là")),
        terms.toString());
    for (String dropped :
        List.of("là", "bao", "bao_nhiêu", "đúng_hay", "hay_sai", "la", "bao_nhieu")) {
      assertFalse(terms.contains(dropped), dropped + " in " + terms);
    }
    assertTrue(terms(parser.parseRanked("là gì?")).containsAll(Set.of("là", "gì", "là_gì")));
  }

  @Test
  void runsOfThreeToSixSyllablesArePhraseBoostsInTheBody() {
    Set<String> phrases = phrases(parser.parseRanked("Quản lý sau cai nghiện là gì?"));
    assertTrue(phrases.contains("body: quản lý sau"), phrases.toString());
    assertTrue(phrases.contains("body_folded: quan ly sau cai nghien la"), phrases.toString());
    // Pairs are indexed tokens already: 7 syllables give 5 + 4 + 3 + 2 runs per form.
    assertTrue(phrases.stream().noneMatch(p -> p.split(" ").length < 4), phrases.toString());
    assertEquals(2 * (5 + 4 + 3 + 2), phrases.size(), phrases.toString());
    // A run of question words only is no phrase.
    Set<String> question = phrases(parser.parseRanked("Điều nào sau đây là đúng?"));
    assertTrue(question.contains("body: điều nào sau"), question.toString());
    assertFalse(question.contains("body: nào sau đây"), question.toString());
  }

  /** The phrase queries of {@code q} as "field: syllables". */
  private static Set<String> phrases(Query q) {
    Set<String> phrases = new HashSet<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            if (query instanceof PhraseQuery) {
              StringBuilder sb = new StringBuilder(terms[0].field()).append(':');
              for (Term t : terms) {
                sb.append(' ').append(t.text());
              }
              phrases.add(sb.toString());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return phrases;
  }

  @Test
  void aTitleWordCountsForMoreThanABodyWordWithoutDrowningTheBody() throws IOException {
    try (SmallIndex small =
        new SmallIndex(
            w -> {
              w.add("in-title", "Cai nghiện ma túy", "Quy định chung về hồ sơ.");
              // The words in another order: no phrase boost for the body.
              w.add("in-body", "Quy định chung", "Ma túy: hồ sơ cai nghiện tự nguyện.");
              w.add("other", "Hồ sơ", "Hồ sơ đăng ký cư trú.");
            })) {
      assertEquals("in-title", small.first(parser.parseRanked("cai nghiện ma túy")));
      // Three title words do not beat five words of the body...
      String question = "hồ sơ cai nghiện ma túy tự nguyện";
      Query ranking = ((TitleMentionQuery) parser.parseRanked(question)).ranking();
      assertEquals("in-body", small.first(ranking));
      // ...unless the question contains the whole title, which only that record has.
      assertEquals("in-title", small.first(parser.parseRanked(question)));
    }
  }

  /** Every term the query ranks by, whatever the field (phrase boosts left out). */
  private static Set<String> terms(Query q) {
    Set<String> out = new HashSet<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            if (query instanceof PhraseQuery) {
              return;
            }
            for (Term t : terms) {
              out.add(t.text());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return out;
  }

  @Test
  void rankedQueryIsBoundedAndSafe() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> parser.parseRanked("a ".repeat(600)));
    // Many tokens stay under the clause limit.
    assertNotNull(searcher.search(parser.parseRanked("chính quyền ".repeat(80)), 10));
    assertNotNull(searcher.search(parser.parseRanked("((( \\\\ -|"), 10));
  }

  @Test
  void tooLongQueryIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> parser.parse("a ".repeat(600)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unbalanced",
        "((((",
        ")))",
        "-",
        "|",
        "\\",
        "*:*",
        "a AND OR NOT b",
        "title:[a TO z]",
        "/regex.*/",
        "~2",
        "\"\"",
        "💥 🙂 \u0000 \uFFFF",
      })
  void hostileInputNeverThrows(String q) throws IOException {
    assertNotNull(searcher.search(parser.parse(q), 10));
  }

  @Test
  void randomUnicodeNeverThrows() throws IOException {
    Random random = new Random(42);
    String operators = "\"()|-+*\\~ ";
    for (int i = 0; i < 500; i++) {
      StringBuilder q = new StringBuilder();
      int length = random.nextInt(60);
      for (int j = 0; j < length; j++) {
        q.appendCodePoint(
            random.nextInt(4) == 0
                ? operators.charAt(random.nextInt(operators.length()))
                : random.nextInt(0x3000));
      }
      String text = q.toString();
      if (!text.isBlank()) {
        assertNotNull(searcher.search(parser.parse(text), 10), text);
      }
    }
  }
}
