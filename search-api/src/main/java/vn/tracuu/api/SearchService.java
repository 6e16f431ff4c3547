package vn.tracuu.api;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StandardDirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tracuu.query.UserQueryParser;
import vn.tracuu.schema.AnalysisFingerprint;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * Answers searches over one index. Searchers come from a {@link LiveIndex} that is refreshed (new
 * commits, and a new generation after a rebuild) in the background, so a new commit by the indexer
 * becomes visible without a restart and in-flight searches keep their own point-in-time view. Every
 * query is narrowed to what the {@link Caller} may see, and hits, totals and facets are all
 * computed under that narrowing.
 */
public final class SearchService implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(SearchService.class);
  private static final int SNIPPET_PASSAGES = 2;
  private static final int PLAIN_SNIPPET_CHARS = 240;
  private static final int SNIPPET_PASSAGE_CHARS = 160;
  private static final int FACET_TOP = 10;

  /**
   * Stored fields a hit shows, and the body its snippet is cut from: read in one visit of the hit's
   * stored block (each visit decompresses it).
   */
  private static final Set<String> HIT_FIELDS =
      Set.of(
          IndexSchema.BODY,
          IndexSchema.ID,
          IndexSchema.KIND,
          IndexSchema.TITLE,
          IndexSchema.DATE,
          IndexSchema.DATE_SOURCE,
          IndexSchema.SENDER,
          IndexSchema.RECIPIENTS,
          IndexSchema.FOLDERS,
          IndexSchema.PARENT_ID,
          IndexSchema.DOC_NUMBER,
          IndexSchema.DOC_TYPE,
          IndexSchema.AGENCY,
          IndexSchema.SIGNER,
          IndexSchema.SUMMARY,
          IndexSchema.SOURCE);

  /** How long a cursor keeps its point-in-time view after the index has moved on. */
  static final int CURSOR_VIEW_SECONDS = 600;

  /** Facet dimensions in the JSON and the schema field each counts. */
  private static final Map<String, String> FACETS =
      mapOf(
          "type", IndexSchema.KIND,
          "year", IndexSchema.YEAR,
          "month", IndexSchema.MONTH,
          "sender", IndexSchema.SENDER,
          "agency", IndexSchema.AGENCY,
          "doc_type", IndexSchema.DOC_TYPE);

  private final Path indexDir;
  private final LiveIndex searchers;
  private final Analyzer analyzer = IndexSchema.analyzer();
  private final QueryLanguage language = new QueryLanguage(analyzer);
  private final UserQueryParser exactBody =
      new UserQueryParser(analyzer, Map.of(IndexSchema.BODY, 1f));
  private final UserQueryParser foldedBody =
      new UserQueryParser(analyzer, Map.of(IndexSchema.BODY_FOLDED, 1f));
  private final ScheduledExecutorService refresher;

  /**
   * Searches the slices of an index (groups of segments) side by side, one thread per core; the
   * search's own thread takes slices too. Less latency on one connection (1M records: keyword p50
   * 0.67×), about the same throughput under concurrent load (README, search benchmark).
   */
  private final java.util.concurrent.ExecutorService slices =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "search-slice");
            t.setDaemon(true);
            return t;
          });

  private final Duration budget;

  /** Searchers that cursors point at, kept a while after the index moved on. */
  private volatile SearcherLifetimeManager lifetimes = new SearcherLifetimeManager();

  /** What is built once per index view and kept until its reader closes. */
  private static final class PerReader {
    final Map<String, FacetCounts.Ordinals> facetStates = new ConcurrentHashMap<>();

    /** The fields of all segments, for the highlighter (merging them costs per search). */
    final FieldInfos fieldInfos;

    PerReader(IndexReader reader) {
      this.fieldInfos = FieldInfos.getMergedFieldInfos(reader);
    }
  }

  private final Map<Object, PerReader> perReader = new ConcurrentHashMap<>();

  /** Opens the index at {@code indexDir} with the default time budget of 2 seconds a search. */
  public SearchService(Path indexDir) throws IOException {
    this(indexDir, Duration.ofSeconds(2));
  }

  /**
   * Opens the index at {@code indexDir}.
   *
   * @param budget how long one search may take before it returns what it has, flagged partial
   * @throws IOException when there is no index there (with a message that says so)
   */
  public SearchService(Path indexDir, Duration budget) throws IOException {
    this.indexDir = indexDir;
    this.budget = budget;
    // Each new view of the index gets its facet ordinals before it serves (warming): building
    // them costs seconds on a large index, which would otherwise fall on the first search.
    this.searchers =
        new LiveIndex(
            indexDir,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
                  throws IOException {
                for (String field : FACETS.values()) {
                  facetState(reader, field);
                }
                facetState(reader, IndexSchema.SOURCE); // for /api/stats
                return new IndexSearcher(reader);
              }
            });
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

  /** Number of records in the index, whoever may see them (for operators, not for visitors). */
  public int documentCount() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(IndexSchema.allRecords());
    } finally {
      searchers.release(searcher);
    }
  }

  /** Runs {@code request} for {@code caller}; throws {@link BadRequestException} for bad input. */
  public SearchResponse search(SearchRequest request, Caller caller) throws IOException {
    long start = System.nanoTime();
    QueryLanguage.Parsed parsed = language.parse(request.query());
    // What matches: the text's matching part (its ranking adds no match) and the filters.
    Query matching = filtered(parsed.textParts().matching(), parsed, request, caller);
    boolean byRelevance = request.sort() == SearchRequest.SortOrder.RELEVANCE && parsed.hasText();
    Sort sort =
        byRelevance
            ? null
            : request.sort() == SearchRequest.SortOrder.OLDEST ? oldestFirst() : newestFirst();
    int fingerprint = request.fingerprint();
    SearchCursor cursor =
        request.cursor() == null ? null : SearchCursor.decode(request.cursor(), fingerprint);
    if (cursor != null && cursor.byScore() != byRelevance) {
      throw new BadRequestException(
          "parameter 'cursor' belongs to another search: keep q, filters and sort of the search"
              + " that returned it");
    }
    // Without a cursor, page n means collecting the first n pages and keeping the last one.
    int wanted = cursor == null ? request.page() * request.size() : request.size();
    int skipped = cursor == null ? wanted - request.size() : 0;

    IndexSearcher managed = cursor == null ? searchers.acquire() : pointInTime(cursor);
    try {
      // A searcher of our own per request: the timeout is per searcher, the reader is shared.
      IndexSearcher searcher = new IndexSearcher(managed.getIndexReader(), slices);
      searcher.setSimilarity(IndexSchema.similarity()); // the ranking the evaluation measures
      searcher.setTimeout(new QueryTimeoutImpl(budget.toMillis()));
      ScoreDoc after = cursor == null ? null : cursor.position();
      if (after != null && after.doc >= searcher.getIndexReader().maxDoc()) {
        throw new BadRequestException(
            "parameter 'cursor' is not a cursor of this server: pass next_cursor unchanged");
      }
      // Two passes, each doing only what it needs. The first collects every match (for the total
      // and the facets) without scores: only the matching part of the text and the filters are
      // evaluated, the ranking clauses not at all. The second scores (or sorts) only those
      // matches, read from the first pass's bit sets, for the page.
      FacetsCollector collected;
      TopDocs top;
      long total = 0;
      try {
        collected = searcher.search(matching, new FacetsCollectorManager());
        for (FacetsCollector.MatchingDocs docs : collected.getMatchingDocs()) {
          total += docs.totalHits();
        }
        long remaining = total - (cursor == null ? 0 : cursor.seen());
        top = page(searcher, parsed, sort, collected, after, wanted, remaining);
      } catch (IndexSearcher.TooManyClauses e) {
        // Each word becomes one clause per searched field; Lucene caps the total (1024).
        throw new BadRequestException(
            "parameter 'q': too many words or alternatives for one search; shorten the query");
      }
      boolean partial = searcher.timedOut();
      ScoreDoc[] pageDocs =
          Arrays.copyOfRange(
              top.scoreDocs, Math.min(top.scoreDocs.length, skipped), top.scoreDocs.length);
      StoredFields stored = searcher.storedFields();
      Document[] docs = new Document[pageDocs.length];
      for (int i = 0; i < pageDocs.length; i++) {
        docs[i] = stored.document(pageDocs[i].doc, HIT_FIELDS);
      }
      String[] snippets = snippets(searcher, parsed, pageDocs, docs);
      List<SearchResponse.Hit> hits = new ArrayList<>(pageDocs.length);
      for (int i = 0; i < pageDocs.length; i++) {
        hits.add(hit(searcher, docs[i], snippets[i], pageDocs[i], caller));
      }
      Map<String, List<SearchResponse.FacetValue>> facets =
          request.facets() ? facets(searcher.getIndexReader(), collected) : null;
      int seen = (cursor == null ? skipped : cursor.seen()) + pageDocs.length;
      String next = null;
      if (pageDocs.length == request.size() && seen < total && !partial) {
        long version = keepForCursor(managed);
        next =
            SearchCursor.after(
                    version,
                    indexIdentity(managed.getIndexReader()),
                    pageDocs[pageDocs.length - 1],
                    seen,
                    fingerprint)
                .encode();
      }
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(
          total,
          tookMs,
          partial,
          cursor == null ? request.page() : null,
          request.size(),
          hits,
          facets,
          next);
    } finally {
      managed.getIndexReader().decRef();
    }
  }

  /**
   * The first {@code wanted} hits after {@code after} among the {@code collected} matches: by score
   * ({@code sort} null) or by {@code sort}. Scores are those of the whole query: the matching part
   * is a filter that adds nothing to them, so the ranking query over the collected matches scores
   * each match as the whole query does.
   *
   * <p>By score, the ranking clauses are the optional clauses of one query with the collected
   * matches as its filter and at least one of them required: the shape for which Lucene skips
   * matches (and blocks of them) whose score bounds cannot reach the page ({@code
   * MaxScoreBulkScorer}), instead of scoring each. Same scores, same order. A match that no ranking
   * clause matches (possible with OR or exclusions: it scores 0) is then left out; when that leaves
   * the page short of the {@code remaining} matches, the page is computed again by scoring every
   * match, which ranks those last, by document, as one pass over the whole query does.
   */
  private static TopDocs page(
      IndexSearcher searcher,
      QueryLanguage.Parsed parsed,
      Sort sort,
      FacetsCollector collected,
      ScoreDoc after,
      int wanted,
      long remaining)
      throws IOException {
    int n = Math.max(1, Math.min(wanted, searcher.getIndexReader().maxDoc()));
    Query matches = new CollectedDocsQuery(searcher.getIndexReader(), collected);
    if (sort != null) {
      return searcher.search(matches, new TopFieldCollectorManager(sort, n, (FieldDoc) after, n));
    }
    Query ranking = parsed.textParts().ranking();
    if (ranking != null) {
      // Rewritten first: a ranking that looks for titles the text quotes becomes the plain
      // disjunction when the index has none of them, which pruned() can take apart.
      ranking = searcher.rewrite(ranking);
    }
    if (ranking == null) {
      Query scored =
          new BooleanQuery.Builder()
              .add(parsed.text(), BooleanClause.Occur.MUST) // the matching part scores itself
              .add(matches, BooleanClause.Occur.FILTER)
              .build();
      return searcher.search(scored, new TopScoreDocCollectorManager(n, after, n));
    }
    // The total is known: the collector may stop counting at n and skip what cannot compete.
    TopDocs top =
        searcher.search(pruned(ranking, matches), new TopScoreDocCollectorManager(n, after, n));
    if (top.scoreDocs.length < Math.min(n, remaining)) {
      Query every =
          new BooleanQuery.Builder()
              .add(ranking, BooleanClause.Occur.SHOULD)
              .add(matches, BooleanClause.Occur.FILTER)
              .build();
      top = searcher.search(every, new TopScoreDocCollectorManager(n, after, n));
    }
    return top;
  }

  /**
   * {@code ranking}'s clauses as the optional clauses of one query over {@code matches}, one of
   * them required. Lucene inlines nested disjunctions of weight 1 the same way when it rewrites the
   * whole query, so the clauses' scores are added up in the same groups: the same float scores.
   */
  static Query pruned(Query ranking, Query matches) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    if (ranking instanceof BooleanQuery disjunction
        && disjunction.getMinimumNumberShouldMatch() == 0
        && disjunction.getClauses(BooleanClause.Occur.SHOULD).size()
            == disjunction.clauses().size()) {
      for (BooleanClause clause : disjunction.clauses()) {
        b.add(clause.query(), BooleanClause.Occur.SHOULD);
      }
    } else {
      b.add(ranking, BooleanClause.Occur.SHOULD);
    }
    return b.add(matches, BooleanClause.Occur.FILTER).build();
  }

  /**
   * The searcher a cursor's first page was answered from, while it is kept ({@link
   * #CURSOR_VIEW_SECONDS} after the index moved on), else a clear error: continuing on another
   * version of the index could skip or repeat hits.
   */
  private IndexSearcher pointInTime(SearchCursor cursor) throws IOException {
    IndexSearcher kept = lifetimes.acquire(cursor.version());
    if (kept != null) {
      if (indexIdentity(kept.getIndexReader()) == cursor.index()) {
        return kept;
      }
      lifetimes.release(kept); // the same version number of a rebuilt index
    }
    IndexSearcher current = searchers.acquire();
    if (current.getIndexReader() instanceof DirectoryReader reader
        && reader.getVersion() == cursor.version()
        && indexIdentity(reader) == cursor.index()) {
      return current; // e.g. after a restart over the same index
    }
    searchers.release(current);
    throw new BadRequestException(
        "parameter 'cursor' has expired: the index has changed since the first page; search again");
  }

  /**
   * The portal's news search: public news only, newest first, whoever asks. Takes {@code q}, {@code
   * date} or {@code from}/{@code to}, {@code page}, {@code size}.
   */
  public SearchResponse news(java.util.function.Function<String, String> param) throws IOException {
    SearchRequest asked = SearchRequest.of(param);
    SearchRequest news =
        new SearchRequest(
            asked.query(),
            asked.from(),
            asked.to(),
            java.util.Set.of(Kind.NEWS),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            SearchRequest.SortOrder.NEWEST,
            asked.page(),
            asked.size(),
            false,
            asked.cursor());
    return search(news, Caller.ANONYMOUS);
  }

  /** The stored record {@code id} if {@code caller} may see it. */
  public Optional<StoredRecord> record(String id, Caller caller) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Document doc = find(searcher, id, caller);
      return doc == null ? Optional.empty() : Optional.of(StoredRecord.of(doc));
    } finally {
      searchers.release(searcher);
    }
  }

  /** The attachments and thread of record {@code id}, if {@code caller} may see it. */
  public Optional<RelatedRecords> related(String id, Caller caller) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return RelatedRecords.find(searcher, id, caller);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Counts by type and source of what {@code caller} may see, and when the index was committed. */
  public Map<String, Object> stats(Caller caller) throws IOException {
    IndexSearcher managed = searchers.acquire();
    try {
      IndexSearcher searcher = new IndexSearcher(managed.getIndexReader());
      FacetsCollector collector =
          searcher.search(IndexQueries.visibleTo(caller), new FacetsCollectorManager());
      Map<String, Object> stats = new LinkedHashMap<>();
      long total = 0;
      for (FacetsCollector.MatchingDocs docs : collector.getMatchingDocs()) {
        total += docs.totalHits();
      }
      stats.put("records", total);
      stats.put("by_type", counts(searcher.getIndexReader(), collector, IndexSchema.KIND));
      stats.put("by_source", counts(searcher.getIndexReader(), collector, IndexSchema.SOURCE));
      stats.put("by_year", counts(searcher.getIndexReader(), collector, IndexSchema.YEAR));
      if (managed.getIndexReader() instanceof DirectoryReader reader) {
        Map<String, String> userData = reader.getIndexCommit().getUserData();
        stats.put("schema_version", userData.get("schema_version"));
        // False when the index was analysed otherwise than queries are: see LiveIndex.
        stats.put(
            "analysis_current",
            AnalysisFingerprint.current().equals(userData.get(AnalysisFingerprint.KEY)));
        stats.put("committed_at", userData.get("committed_at"));
      }
      return stats;
    } finally {
      searchers.release(managed);
    }
  }

  private Query filtered(
      Query text, QueryLanguage.Parsed parsed, SearchRequest request, Caller caller) {
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    query.add(IndexQueries.visibleTo(caller), BooleanClause.Occur.FILTER);
    for (Query filter : parsed.filters()) {
      query.add(filter, BooleanClause.Occur.FILTER);
    }
    for (Query exclusion : parsed.exclusions()) {
      query.add(exclusion, BooleanClause.Occur.MUST_NOT);
    }
    if (!parsed.days().isEmpty()) {
      query.add(IndexQueries.anyDay(parsed.days()), BooleanClause.Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      int from = request.from() == null ? Integer.MIN_VALUE : IndexSchema.day(request.from());
      int to = request.to() == null ? Integer.MAX_VALUE : IndexSchema.day(request.to());
      query.add(
          IndexQueries.days(new QueryLanguage.DayRange(from, to)), BooleanClause.Occur.FILTER);
    }
    if (!request.types().isEmpty()) {
      BooleanQuery.Builder types = new BooleanQuery.Builder();
      for (Kind kind : request.types()) {
        types.add(IndexQueries.term(IndexSchema.KIND, kind.id()), BooleanClause.Occur.SHOULD);
      }
      query.add(types.build(), BooleanClause.Occur.FILTER);
    }
    addPhrase(query, IndexSchema.SENDER_TEXT, "sender", request.sender());
    addPhrase(query, IndexSchema.RECIPIENTS_TEXT, "recipient", request.recipient());
    addPhrase(query, IndexSchema.DOC_TYPE_TEXT, "doc_type", request.documentType());
    addPhrase(query, IndexSchema.AGENCY_TEXT, "agency", request.agency());
    addPhrase(query, IndexSchema.SIGNER_TEXT, "signer", request.signer());
    if (request.folder() != null) {
      query.add(
          IndexQueries.term(IndexSchema.FOLDERS, request.folder()), BooleanClause.Occur.FILTER);
    }
    if (request.source() != null) {
      query.add(
          IndexQueries.term(IndexSchema.SOURCE, request.source()), BooleanClause.Occur.FILTER);
    }
    if (request.documentNumber() != null) {
      query.add(
          IndexQueries.term(
              IndexSchema.DOC_NUMBER_KEY, IndexSchema.documentNumberKey(request.documentNumber())),
          BooleanClause.Occur.FILTER);
    }
    return query.build();
  }

  private void addPhrase(BooleanQuery.Builder query, String field, String name, String value) {
    if (value != null) {
      query.add(language.phrase(field, name, value), BooleanClause.Occur.FILTER);
    }
  }

  private static Sort newestFirst() {
    SortField date = new SortField(IndexSchema.DATE, SortField.Type.LONG, true);
    date.setMissingValue(Long.MIN_VALUE); // undated records last
    return new Sort(date);
  }

  private static Sort oldestFirst() {
    SortField date = new SortField(IndexSchema.DATE, SortField.Type.LONG, false);
    date.setMissingValue(Long.MAX_VALUE);
    return new Sort(date);
  }

  /** The six facets over the collected hits, counted in one walk over them. */
  private Map<String, List<SearchResponse.FacetValue>> facets(
      IndexReader reader, FacetsCollector collector) throws IOException {
    List<FacetCounts.Ordinals> fields = new ArrayList<>();
    boolean[] all = new boolean[FACETS.size()];
    int i = 0;
    for (Map.Entry<String, String> dim : FACETS.entrySet()) {
      fields.add(facetState(reader, dim.getValue()));
      all[i++] = dim.getKey().equals("type") || dim.getKey().equals("year");
    }
    List<Map<String, Long>> counted = FacetCounts.count(reader, collector, fields, all, FACET_TOP);
    Map<String, List<SearchResponse.FacetValue>> facets = new LinkedHashMap<>();
    i = 0;
    for (String dim : FACETS.keySet()) {
      List<SearchResponse.FacetValue> values = new ArrayList<>();
      byLabel(counted.get(i), all[i++])
          .forEach((value, count) -> values.add(new SearchResponse.FacetValue(value, count)));
      facets.put(dim, values);
    }
    return facets;
  }

  /** Value → count for {@code field} over the collected hits, every value, by label. */
  private Map<String, Long> counts(IndexReader reader, FacetsCollector collector, String field)
      throws IOException {
    return byLabel(
        FacetCounts.count(
                reader, collector, List.of(facetState(reader, field)), new boolean[] {true}, 0)
            .getFirst(),
        true);
  }

  /** {@code counts} in label order ({@code sorted} true), or as they are. */
  private static Map<String, Long> byLabel(Map<String, Long> counts, boolean sorted) {
    if (!sorted) {
      return counts;
    }
    Map<String, Long> out = new java.util.TreeMap<>(counts);
    return new LinkedHashMap<>(out);
  }

  /**
   * Per-reader facet ordinals: built once per index version (costly on a big index), then reused.
   */
  private FacetCounts.Ordinals facetState(IndexReader reader, String field) throws IOException {
    PerReader cached = perReader(reader);
    if (cached == null) {
      return new FacetCounts.Ordinals(reader, field);
    }
    FacetCounts.Ordinals state = cached.facetStates.get(field);
    if (state == null) {
      state = new FacetCounts.Ordinals(reader, field);
      cached.facetStates.put(field, state);
    }
    return state;
  }

  /** What is kept for {@code reader} until it closes, or null for a reader without a cache key. */
  private PerReader perReader(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return null;
    }
    return perReader.computeIfAbsent(
        helper.getKey(),
        key -> {
          helper.addClosedListener(perReader::remove);
          return new PerReader(reader);
        });
  }

  private static Document find(IndexSearcher searcher, String id, Caller caller)
      throws IOException {
    Query query =
        new BooleanQuery.Builder()
            .add(IndexQueries.term(IndexSchema.ID, id), BooleanClause.Occur.MUST)
            .add(IndexQueries.visibleTo(caller), BooleanClause.Occur.FILTER)
            .build();
    TopDocs top = searcher.search(query, 1);
    return top.scoreDocs.length == 0
        ? null
        : searcher.storedFields().document(top.scoreDocs[0].doc);
  }

  private SearchResponse.Hit hit(
      IndexSearcher searcher, Document doc, String snippet, ScoreDoc scoreDoc, Caller caller)
      throws IOException {
    String parentId = doc.get(IndexSchema.PARENT_ID);
    SearchResponse.Parent parent = null;
    if (parentId != null) {
      Document parentDoc = find(searcher, parentId, caller);
      if (parentDoc != null) {
        parent =
            new SearchResponse.Parent(
                parentId,
                parentDoc.get(IndexSchema.TITLE),
                parentDoc.get(IndexSchema.SENDER),
                isoDate(parentDoc));
      }
    }
    StoredRecord record = StoredRecord.of(doc);
    return new SearchResponse.Hit(
        record.id(),
        record.type(),
        record.title(),
        record.date(),
        record.dateSource(),
        snippet,
        record.sender(),
        record.recipients(),
        record.folders(),
        parentId,
        parent,
        record.documentNumber(),
        record.documentType(),
        record.agency(),
        record.signer(),
        record.summary(),
        record.source(),
        Float.isNaN(scoreDoc.score) ? 0f : scoreDoc.score);
  }

  static String isoDate(Document doc) {
    IndexableField date = doc.getField(IndexSchema.DATE);
    return date == null
        ? null
        : IndexSchema.isoDate(Instant.ofEpochMilli(date.numericValue().longValue()));
  }

  /**
   * The best passages of each hit's body with matches in {@code <mark>}; everything else is
   * HTML-escaped. Exact-diacritic matches are preferred; when a body has none (a query typed
   * without diacritics), the folded field marks the matches. Offsets come from the postings (schema
   * 3), so no text is analysed again; on an older index the highlighter analyses the text instead.
   * A body without matches (the hit matched its title) starts the snippet plainly. {@code docs} are
   * the hits' stored fields, body included, read once for the hit and its snippet.
   */
  private String[] snippets(
      IndexSearcher searcher, QueryLanguage.Parsed parsed, ScoreDoc[] hits, Document[] docs)
      throws IOException {
    int[] ids = new int[hits.length];
    Map<Integer, String> bodies = new java.util.HashMap<>();
    for (int i = 0; i < hits.length; i++) {
      ids[i] = hits[i].doc;
      String body = docs[i].get(IndexSchema.BODY);
      bodies.put(ids[i], body == null ? "" : body);
    }
    String[] snippets = new String[hits.length];
    if (parsed.hasText() && hits.length > 0) {
      // What the text query matches, over one body field at a time: a field is marked only when
      // it matches the whole query by itself (a stray exact "tu" in OCR noise does not beat the
      // folded "chính quyền điện tử" of a query typed without diacritics). Only the matching
      // query, not the ranking one: a phrase is marked where it occurs, not each syllable of it.
      PerReader cached = perReader(searcher.getIndexReader());
      BodyHighlighter highlighter =
          new BodyHighlighter(
              searcher, analyzer, bodies, cached == null ? null : cached.fieldInfos);
      String[] exact = highlight(highlighter, IndexSchema.BODY, exactBody, parsed, ids);
      int[] rest =
          java.util.stream.IntStream.range(0, ids.length).filter(i -> exact[i] == null).toArray();
      if (rest.length > 0) {
        int[] restIds = java.util.Arrays.stream(rest).map(i -> ids[i]).toArray();
        String[] folded =
            highlight(highlighter, IndexSchema.BODY_FOLDED, foldedBody, parsed, restIds);
        for (int j = 0; j < rest.length; j++) {
          exact[rest[j]] = folded[j];
        }
      }
      System.arraycopy(exact, 0, snippets, 0, ids.length);
    }
    for (int i = 0; i < hits.length; i++) {
      if (snippets[i] == null) {
        snippets[i] = plainSnippet(bodies.get(ids[i]));
      }
    }
    return snippets;
  }

  /** Marked passages of {@code field} per document, or null where nothing was marked. */
  private static String[] highlight(
      BodyHighlighter highlighter,
      String field,
      UserQueryParser parser,
      QueryLanguage.Parsed parsed,
      int[] ids)
      throws IOException {
    Query query = parser.matching(parsed.freeText());
    String[] marked =
        highlighter
            .highlightFields(new String[] {field}, query, ids, new int[] {SNIPPET_PASSAGES})
            .get(field);
    for (int i = 0; i < marked.length; i++) {
      marked[i] = marked[i] != null && marked[i].contains("<mark>") ? marked[i].strip() : null;
    }
    return marked;
  }

  private static String plainSnippet(String body) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    String plain =
        body.length() > PLAIN_SNIPPET_CHARS ? body.substring(0, PLAIN_SNIPPET_CHARS) + "…" : body;
    return escapeHtml(plain.strip());
  }

  /**
   * Highlights {@code body} and {@code body_folded} over the stored {@code body} (the folded field
   * is not stored: both are analysed from the same text, so its offsets fit the body), which the
   * search has read already with the hit's other fields.
   */
  static final class BodyHighlighter extends UnifiedHighlighter {

    /** Text read (and, on an index without offsets, analysed) per hit. */
    private static final int MAX_HIGHLIGHT_CHARS = 50_000;

    private static final DefaultPassageFormatter FORMATTER =
        new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);

    private final Map<Integer, String> bodies;

    BodyHighlighter(
        IndexSearcher searcher,
        Analyzer analyzer,
        Map<Integer, String> bodies,
        FieldInfos fieldInfos) {
      super(
          UnifiedHighlighter.builder(searcher, analyzer)
              .withFormatter(FORMATTER)
              .withMaxLength(MAX_HIGHLIGHT_CHARS)
              .withMaxNoHighlightPassages(0)
              // Sentences of official documents run long (headers have no full stops).
              .withBreakIterator(
                  () ->
                      LengthGoalBreakIterator.createClosestToLength(
                          BreakIterator.getSentenceInstance(Locale.ROOT),
                          SNIPPET_PASSAGE_CHARS,
                          0.5f)));
      this.bodies = bodies;
      this.fieldInfos = fieldInfos; // null: merged on first use
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        String body = bodies.get(doc);
        if (body == null) {
          throw new IllegalStateException("no body read for document " + doc);
        }
        CharSequence[] perField = new CharSequence[fields.length];
        Arrays.fill(
            perField,
            body.length() > MAX_HIGHLIGHT_CHARS ? body.substring(0, MAX_HIGHLIGHT_CHARS) : body);
        values.add(perField);
      }
      return values;
    }
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

  private static Map<String, String> mapOf(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Whether the facet ordinals of {@code field} are ready for the current view (tests). */
  boolean facetsWarmed(String field) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      PerReader cached = perReader.get(searcher.getIndexReader().getReaderCacheHelper().getKey());
      return cached != null && cached.facetStates.containsKey(field);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Sees the latest commit now rather than within a second (for tests and tools). */
  void refreshNow() throws IOException {
    searchers.refreshBlocking();
  }

  /**
   * Keeps {@code searcher} for the cursors of its pages and returns its version. Versions are only
   * unique within one index generation: after a switch to a rebuilt index the kept searchers are
   * dropped (their cursors expire), and a search that straddled the switch gets a cursor that holds
   * while its version is the current one.
   */
  /**
   * Which index {@code reader} reads: from the random id Lucene gives each commit's segment infos,
   * so two indexes (a generation and its rebuild, or an index deleted and written again) differ
   * even where their reader versions are equal.
   */
  static long indexIdentity(IndexReader reader) {
    if (reader instanceof StandardDirectoryReader standard) {
      ByteBuffer id = ByteBuffer.wrap(standard.getSegmentInfos().getId());
      return id.getLong() ^ id.getLong();
    }
    return 0;
  }

  private long keepForCursor(IndexSearcher searcher) throws IOException {
    try {
      return lifetimes.record(searcher);
    } catch (IllegalArgumentException | org.apache.lucene.store.AlreadyClosedException e) {
      return ((DirectoryReader) searcher.getIndexReader()).getVersion();
    }
  }

  private void refreshQuietly() {
    try {
      long generation = searchers.generation();
      searchers.refresh();
      if (searchers.generation() != generation) {
        SearcherLifetimeManager old = lifetimes;
        lifetimes = new SearcherLifetimeManager();
        old.close();
      }
      lifetimes.prune(new SearcherLifetimeManager.PruneByAge(CURSOR_VIEW_SECONDS));
    } catch (IOException | RuntimeException e) {
      log.warn("index refresh failed; still serving the previous view: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    slices.shutdownNow();
    lifetimes.close();
    searchers.close();
  }
}
