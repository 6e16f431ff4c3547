package vn.tracuu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.config.SourceConfig.SourceType;
import vn.tracuu.indexer.extract.ExtractionLimits;
import vn.tracuu.schema.AnalysisFingerprint;
import vn.tracuu.schema.IndexSchema;

/**
 * The nightly run: over a copy of the samples, a second run touches exactly the changed, added and
 * deleted items; a rebuild switches generations; mail folders and mbox messages are incremental.
 */
class IncrementalIndexTest {

  // OCR off keeps the scan in the samples fast; OCR itself is tested elsewhere.
  private static final IndexBuilder.Options OPTIONS =
      new IndexBuilder.Options(2, ExtractionLimits.defaults(), false);

  @TempDir Path tmp;

  static Path samples() {
    Path root = Path.of(System.getProperty("tracuu.repo.root", ".")).toAbsolutePath();
    return root.resolve("samples");
  }

  private List<SourceConfig> copySamples() throws IOException {
    Path copy = tmp.resolve("samples");
    for (String part : List.of("mail", "documents", "news")) {
      copyTree(samples().resolve(part), copy.resolve(part));
    }
    List<String> staff = List.of("staff");
    return List.of(
        new SourceConfig(
            "mailbox", SourceType.MAIL, copy.resolve("mail/hoa-son-2019.mbox"), staff, false),
        new SourceConfig("maildir", SourceType.MAIL, copy.resolve("mail/maildir"), staff, false),
        new SourceConfig("archive", SourceType.DOCUMENTS, copy.resolve("documents"), staff, false),
        new SourceConfig("portal", SourceType.NEWS, copy.resolve("news"), List.of(), true));
  }

