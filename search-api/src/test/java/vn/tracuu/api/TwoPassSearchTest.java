package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import vn.tracuu.schema.IndexSchema;

/**
 * A search counts its matches in one pass and scores only those for the page in a second, where
 * Lucene skips matches that cannot reach the page: its total, hits and scores must be those of the
 * whole query searched in one exhaustive pass (the way searches ran before), page after page and
 * cursor after cursor.
 */
class TwoPassSearchTest {

  private static final Caller STAFF = Caller.staff("test", Set.of("staff"));

  @Test
  void pagesEqualOnePassOverTheWholeQuery() throws Exception {
    List<String> queries = new ArrayList<>(TestServer.SAMPLE_QUERIES);
    queries.add("là gì"); // question words only
    // Matches with "của" but not "lũ" share no ranking clause ("của" is a question word): they
    // score 0 and come last, by document, which the pruned second pass leaves to a full one.
    queries.add("lũ | của");
    // A sample mail's whole subject: its record's score is multiplied (a title the text quotes).
    queries.add("kết quả kiểm tra an toàn thông tin Trung tâm dữ liệu tỉnh");
    Map<String, List<String>> expected =
        assertPagesEqualOnePass(TestServer.get().search, queries, 10, 3);
    assertTrue(
        expected.get("lũ | của").stream().anyMatch(hit -> hit.endsWith(" 0.0")),
        "the samples have matches without a ranking clause: " + expected.get("lũ | của"));
    assertTrue(expected.values().stream().mapToInt(List::size).sum() > 50);
    // By cursor, the pages after a match of score 0 are those of the full pass too.
    assertEquals(
        expected.get("lũ | của"), byCursor(TestServer.get().search, "lũ | của", 10, 3), "cursor");
  }

  /**
   * On thousands of generated records, where many matches cannot reach the page and the second pass
   * skips them: still the scores and order of an exhaustive search, for small and large pages and
   * deep ones, and through cursors.
   */
  @Test
  void prunedPagesEqualOnePassOnALargerIndex() throws Exception {
    Path index = GeneratedIndex.get();
    List<String> queries =
        List.of(
            "bóng đá",
            "\"thành phố\"",
            "kinh tế",
            "kế hoạch triển khai",
            "chuyển đổi số",
            "tỉnh báo cáo",
            "thanh pho",
            "giải đấu | cầu thủ",
            "dự án -đường");
    try (SearchService search = new SearchService(index)) {
      Map<String, List<String>> small = assertPagesEqualOnePass(search, queries, 10, 3);
      assertPagesEqualOnePass(search, queries, 1, 4);
      assertPagesEqualOnePass(search, queries.subList(0, 3), 100, 2);
      for (String q : queries) {
        assertTrue(small.get(q).size() == 30, q + ": " + small.get(q).size() + " hits");
        assertEquals(small.get(q), byCursor(search, q, 10, 3), q + ", by cursor");
      }
    }
  }

  /**
   * A search for {@code q} with pages of {@code size}: page {@code page} or after {@code cursor}.
   */
  private static SearchRequest request(String q, int size, String page, String cursor) {
    return SearchRequest.of(
        name ->
            switch (name) {
              case "q" -> q;
              case "size" -> Integer.toString(size);
              case "page" -> page;
              case "cursor" -> cursor;
              default -> null;
            });
  }

  /** Hits (id and score) of {@code pages} pages of {@code size}, each from the last's cursor. */
  private static List<String> byCursor(SearchService search, String q, int size, int pages)
      throws IOException {
    List<String> hits = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < pages; page++) {
      SearchResponse response = search.search(request(q, size, null, cursor), STAFF);
      response.hits().forEach(hit -> hits.add(hit.id() + " " + hit.score()));
      cursor = response.nextCursor();
    }
    return hits;
  }

  /**
   * Asserts that {@code pages} pages of {@code size} hits of each query are the hits (id and score)
   * and total of the whole query searched exhaustively in one pass; returns those hits per query.
   */
  private static Map<String, List<String>> assertPagesEqualOnePass(
      SearchService search, List<String> queries, int size, int pages) throws IOException {
    QueryLanguage language = new QueryLanguage(IndexSchema.analyzer());
    Map<String, List<String>> all = new java.util.LinkedHashMap<>();
    try (FSDirectory dir = FSDirectory.open(search.indexDir().toRealPath());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher reference = new IndexSearcher(reader);
      reference.setSimilarity(IndexSchema.similarity());
      for (String q : queries) {
        QueryLanguage.Parsed parsed = language.parse(q);
        BooleanQuery.Builder whole =
            new BooleanQuery.Builder()
                .add(parsed.text(), BooleanClause.Occur.MUST)
                .add(IndexQueries.visibleTo(STAFF), BooleanClause.Occur.FILTER);
        parsed.filters().forEach(f -> whole.add(f, BooleanClause.Occur.FILTER));
        parsed.exclusions().forEach(e -> whole.add(e, BooleanClause.Occur.MUST_NOT));
        Query query = whole.build();
        TopDocs expected =
            reference.search(
                query, new TopScoreDocCollectorManager(size * pages, null, Integer.MAX_VALUE));
        List<String> expectedHits = new ArrayList<>();
        for (ScoreDoc doc : expected.scoreDocs) {
          expectedHits.add(
              reader.storedFields().document(doc.doc).get(IndexSchema.ID) + " " + doc.score);
        }
        List<String> actualHits = new ArrayList<>();
        long total = -1;
        for (int page = 1; page <= pages; page++) {
          SearchResponse response =
              search.search(request(q, size, Integer.toString(page), null), STAFF);
          total = response.total();
          response.hits().forEach(hit -> actualHits.add(hit.id() + " " + hit.score()));
        }
        assertEquals(expected.totalHits.value(), total, q);
        assertEquals(expectedHits, actualHits, q + ", pages of " + size);
        all.put(q, expectedHits);
      }
    }
    return all;
  }
}
