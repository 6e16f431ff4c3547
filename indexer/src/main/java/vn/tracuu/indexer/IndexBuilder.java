package vn.tracuu.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.extract.DocumentExtractor;
import vn.tracuu.indexer.extract.ExtractionException;
import vn.tracuu.indexer.extract.ExtractionLimits;
import vn.tracuu.indexer.extract.MailExtractor;
import vn.tracuu.indexer.extract.NewsExtractor;
import vn.tracuu.indexer.extract.TextExtractor;
import vn.tracuu.indexer.source.ImapReader;
import vn.tracuu.indexer.source.MailboxReader;
import vn.tracuu.indexer.source.NewsFeed;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * Builds the index from configured sources: sources list items, a bounded pool of workers extracts
 * them into records, and one {@link IndexWriter} (thread-safe) writes them. A failing item is
 * reported with its reason and the run goes on. The run commits once at the end, so a reader never
 * sees a partial run.
 *
 * <p>This is the indexer's public API; the command line and the tests of other modules use it.
 */
public final class IndexBuilder {

  private static final Logger log = LoggerFactory.getLogger(IndexBuilder.class);

  /** Run settings. */
  public record Options(int threads, int maxCharsPerFile) {
    public static Options defaults() {
      return new Options(Math.max(1, Runtime.getRuntime().availableProcessors()), 10_000_000);
    }
  }

  private final Path indexDir;
  private final Options options;
  private final ExtractionLimits limits;

  public IndexBuilder(Path indexDir, Options options) {
    this(indexDir, options, ExtractionLimits.defaults().withMaxChars(options.maxCharsPerFile()));
  }

  /** With per-file extraction limits (size, characters, time, depth, zip-bomb ratio, heap). */
  public IndexBuilder(Path indexDir, Options options, ExtractionLimits limits) {
    this.indexDir = indexDir;
    this.options = options;
    this.limits = limits;
  }

