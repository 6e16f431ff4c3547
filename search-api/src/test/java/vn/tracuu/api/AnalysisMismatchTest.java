package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.IndexBuilder;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.config.SourceConfig.SourceType;
import vn.tracuu.indexer.extract.ExtractionLimits;
import vn.tracuu.schema.AnalysisFingerprint;

/**
 * An index built with another analysis than the server's (an older word list, another segmenter) is
 * served, and said to be: {@code /api/stats} reports {@code analysis_current: false} until the
 * indexer's next run rebuilds it, and true after.
 */
class AnalysisMismatchTest {

  @TempDir Path tmp;

  @Test
  void statsTellWhetherTheIndexWasAnalysedAsQueriesAre() throws Exception {
    List<SourceConfig> sources =
        List.of(
            new SourceConfig(
                "portal", SourceType.NEWS, SampleArchive.root().resolve("news"), List.of(), true));
    Path index = tmp.resolve("index");
    IndexBuilder builder =
        new IndexBuilder(index, new IndexBuilder.Options(1, ExtractionLimits.defaults(), false));
    builder.build(sources);
    Caller staff = Caller.staff("test", Set.of());

    try (SearchService search = new SearchService(index)) {
      assertEquals(true, search.stats(staff).get("analysis_current"));

      // What an index of an older word list carries.
      try (Directory dir = FSDirectory.open(index);
          IndexWriter writer =
              new IndexWriter(
                  dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
        Map<String, String> data;
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          data = new HashMap<>(reader.getIndexCommit().getUserData());
        }
        data.put(AnalysisFingerprint.KEY, "0123456789abcdef");
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
      }
      search.refreshNow();
      assertEquals(false, search.stats(staff).get("analysis_current"));

      builder.build(sources); // rebuilds: another analysis
      search.refreshNow();
      assertEquals(true, search.stats(staff).get("analysis_current"));
    }
  }
}
