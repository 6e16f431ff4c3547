package vn.tracuu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.schema.IndexSchema;

/** Mail through the whole indexer: listing, extraction, dedup and the written documents. */
class IndexBuilderMailTest {

  @TempDir Path dir;

  @Test
  void oneMessageInSeveralFoldersIsOneDocumentWithAllItsLabels() throws IOException {
    Path maildir = dir.resolve("Maildir");
    String withId = "Message-ID: <same@x>\nSubject: họp\n\nnội dung\n";
    write(maildir.resolve("cur/1:2,S"), withId);
    write(maildir.resolve(".Sent/cur/2:2,S"), withId);
    write(maildir.resolve(".Archive.2019/cur/3:2,S"), withId);
    // Without a Message-ID the content decides; a mailbox status header does not count.
    write(maildir.resolve("cur/4:2,S"), "Subject: no id\n\nthân thư\n");
    write(maildir.resolve(".Sent/cur/5:2,S"), "Subject: no id\nStatus: RO\n\nthân thư\n");
    write(maildir.resolve("README"), "notes about this mailbox\n");

    Path index = dir.resolve("index");
    IndexReport report =
        new IndexBuilder(index, new IndexBuilder.Options(2, 100_000))
            .build(
                List.of(
                    new SourceConfig(
                        "box", SourceConfig.SourceType.MAIL, maildir, List.of("staff"), false)));

    assertEquals(5, report.items());
    assertEquals(2, report.records());
    assertEquals(3, report.duplicates());
    assertEquals(List.of(), report.failures());
    assertEquals(1, report.skipped().size());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertEquals(2, new IndexSearcher(reader).count(IndexSchema.allRecords()));
      IndexSearcher searcher = new IndexSearcher(reader);
      assertEquals(List.of("Archive/2019", "INBOX", "Sent"), folders(searcher, "mail:box:same@x"));
      TopDocs noId = searcher.search(new TermQuery(new Term(IndexSchema.MESSAGE_ID, "same@x")), 10);
      assertEquals(1, noId.totalHits.value());
    }
  }

  private static List<String> folders(IndexSearcher searcher, String id) throws IOException {
    TopDocs hits = searcher.search(new TermQuery(new Term(IndexSchema.ID, id)), 10);
    assertEquals(1, hits.totalHits.value());
    Document doc = searcher.storedFields().document(hits.scoreDocs[0].doc);
    return Arrays.stream(doc.getValues(IndexSchema.FOLDERS)).sorted().toList();
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
