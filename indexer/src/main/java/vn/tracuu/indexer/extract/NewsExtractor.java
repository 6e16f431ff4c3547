package vn.tracuu.indexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.tracuu.dates.VietnameseDates;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.NewsFeed;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * A saved portal news page as a news record: its title, its publication date (meta tags, else the
 * feed or sitemap that listed it, else the Vietnamese date line such as "Ngày 19 tháng 08 năm
 * 2019"), and the article text without the portal's navigation chrome.
 */
public final class NewsExtractor {

  /** Portal chrome around an article. */
  private static final String PAGE_CHROME = "header, nav, footer, aside, form, .menu, .breadcrumb";

  /** Chrome that portals put inside articles; an article's own header keeps title and date. */
  private static final String ARTICLE_CHROME = "nav, aside, form, .share, .related, .breadcrumb";

  /** What feeds said about pages, by source name and locator (title, publication date). */
  private final Map<String, NewsFeed.Entry> listed = new ConcurrentHashMap<>();

  /** Remembers what a feed or sitemap says about a page, for when the page does not say it. */
  public void listedIn(String source, String locator, NewsFeed.Entry entry) {
    listed.put(source + '\0' + locator, entry);
  }

  public List<IndexRecord> extract(SourceConfig source, SourceItem item)
      throws ExtractionException {
    NewsFeed.Entry feed = listed.remove(source.name() + '\0' + item.locator());
    Document page;
    try (InputStream in = item.open()) {
      page = Jsoup.parse(in, null, "");
    } catch (IOException e) {
      throw new ExtractionException("cannot read page: " + TextExtractor.firstLine(e), e);
    }
    Element article = mainContent(page);
    String title = title(page, article, feed);
    String body = HtmlText.blockText(article);
    if (body.isBlank()) {
      throw new ExtractionException("no article text in page");
    }
    IndexRecord.Builder record =
        IndexRecord.builder("news:" + source.name() + ":" + item.locator(), Kind.NEWS)
            .source(source.name())
            .locator(item.locator())
            .groups(source.groups())
            .isPublic(source.isPublic())
            .title(title)
            .body(body)
            .contentType("text/html")
            .changeMarker(item.size() + ":" + item.modifiedMillis());
    Optional<Instant> published = metaDate(page);
    if (published.isEmpty() && feed != null) {
      published = Optional.ofNullable(feed.published());
    }
    if (published.isEmpty()) {
      published =
          VietnameseDates.findFirst(body).map(d -> d.atStartOfDay(IndexSchema.ZONE).toInstant());
    }
    if (published.isPresent()) {
      record.date(published.get(), DateSource.PUBLISHED);
    } else {
      record.date(Instant.ofEpochMilli(item.modifiedMillis()), DateSource.FILE_TIME);
    }
    return List.of(record.build());
  }

  private static Element mainContent(Document page) {
    Element main = page.selectFirst("article");
    if (main == null) {
      main = page.selectFirst("main");
    }
    Element content = (main != null ? main : page.body()).clone();
    content.select(main != null ? ARTICLE_CHROME : PAGE_CHROME).remove();
    return content;
  }

  private static String title(Document page, Element article, NewsFeed.Entry feed) {
    Element h1 = article.selectFirst("h1");
    if (h1 != null && !h1.text().isBlank()) {
      return h1.text().strip();
    }
    if (feed != null && feed.title() != null) {
      return feed.title();
    }
    h1 = page.selectFirst("h1");
    if (h1 != null && !h1.text().isBlank()) {
      return h1.text().strip();
    }
    Element og = page.selectFirst("meta[property=og:title]");
    if (og != null && !og.attr("content").isBlank()) {
      return og.attr("content").strip();
    }
    return page.title().strip();
  }

  private static Optional<Instant> metaDate(Document page) {
    for (String selector :
        List.of(
            "meta[property=article:published_time]",
            "meta[name=pubdate]",
            "meta[itemprop=datePublished]",
            "time[datetime]")) {
      Element e = page.selectFirst(selector);
      if (e == null) {
        continue;
      }
      String value = e.hasAttr("content") ? e.attr("content") : e.attr("datetime");
      try {
        return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
      } catch (DateTimeParseException ignored) {
        // Not a full timestamp; fall back to the date line in the text.
      }
    }
    return Optional.empty();
  }
}
