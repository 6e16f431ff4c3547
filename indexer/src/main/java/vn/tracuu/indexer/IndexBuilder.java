package vn.tracuu.indexer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.extract.DocumentExtractor;
import vn.tracuu.indexer.extract.ExtractionException;
import vn.tracuu.indexer.extract.ExtractionLimits;
import vn.tracuu.indexer.extract.MailExtractor;
import vn.tracuu.indexer.extract.NewsExtractor;
import vn.tracuu.indexer.extract.TextExtractor;
import vn.tracuu.indexer.progress.ProgressBar;
import vn.tracuu.indexer.progress.SourceCounter;
import vn.tracuu.indexer.source.ImapReader;
import vn.tracuu.indexer.source.MailboxReader;
import vn.tracuu.indexer.source.NewsFeed;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.indexer.source.SourceRoots;
import vn.tracuu.schema.AnalysisFingerprint;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * Builds and updates the index from configured sources: sources list items, a bounded pool of
 * workers extracts them into records, and one {@link IndexWriter} (thread-safe) writes them. A
 * failing item is reported with its reason and the run goes on.
 *
 * <p>{@link #build} is incremental: each item's state (its marker: size, mtime and content hash of
 * a file; the hash of an mbox message; the UID of an IMAP message) is kept in the index beside its
 * records, so only new, changed and deleted items are touched, and state and records always commit
 * together. {@link #rebuild} writes a fresh generation beside the live one and switches to it when
 * complete ({@link IndexLayout}). A run commits once at the end, so a reader never sees a partial
 * run, and a run killed at any point leaves the last commit intact. One run at a time holds the
 * {@link IndexLock}.
 *
 * <p>This is the indexer's public API; the command line and the tests of other modules use it.
 */
public final class IndexBuilder {

  private static final Logger log = LoggerFactory.getLogger(IndexBuilder.class);

  /** Run settings. */
  public record Options(int threads, ExtractionLimits limits, boolean ocr) {

    public Options(int threads, int maxCharsPerFile) {
      this(threads, ExtractionLimits.defaults().withMaxChars(maxCharsPerFile), true);
    }

    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
    }

    public static Options defaults() {
      return new Options(
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          ExtractionLimits.defaults(),
          true);
    }

    public int maxCharsPerFile() {
      return limits.maxChars();
    }
  }

  /** What the last commit knew about one item. */
  private record Previous(String marker, String recordId, String folder) {}

  private final IndexLayout layout;
  private final Options options;
  private ProgressBar.Mode progressMode = ProgressBar.Mode.PLAIN;
  private java.io.PrintWriter terminal;

  /**
   * @param indexPath the index path ({@link IndexLayout}: a link to the live generation)
   */
  public IndexBuilder(Path indexPath, Options options) {
    this.layout = new IndexLayout(indexPath);
    this.options = options;
  }

  /**
   * How runs show progress (default {@link ProgressBar.Mode#PLAIN}: a log line every 10 seconds); a
   * bar is drawn on {@code terminal}.
   */
  public IndexBuilder progress(ProgressBar.Mode mode, java.io.PrintWriter terminal) {
    this.progressMode = mode.resolve();
    this.terminal = terminal;
    if (progressMode == ProgressBar.Mode.BAR && terminal == null) {
      throw new IllegalArgumentException("a progress bar needs a terminal to draw on");
    }
    return this;
  }

  /** Updates the index from {@code sources}: only new, changed and deleted items are touched. */
  public IndexReport build(List<SourceConfig> sources) throws IOException {
    return run(sources, false);
  }

  /**
   * Builds a fresh index from {@code sources} beside the live one and switches to it when it is
   * complete; the old one is removed after the switch.
   */
  public IndexReport rebuild(List<SourceConfig> sources) throws IOException {
    return run(sources, true);
  }

  private IndexReport run(List<SourceConfig> sources, boolean rebuild) throws IOException {
    long start = System.nanoTime();
    try (IndexLock lock = IndexLock.acquire(layout.lockFile())) {
      if (layout.isLegacy()) {
        layout.migrateLegacy();
      }
      // Generations left by a killed run (never switched to) or by a switch whose clean-up was cut.
      layout.removeOldGenerations();
      var live = layout.live();
      // An index written with another schema (field settings changed) or another analysis (word
      // list, segmentation rules, segmenter backend) cannot take new records of this one: its old
      // records would keep other tokens than the queries make. It is rebuilt beside the live one,
      // which keeps serving until the switch.
      boolean outdated = live.isPresent() && outdated(commitData(live.get()));
      boolean fresh = rebuild || outdated || live.isEmpty();
      Path target = fresh ? layout.newGeneration() : live.get();
      log.info(
          "{} {}", fresh ? "building a new index generation at" : "updating the index at", target);
      Run run = new Run(sources, fresh);
      try {
        run.execute(target);
      } catch (IOException | RuntimeException | Error e) {
        if (fresh) {
          IndexLayout.deleteTree(target);
        }
        throw e;
      }
      if (fresh) {
        layout.pointTo(target);
        layout.removeOldGenerations();
      }
      run.report.rebuilt(rebuild || outdated);
      run.report.finished((System.nanoTime() - start) / 1_000_000);
      return run.report;
    }
  }

  /** The user data of the last commit of the index in {@code folder}; empty without one. */
  private static Map<String, String> commitData(Path folder) throws IOException {
    try (Directory dir = FSDirectory.open(folder)) {
      if (!DirectoryReader.indexExists(dir)) {
        return Map.of();
      }
      return DirectoryReader.listCommits(dir).getLast().getUserData();
    }
  }

  /** True, with the reason logged, when an index of that commit must be rebuilt by this indexer. */
  private static boolean outdated(Map<String, String> commit) {
    String schema = commit.get("schema_version");
    if (!IndexSchema.VERSION.equals(schema)) {
      log.warn(
          "the index was written with schema {} and this indexer writes schema {}: rebuilding",
          schema,
          IndexSchema.VERSION);
      return true;
    }
    String analysis = commit.get(AnalysisFingerprint.KEY);
    if (!AnalysisFingerprint.current().equals(analysis)) {
      log.warn(
          "the index was analysed as {} and this indexer analyses as {} (another word list,"
              + " segmentation rules or segmenter): rebuilding",
          analysis == null ? "before analysis fingerprints" : analysis,
          AnalysisFingerprint.current());
      return true;
    }
    return false;
  }

  /** One run over the sources into one index folder. */
  private final class Run {
    final List<SourceConfig> sources;
    final boolean fresh;
    final IndexReport report = new IndexReport();
    final NavigableMap<String, Previous> previous = new TreeMap<>();
    final Map<String, List<String>> previousByRecord = new HashMap<>();
    final Map<String, String> previousCommit = new HashMap<>();

    /** Items finished (indexed, unchanged or failed): the progress bar's count. */
    final java.util.concurrent.atomic.AtomicLong completed =
        new java.util.concurrent.atomic.AtomicLong();

    /** Items listed in this run (kept), whether touched or not. */
    final Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * Record ids and state keys this run has tried to write, in a fresh build. A document whose id
     * or key is surely not here yet cannot replace anything, so it is added rather than updated: an
     * update queues a delete term that every flush must look up (measured: a few % of the indexing
     * CPU).
     */
    final SeenKeys attempted;

    /** Record id → item keys that produced it in this run. */
    final ConcurrentHashMap<String, Set<String>> written = new ConcurrentHashMap<>();

    /** Records that may have lost their last item. */
    final Set<String> maybeOrphaned = ConcurrentHashMap.newKeySet();

    /** Key prefixes whose listing failed: their items are kept as they are. */
    final Set<String> unlisted = ConcurrentHashMap.newKeySet();

    final Map<String, String> commitData = new TreeMap<>();

    Run(List<SourceConfig> sources, boolean fresh) {
      this.sources = sources;
      this.fresh = fresh;
      this.attempted = fresh ? new SeenKeys() : null;
    }

    void execute(Path target) throws IOException {
      // Tika runs in separate parser processes: a hang or an out-of-memory costs one file only.
      TextExtractor text =
          TextExtractor.isolated(options.limits(), options.ocr(), options.threads());
      MailExtractor mail = new MailExtractor(text);
      DocumentExtractor documents = new DocumentExtractor(text);
      NewsExtractor news = new NewsExtractor();
      IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer());
      config.setOpenMode(
          fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
      config.setRAMBufferSizeMB(64);
      // Workers take items from a short queue; when it is full the lister waits for room. This
      // bounds memory (at most threads × 5 items in flight) and, unlike letting the lister run
      // the item itself, never leaves the workers idle while the lister is busy extracting.
      ThreadPoolExecutor workers =
          new ThreadPoolExecutor(
              options.threads(),
              options.threads(),
              0,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(options.threads() * 4),
              IndexBuilder::waitForRoom);
      Progress progress = new Progress();
      try (Directory dir = FSDirectory.open(target)) {
        if (!fresh) {
          loadPrevious(dir);
        }
        commitData.putAll(previousCommit);
        commitData.put("schema_version", IndexSchema.VERSION);
        commitData.put(AnalysisFingerprint.KEY, AnalysisFingerprint.current());
        try (IndexWriter writer = new IndexWriter(dir, config)) {
          for (SourceConfig source : sources) {
            log.info("reading source {} ({}) at {}", source.name(), source.type(), source.root());
            IndexBuilder.Extractor extractor =
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
            java.util.concurrent.atomic.AtomicLong listed =
                new java.util.concurrent.atomic.AtomicLong();
            try {
              list(
                  source,
                  item -> {
                    listed.incrementAndGet();
                    workers.execute(() -> index(source, item, extractor, writer));
                  },
                  (locator, reason) -> {
                    listed.incrementAndGet();
                    report.skipped(source.name(), locator, reason);
                  },
                  news);
              if (listed.get() == 0 && source.type() != SourceConfig.SourceType.IMAP) {
                foundNothing(source);
              }
            } catch (IOException e) {
              unlisted.add(source.name() + ":");
              report.failed(source.name(), "", "cannot list source: " + e.getMessage());
            }
          }
          workers.shutdown();
          awaitQuietly(workers);
          removeVanished(writer);
          commitData.put("committed_at", Instant.now().toString());
          writer.setLiveCommitData(commitData.entrySet());
          writer.commit();
        }
      } finally {
        workers.shutdownNow();
        progress.close();
        text.close();
      }
    }

    /**
     * Shows the run's progress as the builder's mode says: a bar redrawn in place (total counted on
     * its own thread, so the run does not wait for it), or a plain log line every 10 seconds.
     */
    private final class Progress implements AutoCloseable {
      final long started = System.nanoTime();
      final java.util.concurrent.atomic.AtomicLong total =
          new java.util.concurrent.atomic.AtomicLong(SourceCounter.UNKNOWN);
      final java.util.concurrent.ScheduledExecutorService timer;
      final int width = ProgressBar.terminalWidth();

      /** Length of the bar on screen, 0 when none is. */
      int drawn;

      java.io.PrintStream standardError;

      Progress() {
        if (progressMode == ProgressBar.Mode.NONE) {
          timer = null;
          return;
        }
        timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "index-progress");
                  t.setDaemon(true);
                  return t;
                });
        if (progressMode == ProgressBar.Mode.BAR) {
          // Log lines go to standard error too: each first clears the bar's line, which the next
          // drawing puts back below it (no log text glued to the bar).
          standardError = System.err;
          System.setErr(
              new java.io.PrintStream(
                  new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                      clearBar();
                      standardError.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                      clearBar();
                      standardError.write(b, off, len);
                    }

                    @Override
                    public void flush() {
                      standardError.flush();
                    }
                  },
                  true,
                  java.nio.charset.Charset.defaultCharset()));
          Thread counter = new Thread(() -> total.set(SourceCounter.count(sources)), "count-items");
          counter.setDaemon(true);
          counter.start();
          // The first drawing waits a little: a small tree is counted by then.
          timer.scheduleAtFixedRate(() -> draw(false), 200, 250, TimeUnit.MILLISECONDS);
        } else {
          timer.scheduleAtFixedRate(this::logLine, 10, 10, TimeUnit.SECONDS);
        }
      }

      /** Plain progress for cron logs: items so far, rate, what changed. */
      void logLine() {
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(
            "progress: {} items ({} items/s): {} added, {} updated, {} unchanged, {} failed",
            report.items(),
            String.format(java.util.Locale.ROOT, "%.0f", report.items() / seconds),
            report.added(),
            report.updated(),
            report.unchanged(),
            report.failures().size());
      }

      /** Erases the bar (carriage return, erase line) if it is on screen. */
      synchronized void clearBar() {
        if (drawn > 0) {
          terminal.print("\r\033[K");
          terminal.flush();
          drawn = 0;
        }
      }

      synchronized void draw(boolean last) {
        // One column short of the width: a full line would wrap on some terminals.
        String line =
            ProgressBar.render(
                completed.get(), total.get(), System.nanoTime() - started, width - 1);
        // Spaces over what is left of a longer line drawn before.
        String padding = " ".repeat(Math.max(0, drawn - line.length()));
        drawn = last ? 0 : line.length();
        terminal.print("\r" + line + padding + (last ? "\n" : ""));
        terminal.flush();
      }

      @Override
      public void close() {
        if (timer == null) {
          return;
        }
        timer.shutdownNow();
        if (progressMode == ProgressBar.Mode.BAR) {
          try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          draw(true);
          System.setErr(standardError);
        }
      }
    }

    private void loadPrevious(Directory dir) throws IOException {
      if (!DirectoryReader.indexExists(dir)) {
        return;
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        previousCommit.putAll(reader.getIndexCommit().getUserData());
        Set<String> fields =
            Set.of(
                IndexSchema.STATE_KEY,
                IndexSchema.STATE_MARKER,
                IndexSchema.STATE_RECORD,
                IndexSchema.STATE_FOLDER);
        for (LeafReaderContext leaf : reader.leaves()) {
          if (leaf.reader().terms(IndexSchema.STATE_KEY) == null) {
            continue;
          }
          // Visit only the state documents: walk the state_key terms.
          var terms = leaf.reader().terms(IndexSchema.STATE_KEY).iterator();
          StoredFields stored = leaf.reader().storedFields();
          Bits live = leaf.reader().getLiveDocs();
          org.apache.lucene.index.PostingsEnum docs = null;
          while (terms.next() != null) {
            docs = terms.postings(docs, org.apache.lucene.index.PostingsEnum.NONE);
            for (int d = docs.nextDoc();
                d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                d = docs.nextDoc()) {
              if (live != null && !live.get(d)) {
                continue;
              }
              Document doc = stored.document(d, fields);
              String key = doc.get(IndexSchema.STATE_KEY);
              String record = doc.get(IndexSchema.STATE_RECORD);
              previous.put(
                  key,
                  new Previous(
                      doc.get(IndexSchema.STATE_MARKER),
                      record,
                      doc.get(IndexSchema.STATE_FOLDER)));
              previousByRecord.computeIfAbsent(record, r -> new ArrayList<>()).add(key);
            }
          }
        }
      }
      log.info("the index knows {} items", previous.size());
    }

    private void list(
        SourceConfig source,
        java.util.function.Consumer<SourceItem> sink,
        MailboxReader.SkipSink skipped,
        NewsExtractor news)
        throws IOException {
      if (source.type() == SourceConfig.SourceType.IMAP) {
        // Where each folder stood after the last run: only newer UIDs are fetched.
        String prefix = "imap:" + source.name() + ":";
        Map<String, ImapReader.FolderState> before = new HashMap<>();
        if (!fresh) {
          previousCommit.forEach(
              (k, v) -> {
                ImapReader.FolderState state = ImapReader.parseState(v);
                if (k.startsWith(prefix) && state != null) {
                  before.put(k.substring(prefix.length()), state);
                }
              });
        }
        try (ImapReader imap = new ImapReader(source.imap())) {
          // Where each folder stands (UIDVALIDITY:last UID), kept with the commit for the next
          // run. A folder not read keeps its items as they are.
          imap.list(
                  sink,
                  (folder, reason) -> {
                    unlisted.add(source.name() + ":" + folder + "/;");
                    skipped.skipped(folder, reason);
                  },
                  before,
                  locator -> {
                    String key = source.name() + ":" + locator;
                    if (!previous.containsKey(key)) {
                      return false; // not indexed yet (failed last time): fetch it
                    }
                    seen.add(key);
                    report.itemSeen();
                    report.itemUnchanged();
                    completed.incrementAndGet();
                    return true;
                  })
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
      Path root = SourceRoots.walkStart(source.root());
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

    private void index(
        SourceConfig source,
        SourceItem listed,
        IndexBuilder.Extractor extractor,
        IndexWriter writer) {
      report.itemSeen();
      String key = source.name() + ":" + listed.locator();
      seen.add(key);
      Previous before = previous.get(key);
      SourceItem item = listed;
      try {
        item = readOnce(source, listed, before);
        String marker = marker(source, item, before);
        if (before != null && sameContent(before.marker(), marker)) {
          if (!marker.equals(before.marker())) {
            // Touched, not changed: remember the new mtime so the file is not hashed again.
            writer.updateDocument(
                new Term(IndexSchema.STATE_KEY, key),
                IndexSchema.stateDocument(key, marker, before.recordId(), before.folder()));
          }
          report.itemUnchanged();
          return;
        }
        List<IndexRecord> records = extractor.extract(item);
        String recordId = records.isEmpty() ? "" : records.getFirst().id();
        if (!records.isEmpty() && records.getFirst().kind() == Kind.EMAIL) {
          writeMail(key, records, writer);
        } else {
          for (IndexRecord record : records) {
            if (record == records.getFirst() && mayHaveChildren(record.id())) {
              writer.deleteDocuments(new PrefixQuery(new Term(IndexSchema.ID, record.id() + "!")));
            }
            write(writer, IndexSchema.ID, record.id(), IndexSchema.toDocument(record));
            report.recordWritten(record.kind());
          }
          written.computeIfAbsent(recordId, r -> ConcurrentHashMap.newKeySet()).add(key);
        }
        write(
            writer,
            IndexSchema.STATE_KEY,
            key,
            IndexSchema.stateDocument(key, marker, recordId, item.folder()));
        if (before == null) {
          report.itemAdded();
        } else {
          report.itemUpdated();
          if (!before.recordId().equals(recordId)) {
            maybeOrphaned.add(before.recordId());
          }
        }
      } catch (ExtractionException e) {
        report.failed(source.name(), item.locator(), e.getMessage());
      } catch (IOException e) {
        report.failed(source.name(), item.locator(), "index write failed: " + e.getMessage());
      } catch (RuntimeException | StackOverflowError e) {
        // A bug or a parser gone wrong on one item must not end the run; keep the reason.
        log.debug("item {} failed", item.locator(), e);
        report.failed(source.name(), item.locator(), "internal error: " + e);
      } finally {
        completed.incrementAndGet();
      }
    }

    /**
     * Writes a message and its attachments. A message already written in this run, or kept from an
     * earlier run under another item (the same message in another folder), gets the union of the
     * folder labels; the lock of its map entry keeps two copies from racing.
     */
    private void writeMail(String key, List<IndexRecord> records, IndexWriter writer)
        throws IOException {
      IndexRecord mail = records.getFirst();
      try {
        written.compute(
            mail.id(),
            (id, keys) -> {
              boolean first = keys == null;
              Set<String> owners = first ? ConcurrentHashMap.newKeySet() : keys;
              owners.add(key);
              Set<String> folders = new TreeSet<>(mail.folders());
              for (String other : previousByRecord.getOrDefault(id, List.of())) {
                Previous p = previous.get(other);
                if (!other.equals(key) && p != null && p.folder() != null) {
                  folders.add(p.folder());
                }
              }
              if (!first) {
                folders.addAll(labels.getOrDefault(id, Set.of()));
              }
              labels.put(id, folders);
              try {
                if (!first || previousByRecord.containsKey(id)) {
                  writer.deleteDocuments(new PrefixQuery(new Term(IndexSchema.ID, id + "!")));
                }
                for (IndexRecord record : records) {
                  IndexRecord labelled =
                      record == mail ? mail.withFolders(List.copyOf(folders)) : record;
                  write(writer, IndexSchema.ID, record.id(), IndexSchema.toDocument(labelled));
                  if (first) {
                    report.recordWritten(record.kind());
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              if (!first) {
                report.duplicate();
              }
              return owners;
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    /**
     * Writes {@code doc}, replacing the documents whose {@code field} is {@code value}: an add when
     * none can exist (see {@link #attempted}).
     */
    private void write(IndexWriter writer, String field, String value, Document doc)
        throws IOException {
      if (attempted != null && attempted.firstTime(field + "\0" + value)) {
        writer.addDocument(doc);
      } else {
        writer.updateDocument(new Term(field, value), doc);
      }
    }

    /**
     * Whether the index may hold child records (attachments, members) of {@code id} that a rewrite
     * must remove first. A query delete is applied to every segment at each flush, so a fresh
     * build, where nothing is old, must not queue one per item.
     */
    private boolean mayHaveChildren(String id) {
      return previousByRecord.containsKey(id) || written.containsKey(id);
    }

    /** Folder labels of each message written in this run. */
    final ConcurrentHashMap<String, Set<String>> labels = new ConcurrentHashMap<>();

    /**
     * Items the last commit knew that no source listed this time left their source: their state
     * goes, and so does every record no item produces any more.
     */
    /**
     * A source that lists nothing: noted when the index holds nothing of it either (a new, still
     * empty folder), a failure that keeps its records when it does. An empty folder where there was
     * mail is far more often a disk or share not mounted tonight than an archive emptied on
     * purpose; taking the source out of the configuration is how its records are dropped.
     */
    private void foundNothing(SourceConfig source) {
      String prefix = source.name() + ":";
      long known = previous.keySet().stream().filter(k -> k.startsWith(prefix)).count();
      if (known == 0) {
        report.skipped(source.name(), "", "nothing to index at " + source.root());
        return;
      }
      unlisted.add(prefix);
      report.failed(
          source.name(),
          "",
          "nothing to index at "
              + source.root()
              + ", where the index has "
              + known
              + " items: kept them (is a disk or share not mounted?); take the source out of"
              + " the configuration to drop them");
    }

    private void removeVanished(IndexWriter writer) throws IOException {
      for (Map.Entry<String, Previous> e : previous.entrySet()) {
        String key = e.getKey();
        if (seen.contains(key) || unlisted.stream().anyMatch(key::startsWith)) {
          continue;
        }
        writer.deleteDocuments(new Term(IndexSchema.STATE_KEY, key));
        report.itemDeleted();
        maybeOrphaned.add(e.getValue().recordId());
      }
      for (String record : maybeOrphaned) {
        if (record.isEmpty() || written.containsKey(record)) {
          continue;
        }
        boolean kept =
            previousByRecord.getOrDefault(record, List.of()).stream()
                .anyMatch(
                    k ->
                        (seen.contains(k) || unlisted.stream().anyMatch(k::startsWith))
                            && previous.get(k).recordId().equals(record)
                            && !movedAway(k, record));
        if (!kept) {
          writer.deleteDocuments(new Term(IndexSchema.ID, record));
          writer.deleteDocuments(new PrefixQuery(new Term(IndexSchema.ID, record + "!")));
          report.recordDeleted();
        }
      }
    }

    /** True when item {@code key} produced another record than {@code record} in this run. */
    private boolean movedAway(String key, String record) {
      for (Map.Entry<String, Set<String>> e : written.entrySet()) {
        if (!e.getKey().equals(record) && e.getValue().contains(key)) {
          return true;
        }
      }
      return false;
    }
  }

  @FunctionalInterface
  private interface Extractor {
    List<IndexRecord> extract(SourceItem item) throws ExtractionException;
  }

  /**
   * What an item looks like now. A file: "size:mtime:sha256" (the hash only when size or mtime
   * changed, else the stored one is kept); an mbox or IMAP message (bytes in memory): its hash.
   */
  private static String marker(SourceConfig source, SourceItem item, Previous before)
      throws IOException {
    if (source.type() == SourceConfig.SourceType.IMAP) {
      return "imap"; // the locator names UIDVALIDITY and UID: a message never changes under them
    }
    if (isMboxMessage(source, item)) {
      try (InputStream in = item.open()) {
        return "sha256:" + sha256(in);
      }
    }
    String sizeTime = item.size() + ":" + item.modifiedMillis() + ":";
    if (before != null && before.marker() != null && before.marker().startsWith(sizeTime)) {
      return before.marker();
    }
    try (InputStream in = item.open()) {
      return sizeTime + sha256(in);
    }
  }

  /**
   * A mail file whose marker needs its hash, read into memory once for both the hash and the
   * extraction (which reads the whole message anyway) rather than twice; other items as listed.
   */
  private static SourceItem readOnce(SourceConfig source, SourceItem item, Previous before)
      throws IOException {
    if (source.type() != SourceConfig.SourceType.MAIL
        || isMboxMessage(source, item)
        || item.size() < 0
        || item.size() > MailExtractor.MAX_MESSAGE_BYTES
        || (before != null
            && before.marker() != null
            && before.marker().startsWith(item.size() + ":" + item.modifiedMillis() + ":"))) {
      return item;
    }
    byte[] bytes;
    try (InputStream in = item.open()) {
      bytes = in.readNBytes(MailExtractor.MAX_MESSAGE_BYTES + 1);
    }
    return new SourceItem(
        item.locator(),
        item.folder(),
        item.size(),
        item.modifiedMillis(),
        () -> new ByteArrayInputStream(bytes));
  }

  /** Same content: equal markers, or a file whose bytes are the same under a new mtime. */
  private static boolean sameContent(String before, String now) {
    if (before == null) {
      return false;
    }
    if (before.equals(now)) {
      return true;
    }
    int b = before.lastIndexOf(':');
    int n = now.lastIndexOf(':');
    return b > 0
        && n > 0
        && !before.startsWith("sha256:")
        && before.substring(b).equals(now.substring(n))
        && before.substring(0, before.indexOf(':')).equals(now.substring(0, now.indexOf(':')));
  }

  /** The locator of a message in an mbox file: "archive.mbox#12". */
  private static final Pattern MBOX_LOCATOR = Pattern.compile(".*#\\d+");

  private static boolean isMboxMessage(SourceConfig source, SourceItem item) {
    return source.type() == SourceConfig.SourceType.MAIL
        && MBOX_LOCATOR.matcher(item.locator()).matches();
  }

  private static String sha256(InputStream in) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (in instanceof ByteArrayInputStream bytes) {
      digest.update(bytes.readAllBytes()); // a mail file read by readOnce: no buffer to fill
      return HexFormat.of().formatHex(digest.digest());
    }
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
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

  private static void waitForRoom(Runnable task, ThreadPoolExecutor pool) {
    if (pool.isShutdown()) {
      throw new java.util.concurrent.RejectedExecutionException("the run is stopping");
    }
    try {
      pool.getQueue().put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.RejectedExecutionException("interrupted", e);
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
