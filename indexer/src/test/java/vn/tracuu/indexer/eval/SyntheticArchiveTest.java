package vn.tracuu.indexer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.query.UserQueryParser;
import vn.tracuu.schema.AnalysisFingerprint;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

class SyntheticArchiveTest {

  @Test
  void recordsDependOnlyOnSeedAndNumber() {
    SyntheticArchive a = new SyntheticArchive(7);
    SyntheticArchive b = new SyntheticArchive(7);
    for (long i = 0; i < 50; i++) {
      assertEquals(
          IndexSchema.toDocument(a.record(i)).toString(),
          IndexSchema.toDocument(b.record(i)).toString());
    }
    assertNotEquals(a.record(1).body(), new SyntheticArchive(8).record(1).body());
  }

  @Test
  void writesAnIndexThroughTheProductionSchema(@TempDir Path dir) throws Exception {
    SyntheticArchive archive = new SyntheticArchive(1);
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    for (long i = 0; i < 1000; i++) {
      IndexRecord record = archive.record(i);
      kinds.merge(record.kind(), 1, Integer::sum);
      assertEquals(record.kind() == Kind.NEWS, record.isPublic(), "news is public, the rest not");
    }
    assertTrue(kinds.get(Kind.EMAIL) > 700 && kinds.get(Kind.DOCUMENT) > 50, kinds.toString());

    assertEquals(300, archive.write(dir, 300, 2));
    try (var directory = FSDirectory.open(dir);
        var reader = DirectoryReader.open(directory)) {
      assertEquals(300, reader.numDocs());
      var commit = reader.getIndexCommit().getUserData();
      assertEquals(IndexSchema.VERSION, commit.get("schema_version"));
      assertEquals(AnalysisFingerprint.current(), commit.get(AnalysisFingerprint.KEY));
      IndexSearcher searcher = new IndexSearcher(reader);
      int emails = searcher.count(new TermQuery(new Term(IndexSchema.KIND, "email")));
      assertTrue(emails > 200, "emails: " + emails);
      // The benchmark's words are there, found as a user would type them (without diacritics).
      int hits = searcher.count(new UserQueryParser(IndexSchema.analyzer()).parse("thanh pho"));
      assertTrue(hits > 3 && hits < 150, "thành phố in " + hits + " of 300");
    }
  }
}
