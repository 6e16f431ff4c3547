package vn.tracuu.indexer.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.MailboxReader;
import vn.tracuu.indexer.source.NewsFeed;
import vn.tracuu.indexer.source.SourceRoots;

/**
 * Counts the items a run will list, for the progress total, without holding the listing: a walk of
 * the folders, and a byte scan of each mbox for its separators. IMAP accounts and news feeds are
 * not counted (the bar then shows no ETA).
 */
public final class SourceCounter {

  /** An unknown count. */
  public static final long UNKNOWN = -1;

  private SourceCounter() {}

  /** The items of all {@code sources}, or {@link #UNKNOWN} when one of them cannot be counted. */
  public static long count(List<SourceConfig> sources) {
    long total = 0;
    for (SourceConfig source : sources) {
      long n = count(source);
      if (n == UNKNOWN) {
        return UNKNOWN;
      }
      total += n;
    }
    return total;
  }

  /**
   * The items of one source (the rules of {@code IndexBuilder}'s listing), {@link #UNKNOWN} for an
   * IMAP account or a feed, 0 for a source that cannot be read (the run reports it).
   */
  public static long count(SourceConfig source) {
    Path root = source.root();
    try {
      return switch (source.type()) {
        case IMAP -> UNKNOWN;
        case MAIL -> Files.exists(root) ? MailboxReader.count(root) : 0;
        case DOCUMENTS -> countFiles(root, false);
        case NEWS ->
            Files.isRegularFile(root) && NewsFeed.isFeedFile(root)
                ? UNKNOWN
                : countFiles(root, true);
      };
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  private static long countFiles(Path root, boolean htmlOnly) throws IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(SourceRoots.walkStart(root))) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !htmlOnly || isHtml(p))
          .count();
    }
  }

  private static boolean isHtml(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".html") || name.endsWith(".htm");
  }
}
