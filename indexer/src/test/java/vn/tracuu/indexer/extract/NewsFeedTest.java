package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.tracuu.indexer.IndexBuilder;
import vn.tracuu.indexer.IndexReport;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.NewsFeed;
import vn.tracuu.schema.IndexSchema;

/** Portal news listed by an RSS feed, an Atom feed or a sitemap, read from saved pages. */
class NewsFeedTest {

  @TempDir Path dir;

  private static final String PAGE =
      """
      <html><head><title>%s | Cổng thông tin tỉnh Hòa Sơn</title></head><body>
      <header><nav>Trang chủ · Tin tức · Cập nhật ngày 01/01/2026</nav></header>
      <article><h1>%s</h1><p>%s</p></article>
      <footer>Bản quyền thuộc Cổng thông tin điện tử tỉnh Hòa Sơn</footer></body></html>
      """;

  private void page(String path, String title, String body) throws IOException {
    Path file = dir.resolve("portal").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, PAGE.formatted(title, title, body), StandardCharsets.UTF_8);
  }

  private void feeds() throws IOException {
    page("tin-tuc/hop-bao.html", "Họp báo quý III", "Sở Thông tin tổ chức họp báo định kỳ.");
    page("tin-tuc/le-hoi.html", "Lễ hội mùa xuân", "Lễ hội diễn ra tại quảng trường tỉnh.");
    page("index.html", "Trang chủ", "Chào mừng đến với cổng thông tin.");
    Files.writeString(
        dir.resolve("portal/rss.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Tin tức</title>
        <item><title>Họp báo quý III</title>
          <link>https://hoason.gov.vn/tin-tuc/hop-bao.html</link>
          <pubDate>Mon, 19 Aug 2019 23:30:00 +0000</pubDate></item>
        <item><title>Lễ hội mùa xuân</title><link>tin-tuc/le-hoi.html</link>
          <pubDate>Sat, 8 Feb 2020 08:00:00 +0700</pubDate></item>
        <item><title>Chưa lưu</title><link>https://hoason.gov.vn/tin-tuc/khong-co.html</link></item>
        </channel></rss>
        """);
    Files.writeString(
        dir.resolve("portal/atom.xml"),
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Tin</title>
        <entry><title>Họp báo quý III</title>
          <link rel="alternate" href="https://hoason.gov.vn/tin-tuc/hop-bao.html"/>
          <published>2019-08-20T06:30:00+07:00</published></entry>
        </feed>
        """);
    Files.writeString(
        dir.resolve("portal/sitemap.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>https://hoason.gov.vn/</loc><lastmod>2021-03-04</lastmod></url>
        <url><loc>https://hoason.gov.vn/tin-tuc/le-hoi.html</loc>
          <news:news><news:publication_date>2020-02-08</news:publication_date>
          <news:title>Lễ hội mùa xuân</news:title></news:news></url>
        </urlset>
        """);
  }

  @Test
  void readsRssAtomAndSitemapEntries() throws Exception {
    feeds();
    List<NewsFeed.Entry> rss = NewsFeed.read(Files.newInputStream(dir.resolve("portal/rss.xml")));
    assertEquals(3, rss.size());
    assertEquals("Họp báo quý III", rss.getFirst().title());
    assertEquals(Instant.parse("2019-08-19T23:30:00Z"), rss.getFirst().published());
    List<NewsFeed.Entry> atom = NewsFeed.read(Files.newInputStream(dir.resolve("portal/atom.xml")));
    assertEquals(Instant.parse("2019-08-19T23:30:00Z"), atom.getFirst().published());
    List<NewsFeed.Entry> sitemap =
        NewsFeed.read(Files.newInputStream(dir.resolve("portal/sitemap.xml")));
    assertEquals(2, sitemap.size());
    assertEquals("Lễ hội mùa xuân", sitemap.get(1).title());
    Path portal = dir.resolve("portal");
    assertEquals(
        portal.resolve("index.html").toAbsolutePath(),
        NewsFeed.resolve(portal, "https://hoason.gov.vn/"));
    assertEquals(null, NewsFeed.resolve(portal, "../../etc/passwd"));
  }

  @Test
  void indexesThePagesAFeedListsWithItsDatesAndReportsMissingOnes() throws Exception {
    feeds();
    Path index = dir.resolve("index");
    IndexReport report =
        new IndexBuilder(index, new IndexBuilder.Options(1, 100_000))
            .build(
                List.of(
                    new SourceConfig(
                        "portal",
                        SourceConfig.SourceType.NEWS,
                        dir.resolve("portal/rss.xml"),
                        List.of(),
                        true)));
    assertEquals(2, report.items());
    assertEquals(List.of(), report.failures());
    assertEquals(1, report.skipped().size());
    assertTrue(report.skipped().getFirst().locator().endsWith("khong-co.html"));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Document hop = doc(searcher, "news:portal:tin-tuc/hop-bao.html");
      assertEquals("Họp báo quý III", hop.get(IndexSchema.TITLE));
      // 23:30 UTC on the 19th is the 20th in Vietnam
      assertEquals(
          LocalDate.of(2019, 8, 20),
          Instant.ofEpochMilli(hop.getField(IndexSchema.DATE).numericValue().longValue())
              .atZone(IndexSchema.ZONE)
              .toLocalDate());
      assertEquals("true", hop.get(IndexSchema.PUBLIC));
      assertTrue(!hop.get(IndexSchema.BODY).contains("Bản quyền"), hop.get(IndexSchema.BODY));
    }
  }

  private static Document doc(IndexSearcher searcher, String id) throws IOException {
    TopDocs hits = searcher.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
    assertEquals(1, hits.totalHits.value(), id);
    return searcher.storedFields().document(hits.scoreDocs[0].doc);
  }
}
