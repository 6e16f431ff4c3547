package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.Kind;

class NewsExtractorTest {

  private static final SourceConfig PORTAL =
      new SourceConfig("portal", SourceConfig.SourceType.NEWS, Path.of("."), List.of(), true);

  private static IndexRecord extract(String html) throws ExtractionException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    return new NewsExtractor()
        .extract(
            PORTAL,
            new SourceItem("a.html", null, bytes.length, 0L, () -> new ByteArrayInputStream(bytes)))
        .getFirst();
  }

  @Test
  void readsTitleVietnameseDateLineAndArticleWithoutChrome() throws Exception {
    IndexRecord news =
        extract(
            """
            <html><head><meta charset="utf-8"><title>Cổng TTĐT tỉnh</title></head><body>
            <header><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav></header>
            <article><header><h1>Hội nghị chính quyền điện tử</h1>
            <p class="date">Thứ Hai, ngày 19 tháng 08 năm 2019</p></header>
            <p>Sáng nay, tỉnh tổ chức hội nghị.</p><nav class="share">Chia sẻ</nav></article>
            <footer>Bản quyền thuộc UBND tỉnh</footer></body></html>
            """);
    assertEquals(Kind.NEWS, news.kind());
    assertTrue(news.isPublic());
    assertEquals("Hội nghị chính quyền điện tử", news.title());
    assertEquals(Instant.parse("2019-08-18T17:00:00Z"), news.date());
    assertEquals(DateSource.PUBLISHED, news.dateSource());
    assertTrue(news.body().contains("Sáng nay, tỉnh tổ chức hội nghị."));
    assertFalse(news.body().contains("Trang chủ"), news.body());
    assertFalse(news.body().contains("Bản quyền"), news.body());
    assertFalse(news.body().contains("Chia sẻ"), news.body());
  }

  @Test
  void prefersThePublishedTimeMetaTag() throws Exception {
    IndexRecord news =
        extract(
            """
            <html><head><meta property="article:published_time" content="2019-08-19T08:30:00+07:00"></head>
            <body><article><h1>Tin</h1><p>Ngày 1 tháng 1 năm 2019 là ngày khác.</p></article></body></html>
            """);
    assertEquals(Instant.parse("2019-08-19T01:30:00Z"), news.date());
  }

  @Test
  void aPageWithoutTextIsReported() {
    ExtractionException e =
        assertThrows(
            ExtractionException.class, () -> extract("<html><body><nav>menu</nav></body></html>"));
    assertEquals("no article text in page", e.getMessage());
  }
}
