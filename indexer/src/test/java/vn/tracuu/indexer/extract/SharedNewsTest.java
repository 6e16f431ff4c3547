package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;

/**
 * The 2,675 real Tuổi Trẻ articles of ../shared, rendered as portal pages (chrome with other dates
 * around the article; the date as a meta tag, a "Ngày … tháng … năm …" line or a "Thứ Hai,
 * 19/08/2019" line), read back by the production news extractor: every title and every date must
 * come out right. Skips without ../shared.
 */
class SharedNewsTest {

  @TempDir Path dir;

  private static final String[] WEEKDAYS = {
    "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"
  };

  @Test
  void everyArticleKeepsItsTitleAndDate() throws Exception {
    Path root = Path.of(System.getProperty("tracuu.repo.root", "."));
    Path data = root.resolve("../shared/data/news/tuoitre-2003-2006.jsonl").normalize();
    Assumptions.assumeTrue(Files.isRegularFile(data), data + " is absent: skipped");

    record Article(String file, String title, LocalDate date, boolean empty) {}
    List<Article> articles = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader lines = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        JsonNode a = json.readTree(line);
        String date = a.path("date").asText("");
        OffsetDateTime published = date.isEmpty() ? null : OffsetDateTime.parse(date);
        String file = "tt-" + a.path("id").asText() + ".html";
        Files.writeString(dir.resolve(file), render(a, published, articles.size()));
        articles.add(
            new Article(
                file,
                a.path("title").asText().replaceAll("\\s+", " ").strip(),
                published == null
                    ? null
                    : published.atZoneSameInstant(IndexSchema.ZONE).toLocalDate(),
                (a.path("title").asText() + a.path("lead").asText() + a.path("body").asText())
                    .isBlank()));
      }
    }

    NewsExtractor extractor = new NewsExtractor();
    SourceConfig source =
        new SourceConfig("tuoitre", SourceConfig.SourceType.NEWS, dir, List.of(), true);
    int titles = 0;
    int empty = 0;
    int dated = 0;
    int dates = 0;
    List<String> misses = new ArrayList<>();
    for (Article article : articles) {
      Path file = dir.resolve(article.file());
      if (article.empty()) {
        // The data set has records without title or text: such a page is reported, not indexed.
        ExtractionException e =
            assertThrows(
                ExtractionException.class,
                () ->
                    extractor.extract(
                        source,
                        new SourceItem(
                            article.file(), null, 1, 0L, () -> Files.newInputStream(file))));
        assertTrue(e.getMessage().contains("no article text"), e.getMessage());
        empty++;
        continue;
      }
      IndexRecord r =
          extractor
              .extract(
                  source,
                  new SourceItem(
                      article.file(), null, Files.size(file), 0L, () -> Files.newInputStream(file)))
              .getFirst();
      if (r.title().equals(article.title())) {
        titles++;
      } else {
        misses.add("title " + article.file() + ": " + r.title());
      }
      if (article.date() != null) {
        dated++;
        LocalDate got = r.date().atZone(IndexSchema.ZONE).toLocalDate();
        if (r.dateSource() == DateSource.PUBLISHED && got.equals(article.date())) {
          dates++;
        } else {
          misses.add("date " + article.file() + ": " + got + " instead of " + article.date());
        }
      }
    }
    double titleAccuracy = titles / (double) (articles.size() - empty);
    double dateAccuracy = dates / (double) dated;
    System.out.printf(
        Locale.ROOT,
        "tuoitre news: titles %d/%d (%.4f), dates %d/%d (%.4f), %d empty records reported%n",
        titles,
        articles.size() - empty,
        titleAccuracy,
        dates,
        dated,
        dateAccuracy,
        empty);
    misses.stream().limit(20).forEach(System.out::println);
    assertTrue(titleAccuracy >= 0.99 && dateAccuracy >= 0.99, misses.toString());
  }

  /** A portal page: navigation and a sidebar with other dates, then the article. */
  private static String render(JsonNode a, OffsetDateTime published, int n) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head>");
    html.append("<meta charset=\"utf-8\"><title>")
        .append(esc(a.path("title").asText()))
        .append(" - Tuổi Trẻ Online</title>");
    int style = n % 3;
    if (published != null && style == 0) {
      html.append("<meta property=\"article:published_time\" content=\"")
          .append(published)
          .append("\">");
    }
    html.append("</head><body><header><nav><a href=\"/\">Trang chủ</a> · Thời sự · Thế giới")
        .append(" · Cập nhật lúc 08:00 ngày 26/11/2026</nav></header>")
        .append("<aside><h3>Tin cũ hơn</h3><p>Ngày 01 tháng 01 năm 2002</p></aside><article>");
    if (!a.path("supertitle").asText().isBlank()) {
      html.append("<p class=\"supertitle\">")
          .append(esc(a.path("supertitle").asText()))
          .append("</p>");
    }
    html.append("<h1>").append(esc(a.path("title").asText())).append("</h1>");
    if (published != null) {
      var local = published.atZoneSameInstant(IndexSchema.ZONE);
      String line =
          switch (style) {
            case 1 ->
                String.format(
                    Locale.ROOT,
                    "Ngày %02d tháng %02d năm %d",
                    local.getDayOfMonth(),
                    local.getMonthValue(),
                    local.getYear());
            default ->
                String.format(
                    Locale.ROOT,
                    "%s, %02d/%02d/%d, %02d:%02d (GMT+7)",
                    WEEKDAYS[local.getDayOfWeek().getValue() - 1],
                    local.getDayOfMonth(),
                    local.getMonthValue(),
                    local.getYear(),
                    local.getHour(),
                    local.getMinute());
          };
      html.append("<p class=\"date\">").append(line).append("</p>");
    }
    html.append("<p class=\"lead\">").append(esc(a.path("lead").asText())).append("</p>");
    for (String p : a.path("body").asText().split("\n")) {
      html.append("<p>").append(esc(p)).append("</p>");
    }
    html.append("<p class=\"author\">").append(esc(a.path("author").asText())).append("</p>");
    html.append("</article><footer>© Tuổi Trẻ Online. Ngày 26 tháng 11 năm 2026</footer>");
    return html.append("</body></html>").toString();
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }
}
