package vn.tracuu.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import vn.tracuu.schema.IndexSchema;

/**
 * A portal's RSS 2.0 or Atom feed, or its sitemap.xml (with Google News extensions), read for the
 * pages it lists: link, title and publication date. Links are resolved to saved pages beside the
 * feed: a relative link or {@code file:} URL as is, an {@code http(s)} URL by its path under the
 * feed's folder (then by its last segment), so a mirrored portal can be indexed offline.
 */
public final class NewsFeed {

  /** One listed page; {@code title} and {@code published} may be null. */
  public record Entry(String link, String title, Instant published) {}

  /** A listed page found on disk: its path relative to the feed's folder. */
  public record LocalPage(String locator, Path file, Entry entry) {}

  private NewsFeed() {}

  /** True when the file looks like a feed or sitemap by its name. */
  public static boolean isFeedFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom");
  }

  /** The entries of an RSS, Atom or sitemap file, in document order. */
  public static List<Entry> read(InputStream in) throws IOException {
    // jsoup's XML parser resolves no external entities or DTDs (no XXE)
    Document xml = Jsoup.parse(in, null, "", Parser.xmlParser());
    List<Entry> entries = new ArrayList<>();
    for (Element item : xml.select("item")) { // RSS
      entries.add(
          new Entry(
              text(item, "link"),
              text(item, "title"),
              date(first(text(item, "pubDate"), text(item, "dc|date")))));
    }
    for (Element entry : xml.select("entry")) { // Atom
      Element link = entry.selectFirst("link[rel=alternate], link:not([rel])");
      entries.add(
          new Entry(
              link == null ? null : link.attr("href"),
              text(entry, "title"),
              date(first(text(entry, "published"), text(entry, "updated")))));
    }
    for (Element url : xml.select("url")) { // sitemap
      entries.add(
          new Entry(
              text(url, "loc"),
              text(url, "news|title"),
              date(first(text(url, "news|publication_date"), text(url, "lastmod")))));
    }
    entries.removeIf(e -> e.link() == null || e.link().isBlank());
    return entries;
  }

  /**
   * The saved page a link points to, under {@code folder}; null when it is not there (or would be
   * outside the folder).
   */
  public static Path resolve(Path folder, String link) {
    String path = link.strip();
    try {
      URI uri = new URI(path.replace(" ", "%20"));
      if ("file".equalsIgnoreCase(uri.getScheme())) {
        return inside(folder, Path.of(uri));
      }
      if (uri.getScheme() != null) {
        path = uri.getPath() == null ? "" : uri.getPath();
      } else if (uri.getPath() != null) {
        path = uri.getPath();
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // not a URL: a relative path
    }
    path = path.replaceFirst("^/+", "");
    List<String> candidates = new ArrayList<>();
    candidates.add(path);
    if (path.isEmpty() || path.endsWith("/")) {
      candidates.add(path + "index.html");
    }
    candidates.add(path.substring(path.lastIndexOf('/') + 1));
    for (String candidate : candidates) {
      if (candidate.isEmpty()) {
        continue;
      }
      Path file = inside(folder, folder.resolve(candidate));
      if (file != null) {
        return file;
      }
    }
    return null;
  }

  private static Path inside(Path folder, Path file) {
    Path root = folder.toAbsolutePath().normalize();
    Path normal = file.toAbsolutePath().normalize();
    return normal.startsWith(root) && Files.isRegularFile(normal) ? normal : null;
  }

  private static String text(Element parent, String selector) {
    Element e = parent.selectFirst(selector);
    if (e == null) {
      return null;
    }
    String text = e.text().strip();
    return text.isEmpty() ? null : text;
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  /** RFC 822 (RSS), ISO 8601 with offset (Atom, sitemaps) or a plain day (Vietnam's calendar). */
  static Instant date(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // not RFC 822
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException ignored) {
      // not a full ISO timestamp
    }
    try {
      return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v)
          .atStartOfDay(IndexSchema.ZONE)
          .toInstant();
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }
}