  @Test
  void aNightlyRunTouchesExactlyTheChangedAddedAndDeletedItems() throws IOException {
    List<SourceConfig> sources = copySamples();
    Path index = tmp.resolve("index");
    IndexBuilder builder = new IndexBuilder(index, OPTIONS);
    IndexReport first = builder.build(sources);
    assertEquals(List.of(), first.failures());
    long items = first.items();
    assertEquals(items, first.added());
    Map<String, String> before = records(index);

    IndexReport again = builder.build(sources);
    assertEquals(0, again.added() + again.updated() + again.deleted());
    assertEquals(items, again.unchanged());
    assertEquals(0, again.records());
    assertEquals(before, records(index));

    Path news = tmp.resolve("samples/news");
    Path changed = news.resolve("2019-05-17-ngay-vien-thong-17-5.html");
    Files.writeString(
        changed,
        Files.readString(changed).replace("</body>", "<p>Bổ sung: lịch trực ngày lễ.</p></body>"));
    Path added = news.resolve("2019-12-31-chuc-mung-nam-moi.html");
    Files.copy(news.resolve("2019-12-28-giao-luu-van-nghe-chao-nam-moi.html"), added);
    Path deleted = tmp.resolve("samples/documents/58-TB-VP.odt");
    Files.delete(deleted);
    // Touched but not changed: same bytes, new mtime — hashed, found equal, not re-read.
    Path touched = tmp.resolve("samples/documents/1952-QD-UBND.pdf");
    Files.setLastModifiedTime(touched, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

    IndexReport nightly = builder.build(sources);
    assertEquals(List.of(), nightly.failures());
    assertEquals(1, nightly.added());
    assertEquals(1, nightly.updated());
    assertEquals(1, nightly.deleted());
    assertEquals(items - 1 - 1, nightly.unchanged()); // all but the changed and the deleted
    assertEquals(2, nightly.records()); // the changed and the added page, nothing else
    assertEquals(1, nightly.recordsDeleted());

    Map<String, String> after = records(index);
    Map<String, String> expected = new TreeMap<>(before);
    expected.remove("file:archive:58-TB-VP.odt");
    expected.put("news:portal:2019-12-31-chuc-mung-nam-moi.html", "news");
    assertEquals(expected.keySet(), after.keySet());
    assertTrue(title(index, "news:portal:2019-05-17-ngay-vien-thong-17-5.html") != null);

    IndexReport touchedOnly = builder.build(sources);
    assertEquals(items, touchedOnly.unchanged());
  }

  /** A copy of the sample news (quick to index), indexed once by {@code builder}. */
  private List<SourceConfig> indexedNews(IndexBuilder builder) throws IOException {
    List<SourceConfig> sources = copySamples().subList(3, 4);
    builder.build(sources);
    return sources;
  }

  @Test
  void aRebuildSwitchesToANewGenerationAndRemovesTheOldOne() throws IOException {
    Path index = tmp.resolve("index");
    IndexBuilder builder = new IndexBuilder(index, OPTIONS);
    List<SourceConfig> sources = indexedNews(builder);
    IndexLayout layout = new IndexLayout(index);
    Path first = layout.live().orElseThrow();
    Map<String, String> before = records(index);

    IndexReport rebuilt = builder.rebuild(sources);
    assertTrue(rebuilt.rebuilt());
    Path second = layout.live().orElseThrow();
    assertNotEquals(first, second);
    assertFalse(Files.exists(first), "the old generation is removed after the switch");
    assertEquals(before, records(index));
    assertTrue(Files.isSymbolicLink(index));
  }

  @Test
  void anIndexOfAnotherSchemaOrAnalysisIsRebuiltByTheNextRun() throws IOException {
    Path index = tmp.resolve("index");
    IndexBuilder builder = new IndexBuilder(index, OPTIONS);
    List<SourceConfig> sources = indexedNews(builder);
    Map<String, String> before = records(index);
    IndexLayout layout = new IndexLayout(index);
    // What an older tracuu left: another schema, another word list, or no fingerprint at all.
    for (Map<String, String> old :
        List.of(
            Map.of("schema_version", "2"),
            Map.of(AnalysisFingerprint.KEY, "0123456789abcdef"),
            Map.of(AnalysisFingerprint.KEY, ""))) {
      rewriteCommitData(index, old);
      Path previous = layout.live().orElseThrow();

      IndexReport next = builder.build(sources);
      assertTrue(next.rebuilt(), "rebuilt after " + old);
      assertEquals(before.size(), next.added());
      assertNotEquals(previous, layout.live().orElseThrow());
      assertEquals(before, records(index));
      Map<String, String> commit = commitData(index);
      assertEquals(IndexSchema.VERSION, commit.get("schema_version"));
      assertEquals(AnalysisFingerprint.current(), commit.get(AnalysisFingerprint.KEY));

      IndexReport after = builder.build(sources);
      assertFalse(after.rebuilt(), "the rebuilt index is current");
      assertEquals(0, after.added());
    }
  }

  /** Replaces keys of the live commit's user data (an empty value removes the key). */
  private static void rewriteCommitData(Path index, Map<String, String> changes)
      throws IOException {
    try (IndexWriter writer =
        new IndexWriter(
            FSDirectory.open(index),
            new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>(commitData(index));
      changes.forEach((k, v) -> data.compute(k, (key, old) -> v.isEmpty() ? null : v));
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
  }

  private static Map<String, String> commitData(Path index) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      return reader.getIndexCommit().getUserData();
    }
  }

  @Test
  void anIndexFromBeforeGenerationsIsMovedOnce() throws IOException {
    List<SourceConfig> sources = copySamples().subList(3, 4);
    Path index = tmp.resolve("index");
    // A plain index folder, as earlier versions wrote it.
    try (var writer =
        new org.apache.lucene.index.IndexWriter(
            FSDirectory.open(index),
            new org.apache.lucene.index.IndexWriterConfig(IndexSchema.analyzer()))) {
      writer.commit();
    }
    IndexReport report = new IndexBuilder(index, OPTIONS).build(sources);
    assertTrue(Files.isSymbolicLink(index));
    assertEquals(report.items(), report.added());
  }

  @Test
  void anEmptiedFolderKeepsItsRecordsUntilTheSourceLeavesTheConfiguration() throws IOException {
    Path mail = tmp.resolve("mail");
    Path cur = mail.resolve("cur");
    Files.createDirectories(cur);
    Files.createDirectories(mail.resolve("new"));
    SourceConfig source = new SourceConfig("md", SourceType.MAIL, mail, List.of("staff"), false);
    Path index = tmp.resolve("index");
    IndexBuilder builder = new IndexBuilder(index, OPTIONS);

    // A new, still empty folder: noted, nothing failed.
    IndexReport empty = builder.build(List.of(source));
    assertEquals(List.of(), empty.failures());
    assertEquals(1, empty.skipped().size());
    assertTrue(empty.skipped().get(0).reason().startsWith("nothing to index at "));

    Files.writeString(
        cur.resolve("1.host:2,S"), message(1).substring(message(1).indexOf('\n') + 1));
    Files.writeString(
        cur.resolve("2.host:2,S"), message(2).substring(message(2).indexOf('\n') + 1));
    assertEquals(2, builder.build(List.of(source)).added());
    Map<String, String> before = records(index);

    // The folder is empty tonight (an unmounted share looks the same): the records stay.
    try (Stream<Path> files = Files.list(cur)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    IndexReport emptied = builder.build(List.of(source));
    assertEquals(1, emptied.failures().size());
    assertTrue(
        emptied.failures().get(0).reason().contains("kept them"), emptied.failures().toString());
    assertEquals(0, emptied.deleted());
    assertEquals(before, records(index));

    // Taken out of the configuration, the source's records go.
    SourceConfig other =
        new SourceConfig("other", SourceType.MAIL, tmp.resolve("other"), List.of("staff"), false);
    Files.createDirectories(tmp.resolve("other/cur"));
    IndexReport removed = builder.build(List.of(other));
    assertEquals(2, removed.deleted());
    assertEquals(Map.of(), records(index));
  }

  @Test
  void mailIsIncrementalByMessage() throws IOException {
    Path mail = tmp.resolve("mail");
    Path mbox = mail.resolve("box.mbox");
    Files.createDirectories(mail);
    Files.writeString(mbox, message(1) + message(2));
    Path maildir = tmp.resolve("maildir");
    Path cur = maildir.resolve("cur");
    Files.createDirectories(cur);
    Files.createDirectories(maildir.resolve("new"));
    Files.createDirectories(maildir.resolve(".Archive/cur"));
    Files.writeString(
        cur.resolve("100.host:2,S"), message(2).substring(message(2).indexOf('\n') + 1));
    Files.writeString(
        maildir.resolve(".Archive/cur/101.host:2,S"),
        message(3).substring(message(3).indexOf('\n') + 1));
    List<SourceConfig> sources =
        List.of(
            new SourceConfig("box", SourceType.MAIL, mbox, List.of("staff"), false),
            new SourceConfig("md", SourceType.MAIL, maildir, List.of("staff"), false));
    Path index = tmp.resolve("index");
    IndexBuilder builder = new IndexBuilder(index, OPTIONS);
    IndexReport first = builder.build(sources);
    assertEquals(4, first.added());
    assertEquals(4, records(index).size()); // 2 + 2: no merges across sources

    // Append a message to the mbox: only it is new; the others are hashed, not re-indexed.
    Files.writeString(mbox, message(1) + message(2) + message(4));
    // A Maildir flag change renames the file: the old item goes, the new one comes, same record.
    Files.move(cur.resolve("100.host:2,S"), cur.resolve("100.host:2,RS"));
    IndexReport second = builder.build(sources);
    assertEquals(List.of(), second.failures());
    assertEquals(2, second.added());
    assertEquals(1, second.deleted());
    assertEquals(0, second.recordsDeleted());
    assertEquals(3, second.unchanged());
    assertEquals(5, records(index).size());

    // A message removed from the Archive folder leaves the index.
    Files.delete(maildir.resolve(".Archive/cur/101.host:2,S"));
    IndexReport third = builder.build(sources);
    assertEquals(1, third.deleted());
    assertEquals(1, third.recordsDeleted());
    assertFalse(records(index).containsKey("mail:md:m3@hs"));
  }

  private static String message(int n) {
    return "From a@hs Mon Aug 19 08:00:00 2019\n"
        + "From: A <a@hoason.gov.vn>\n"
        + "To: B <b@hoason.gov.vn>\n"
        + "Subject: Thư số "
        + n
        + "\n"
        + "Message-ID: <m"
        + n
        + "@hs>\n"
        + "Date: Mon, 19 Aug 2019 08:0"
        + n
        + ":00 +0700\n"
        + "Content-Type: text/plain; charset=utf-8\n\n"
        + "Nội dung thư số "
        + n
        + ".\n\n";
  }

  /** Record id → kind of every record in the live index; fails on a duplicated id. */
  static Map<String, String> records(Path index) throws IOException {
    Map<String, String> records = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit :
          searcher.search(IndexSchema.allRecords(), Math.max(1, reader.maxDoc())).scoreDocs) {
        Document doc = stored.document(hit.doc);
        String previous = records.put(doc.get(IndexSchema.ID), doc.get(IndexSchema.KIND));
        assertEquals(null, previous, "duplicate record " + doc.get(IndexSchema.ID));
      }
    }
    return records;
  }

  private static String title(Path index, String id) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      var hits =
          searcher.search(
              new org.apache.lucene.search.TermQuery(
                  new org.apache.lucene.index.Term(IndexSchema.ID, id)),
              1);
      return hits.scoreDocs.length == 0
          ? null
          : searcher.storedFields().document(hits.scoreDocs[0].doc).get(IndexSchema.TITLE);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(from)) {
      walk.forEach(all::add);
    }
    for (Path p : all) {
      Path target = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else {
        Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
