package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import vn.tracuu.schema.IndexSchema;

/**
 * Facets counted in one walk over the matches are Lucene's {@link StringValueFacetCounts}: the same
 * values, counts and order, for every facet field, on the samples (one segment) and on generated
 * records (several segments, thousands of senders).
 */
class FacetCountsTest {

  private static final List<String> FIELDS =
      List.of(
          IndexSchema.KIND,
          IndexSchema.YEAR,
          IndexSchema.MONTH,
          IndexSchema.SENDER,
          IndexSchema.AGENCY,
          IndexSchema.DOC_TYPE,
          IndexSchema.SOURCE,
          IndexSchema.RECIPIENTS,
          IndexSchema.FOLDERS);

  @Test
  void samplesCountAsLucenesStringFacets() throws Exception {
    List<String> queries = new ArrayList<>(TestServer.SAMPLE_QUERIES);
    queries.add("");
    assertSameCounts(TestServer.get().search.indexDir(), queries);
  }

  @Test
  void generatedRecordsCountAsLucenesStringFacets() throws Exception {
    assertSameCounts(
        GeneratedIndex.get(), List.of("", "bóng đá", "\"thành phố\"", "kinh tế", "thanh pho"));
  }

  private static void assertSameCounts(Path index, List<String> queries) throws Exception {
    QueryLanguage language = new QueryLanguage(IndexSchema.analyzer());
    int compared = 0;
    try (FSDirectory dir = FSDirectory.open(index.toRealPath());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<FacetCounts.Ordinals> ordinals = new ArrayList<>();
      List<StringDocValuesReaderState> states = new ArrayList<>();
      for (String field : FIELDS) {
        ordinals.add(new FacetCounts.Ordinals(reader, field));
        states.add(new StringDocValuesReaderState(reader, field));
      }
      for (String q : queries) {
        FacetsCollector matches =
            searcher.search(
                new BooleanQuery.Builder()
                    .add(language.parse(q).textParts().matching(), BooleanClause.Occur.MUST)
                    .add(
                        IndexQueries.visibleTo(Caller.staff("t", Set.of("staff"))),
                        BooleanClause.Occur.FILTER)
                    .build(),
                new FacetsCollectorManager());
        for (boolean all : new boolean[] {true, false}) {
          boolean[] allOf = new boolean[FIELDS.size()];
          java.util.Arrays.fill(allOf, all);
          List<Map<String, Long>> actual = FacetCounts.count(reader, matches, ordinals, allOf, 3);
          for (int f = 0; f < FIELDS.size(); f++) {
            StringValueFacetCounts lucene = new StringValueFacetCounts(states.get(f), matches);
            FacetResult result =
                all
                    ? lucene.getAllChildren(FIELDS.get(f))
                    : lucene.getTopChildren(3, FIELDS.get(f));
            Map<String, Long> expected = new LinkedHashMap<>();
            if (result != null) {
              for (LabelAndValue value : result.labelValues) {
                expected.put(value.label, value.value.longValue());
              }
            }
            assertEquals(expected, actual.get(f), q + " " + FIELDS.get(f) + (all ? "" : " top 3"));
            if (!all) { // same order too: most counted first, ties by label
              assertEquals(
                  List.copyOf(expected.keySet()),
                  List.copyOf(actual.get(f).keySet()),
                  q + " " + FIELDS.get(f));
            }
            compared += expected.size();
          }
        }
      }
    }
    assertTrue(compared > 100, compared + " values compared");
  }
}
