package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
 * A search counts its matches in one pass and scores only those for the page in a second: its
 * total, hits and scores must be those of the whole query searched in one exhaustive pass (the way
 * searches ran before), page after page.
 */
class TwoPassSearchTest {

  private static final Caller STAFF = Caller.staff("test", Set.of("staff"));

  @Test
  void pagesEqualOnePassOverTheWholeQuery() throws Exception {
    SearchService search = TestServer.get().search;
    QueryLanguage language = new QueryLanguage(IndexSchema.analyzer());
    int compared = 0;
    try (FSDirectory dir = FSDirectory.open(search.indexDir().toRealPath());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher reference = new IndexSearcher(reader);
      reference.setSimilarity(IndexSchema.similarity());
      List<String> queries = new ArrayList<>(TestServer.SAMPLE_QUERIES);
      queries.add("là gì"); // question words only
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
            reference.search(query, new TopScoreDocCollectorManager(30, null, Integer.MAX_VALUE));
        List<String> expectedHits = new ArrayList<>();
        for (ScoreDoc doc : expected.scoreDocs) {
          expectedHits.add(
              reader.storedFields().document(doc.doc).get(IndexSchema.ID) + " " + doc.score);
        }
        List<String> actualHits = new ArrayList<>();
        long total = -1;
        for (int page = 1; page <= 3; page++) {
          String p = Integer.toString(page);
          SearchResponse response =
              search.search(
                  SearchRequest.of(
                      name ->
                          switch (name) {
                            case "q" -> q;
                            case "size" -> "10";
                            case "page" -> p;
                            default -> null;
                          }),
                  STAFF);
          total = response.total();
          response.hits().forEach(hit -> actualHits.add(hit.id() + " " + hit.score()));
        }
        assertEquals(expected.totalHits.value(), total, q);
        assertEquals(expectedHits, actualHits, q);
        compared += actualHits.size();
      }
    }
    assertTrue(compared > 50, compared + " hits compared");
  }
}
