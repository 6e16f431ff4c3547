package vn.tracuu.api;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tracuu.query.UserQueryParser;
import vn.tracuu.schema.IndexSchema;

/**
 * Answers searches over one index. Searchers come from a {@link SearcherManager} that is refreshed
 * in the background, so a new commit by the indexer becomes visible without a restart and in-flight
 * searches keep their own point-in-time view.
 */
public final class SearchService implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(SearchService.class);
  private static final int SNIPPET_PASSAGES = 2;
  private static final int PLAIN_SNIPPET_CHARS = 240;
  private static final int SNIPPET_PASSAGE_CHARS = 160;

  private final Path indexDir;
  private final Directory directory;
  private final SearcherManager searchers;
  private final Analyzer analyzer = IndexSchema.analyzer();
  private final UserQueryParser parser = new UserQueryParser(analyzer);
  private final UnifiedHighlighter highlighter;
  private final ScheduledExecutorService refresher;

  /**
   * Opens the index at {@code indexDir}.
   *
   * @throws IOException when there is no index there (with a message that says so)
   */
  public SearchService(Path indexDir) throws IOException {
    this.indexDir = indexDir;
    if (!Files.isDirectory(indexDir)) {
      throw new IOException(
          "no index at " + indexDir.toAbsolutePath() + ": run 'tracuu index' first");
    }
    this.directory = FSDirectory.open(indexDir);
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      throw new IOException(
          "no index at " + indexDir.toAbsolutePath() + ": run 'tracuu index' first");
    }
    this.searchers = new SearcherManager(directory, null);
    this.highlighter =
        UnifiedHighlighter.builderWithoutSearcher(analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxLength(200_000)
            .withMaxNoHighlightPassages(0)
            // Sentences of official documents run long (headers have no full stops).
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT),
                        SNIPPET_PASSAGE_CHARS,
                        0.5f))
            .build();
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "index-refresher");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
  }

  public Path indexDir() {
    return indexDir;
  }

  /** Number of searchable records. */
  public int documentCount() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  /** Runs {@code request}; throws {@link BadRequestException} for a query it cannot run. */
  public SearchResponse search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    Query userQuery;
    try {
      userQuery = parser.parse(request.query());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("parameter 'q': " + e.getMessage());
    }
    Query query = withFilters(userQuery, request);
    boolean byDate = userQuery instanceof MatchAllDocsQuery;
    int wanted = request.page() * request.size();

    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top =
          byDate
              ? searcher.search(
                  query,
                  new TopFieldCollectorManager(
                      new Sort(new SortField(IndexSchema.DATE, SortField.Type.LONG, true)),
                      wanted,
                      null,
                      Integer.MAX_VALUE))
              : searcher.search(query, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
      ScoreDoc[] pageDocs =
          Arrays.copyOfRange(
              top.scoreDocs,
              Math.min(top.scoreDocs.length, wanted - request.size()),
              top.scoreDocs.length);
      StoredFields stored = searcher.storedFields();
      List<SearchResponse.Hit> hits = new ArrayList<>(pageDocs.length);
      for (ScoreDoc scoreDoc : pageDocs) {
        hits.add(hit(stored.document(scoreDoc.doc), userQuery, scoreDoc.score));
      }
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(
          top.totalHits.value(), tookMs, request.page(), request.size(), hits);
    } finally {
      searchers.release(searcher);
    }
  }

  private static Query withFilters(Query userQuery, SearchRequest request) {
    BooleanQuery.Builder query =
        new BooleanQuery.Builder().add(userQuery, BooleanClause.Occur.MUST);
    if (request.from() != null || request.to() != null) {
      int from = request.from() == null ? Integer.MIN_VALUE : IndexSchema.day(request.from());
      int to = request.to() == null ? Integer.MAX_VALUE : IndexSchema.day(request.to());
      query.add(IntPoint.newRangeQuery(IndexSchema.DAY, from, to), BooleanClause.Occur.FILTER);
    }
    if (request.type() != null) {
      query.add(
          new TermQuery(new Term(IndexSchema.KIND, request.type().id())),
          BooleanClause.Occur.FILTER);
    }
    return query.build();
  }

  private SearchResponse.Hit hit(Document doc, Query userQuery, float score) throws IOException {
    IndexableField date = doc.getField(IndexSchema.DATE);
    String isoDate =
        date == null
            ? null
            : IndexSchema.isoDate(Instant.ofEpochMilli(date.numericValue().longValue()));
    return new SearchResponse.Hit(
        doc.get(IndexSchema.ID),
        doc.get(IndexSchema.KIND),
        doc.get(IndexSchema.TITLE),
        isoDate,
        doc.get(IndexSchema.DATE_SOURCE),
        snippet(userQuery, doc.get(IndexSchema.BODY)),
        doc.get(IndexSchema.SENDER),
        List.of(doc.getValues(IndexSchema.RECIPIENTS)),
        doc.get(IndexSchema.PARENT_ID),
        doc.get(IndexSchema.DOC_NUMBER),
        doc.get(IndexSchema.DOC_TYPE),
        doc.get(IndexSchema.AGENCY),
        doc.get(IndexSchema.SIGNER),
        doc.get(IndexSchema.SOURCE),
        Float.isNaN(score) ? 0f : score);
  }

  /**
   * The best passages of {@code body} with matches in {@code <mark>}; everything else is
   * HTML-escaped. Exact-diacritic matches are preferred; when there are none (a query typed without
   * diacritics), the folded field marks the matches.
   */
  private String snippet(Query userQuery, String body) throws IOException {
    if (body == null || body.isEmpty()) {
      return "";
    }
    for (String field : new String[] {IndexSchema.BODY, IndexSchema.BODY_FOLDED}) {
      Object highlighted =
          highlighter.highlightWithoutSearcher(field, userQuery, body, SNIPPET_PASSAGES);
      if (highlighted instanceof String s && s.contains("<mark>")) {
        return s.strip();
      }
    }
    String plain =
        body.length() > PLAIN_SNIPPET_CHARS ? body.substring(0, PLAIN_SNIPPET_CHARS) + "…" : body;
    return escapeHtml(plain.strip());
  }

  static String escapeHtml(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private void refreshQuietly() {
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      log.warn("index refresh failed; still serving the previous view: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    searchers.close();
    directory.close();
  }
}
