package vn.tracuu.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * Quoted phrases match through the indexed pairs of their syllables: the same records as the phrase
 * the analyzer gives (a union of each syllable and its pair per position), except across
 * punctuation, where no pair is indexed.
 */
class PairPhrasesTest {

  @Test
  void pairPhrasesMatchWhatThePhrasesOfSyllablesMatchWithinARunOfWords() throws IOException {
    String[] bodies = {
      "Kế hoạch xây dựng chính quyền điện tử năm 2019",
      "Chính quyền, điện tử và viễn thông",
      "điện tử chính quyền",
      "Ủy ban nhân dân thành phố Hà Nội",
      "Thành. Phố cổ",
      "phố thành",
      "Nghị định 30/2020/NĐ-CP của Chính phủ",
      "Quyết định số 1952/QĐ-UBND"
    };
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(dir, new IndexWriterConfig(IndexSchema.analyzer()))) {
        for (int i = 0; i < bodies.length; i++) {
          writer.addDocument(
              IndexSchema.toDocument(
                  IndexRecord.builder("d" + i, Kind.DOCUMENT)
                      .source("t")
                      .title(i % 2 == 0 ? bodies[i] : "")
                      .body(bodies[i])
                      .build()));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        SimpleQueryParser analyzed =
            new SimpleQueryParser(IndexSchema.analyzer(), IndexSchema.queryFieldWeights());
        int simplified = 0;
        int terms = 0;
        for (String q :
            new String[] {
              "\"chính quyền điện tử\"",
              "\"chinh quyen dien tu\"",
              "\"thành phố\"",
              "\"thanh pho\"",
              "\"quyền điện\"",
              "\"30/2020/NĐ-CP\"",
              "\"1952/QĐ-UBND\"",
              "\"ủy ban nhân dân thành phố\"",
              "\"chính\""
            }) {
          Query withPairs = analyzed.parse(q);
          Query pairs = UserQueryParser.pairPhrases(withPairs);
          if (count(pairs, MultiPhraseQuery.class) < count(withPairs, MultiPhraseQuery.class)) {
            simplified++;
          }
          terms += count(pairs, TermQuery.class);
          Set<String> expected = ids(searcher, withPairs);
          // Across punctuation there is no pair: "Thành. Phố cổ" is not the phrase "thành phố",
          // nor "Chính quyền, điện tử" the phrase "chính quyền điện tử".
          String acrossPunctuation =
              switch (q) {
                case "\"thành phố\"", "\"thanh pho\"" -> "d4";
                case "\"chính quyền điện tử\"", "\"chinh quyen dien tu\"", "\"quyền điện\"" -> "d1";
                default -> null;
              };
          if (acrossPunctuation != null) {
            assertTrue(expected.remove(acrossPunctuation), q + " " + expected);
          }
          assertEquals(expected, ids(searcher, pairs), q);
        }
        assertTrue(simplified >= 5, simplified + " phrases simplified");
        // "thành phố", "thanh pho", "quyền điện": one pair term per field ("chính": a term anyway).
        assertEquals(3 * 4 + 4, terms);
        Set<String> reversed =
            ids(searcher, UserQueryParser.pairPhrases(analyzed.parse("\"thành phố\"")));
        assertFalse(reversed.contains("d5"), reversed.toString());
      }
    }
  }

  private static Set<String> ids(IndexSearcher searcher, Query query) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
      ids.add(searcher.storedFields().document(hit.doc).get(IndexSchema.ID));
    }
    return ids;
  }

  /** How many leaf queries of {@code type} {@code query} holds. */
  private static int count(Query query, Class<? extends Query> type) {
    if (query instanceof BooleanQuery bool) {
      return bool.clauses().stream().mapToInt(c -> count(c.query(), type)).sum();
    }
    if (query instanceof BoostQuery boost) {
      return count(boost.getQuery(), type);
    }
    return type.isInstance(query) ? 1 : 0;
  }
}