  /** Indexes {@code sources} into a fresh index at the index directory. */
  public IndexReport build(List<SourceConfig> sources) throws IOException {
    long start = System.nanoTime();
    IndexReport report = new IndexReport();
    Files.createDirectories(indexDir);
    // Tika runs in separate parser processes: a hang or an out-of-memory costs one file only.
    TextExtractor text = TextExtractor.isolated(limits, options.threads());
    MailExtractor mail = new MailExtractor(text);
    DocumentExtractor documents = new DocumentExtractor(text);
    NewsExtractor news = new NewsExtractor();
    // Folder labels of every message written in this run, by record id: a message found again in
    // another folder (same Message-ID, or same content without one) is merged, not duplicated.
    ConcurrentHashMap<String, Set<String>> mails = new ConcurrentHashMap<>();
    Map<String, String> commitData = new java.util.TreeMap<>();
    commitData.put("schema_version", IndexSchema.VERSION);

    IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(64);
    // Workers hand items over through a short queue; when it is full the lister runs the item
    // itself, which bounds memory (back-pressure) without a separate throttle.
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            options.threads(),
            options.threads(),
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(options.threads() * 2),
            new ThreadPoolExecutor.CallerRunsPolicy());
    try (Directory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, config)) {
      for (SourceConfig source : sources) {
        log.info("reading source {} ({}) at {}", source.name(), source.type(), source.root());
        Extractor extractor =
            switch (source.type()) {
              case MAIL, IMAP -> item -> mail.extract(source, item);
              case DOCUMENTS ->
                  item ->
                      documents.extract(
                          source,
                          item,
                          (member, reason) -> report.failed(source.name(), member, reason));
              case NEWS -> item -> news.extract(source, item);
            };
        try {
          list(
              source,
              item -> workers.execute(() -> index(source, item, extractor, writer, report, mails)),
              (locator, reason) -> report.skipped(source.name(), locator, reason),
              commitData,
              news);
        } catch (IOException e) {
          report.failed(source.name(), "", "cannot list source: " + e.getMessage());
        }
      }
      workers.shutdown();
      awaitQuietly(workers);
      commitData.put("committed_at", Instant.now().toString());
      writer.setLiveCommitData(commitData.entrySet());
      writer.commit();
    } finally {
      workers.shutdownNow();
      text.close();
    }
    report.finished((System.nanoTime() - start) / 1_000_000);
    return report;
  }

  @FunctionalInterface
  private interface Extractor {
    List<IndexRecord> extract(SourceItem item) throws ExtractionException;
  }

  private static void list(
      SourceConfig source,
      java.util.function.Consumer<SourceItem> sink,
      MailboxReader.SkipSink skipped,
      Map<String, String> commitData,
      NewsExtractor news)
      throws IOException {
    if (source.type() == SourceConfig.SourceType.IMAP) {
      try (ImapReader imap = new ImapReader(source.imap())) {
        // Where each folder stands (UIDVALIDITY:last UID), kept with the commit for the next run.
        imap.list(sink, skipped)
            .forEach(
                (folder, state) ->
                    commitData.put("imap:" + source.name() + ":" + folder, state.toString()));
      }
      return;
    }
    if (!Files.exists(source.root())) {
      throw new IOException("no such file or folder: " + source.root());
    }
    if (source.type() == SourceConfig.SourceType.MAIL) {
      MailboxReader.list(source.root(), sink, skipped);
      return;
    }
    if (source.type() == SourceConfig.SourceType.NEWS
        && Files.isRegularFile(source.root())
        && NewsFeed.isFeedFile(source.root())) {
      listFeed(source, sink, skipped, news);
      return;
    }
    Path root = source.root();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> source.type() != SourceConfig.SourceType.NEWS || isHtml(p))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      String locator = root.relativize(file).toString().replace('\\', '/');
      sink.accept(
          new SourceItem(
              locator,
              null,
              Files.size(file),
              Files.getLastModifiedTime(file).toMillis(),
              () -> Files.newInputStream(file)));
    }
  }

  /** The pages an RSS/Atom feed or a sitemap lists, read from beside it. */
  private static void listFeed(
      SourceConfig source,
      java.util.function.Consumer<SourceItem> sink,
      MailboxReader.SkipSink skipped,
      NewsExtractor news)
      throws IOException {
    Path folder = source.root().toAbsolutePath().getParent();
    List<NewsFeed.Entry> entries;
    try (var in = Files.newInputStream(source.root())) {
      entries = NewsFeed.read(in);
    }
    Set<Path> seen = new java.util.HashSet<>();
    for (NewsFeed.Entry entry : entries) {
      Path file = NewsFeed.resolve(folder, entry.link());
      if (file == null) {
        skipped.skipped(entry.link(), "page not saved beside the feed");
        continue;
      }
      if (!seen.add(file)) {
        continue;
      }
      String locator = folder.relativize(file).toString().replace('\\', '/');
      news.listedIn(source.name(), locator, entry);
      sink.accept(
          new SourceItem(
              locator,
              null,
              Files.size(file),
              Files.getLastModifiedTime(file).toMillis(),
              () -> Files.newInputStream(file)));
    }
  }

  private static boolean isHtml(Path p) {
    String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".html") || name.endsWith(".htm");
  }

  private static void index(
      SourceConfig source,
      SourceItem item,
      Extractor extractor,
      IndexWriter writer,
      IndexReport report,
      ConcurrentHashMap<String, Set<String>> mails) {
    report.itemSeen();
    try {
      List<IndexRecord> records = extractor.extract(item);
      if (!records.isEmpty() && records.getFirst().kind() == Kind.EMAIL) {
        writeMail(records, writer, report, mails);
        return;
      }
      for (IndexRecord record : records) {
        writer.updateDocument(
            new Term(IndexSchema.ID, record.id()), IndexSchema.toDocument(record));
        report.recordWritten(record.kind());
      }
    } catch (ExtractionException e) {
      report.failed(source.name(), item.locator(), e.getMessage());
    } catch (IOException e) {
      report.failed(source.name(), item.locator(), "index write failed: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // A bug or a parser gone wrong on one item must not end the run; keep the reason.
      log.debug("item {} failed", item.locator(), e);
      report.failed(source.name(), item.locator(), "internal error: " + e);
    }
  }

  /**
   * Writes a message and its attachments. A message already written in this run gets the union of
   * the folder labels; the lock of its map entry keeps two copies from racing.
   */
  private static void writeMail(
      List<IndexRecord> records,
      IndexWriter writer,
      IndexReport report,
      ConcurrentHashMap<String, Set<String>> mails)
      throws IOException {
    IndexRecord mail = records.getFirst();
    try {
      mails.compute(
          mail.id(),
          (id, seen) -> {
            Set<String> folders = new TreeSet<>(mail.folders());
            if (seen != null) {
              folders.addAll(seen);
            }
            try {
              for (IndexRecord record : records) {
                IndexRecord labelled =
                    record == mail ? mail.withFolders(List.copyOf(folders)) : record;
                writer.updateDocument(
                    new Term(IndexSchema.ID, record.id()), IndexSchema.toDocument(labelled));
                if (seen == null) {
                  report.recordWritten(record.kind());
                }
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            if (seen != null) {
              report.duplicate();
            }
            return folders;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void awaitQuietly(ThreadPoolExecutor workers) {
    try {
      while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
        log.info("still extracting: {} items queued", workers.getQueue().size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
