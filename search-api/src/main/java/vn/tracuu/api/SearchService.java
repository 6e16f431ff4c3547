package vn.tracuu.api;

import java.io.Closeable;
import java.io.IOException;
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
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tracuu.query.UserQueryParser;
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

  /** Stored fields a hit shows: everything but the body, which snippets read themselves. */
  private static final Set<String> HIT_FIELDS =
      Set.of(
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

  private static final Set<String> BODY_ONLY = Set.of(IndexSchema.BODY);

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
  private final Duration budget;

  /** Searchers that cursors point at, kept a while after the index moved on. */
  private volatile SearcherLifetimeManager lifetimes = new SearcherLifetimeManager();

  private final Map<Object, Map<String, StringDocValuesReaderState>> facetStates =
      new ConcurrentHashMap<>();

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
    Query query = filtered(parsed, request, caller);
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
      IndexSearcher searcher = new IndexSearcher(managed.getIndexReader());
      searcher.setSimilarity(IndexSchema.similarity()); // the ranking the evaluation measures
      searcher.setTimeout(new QueryTimeoutImpl(budget.toMillis()));
      ScoreDoc after = cursor == null ? null : cursor.position();
      if (after != null && after.doc >= searcher.getIndexReader().maxDoc()) {
        throw new BadRequestException(
            "parameter 'cursor' is not a cursor of this server: pass next_cursor unchanged");
      }
      FacetsCollectorManager.FacetsResult result;
      try {
        result =
            sort == null
                ? FacetsCollectorManager.searchAfter(
                    searcher, after, query, wanted, new FacetsCollectorManager())
                : FacetsCollectorManager.searchAfter(
                    searcher, after, query, wanted, sort, false, new FacetsCollectorManager());
      } catch (IndexSearcher.TooManyClauses e) {
        // Each word becomes one clause per searched field; Lucene caps the total (1024).
        throw new BadRequestException(
            "parameter 'q': too many words or alternatives for one search; shorten the query");
      }
      boolean partial = searcher.timedOut();
      TopDocs top = result.topDocs();
      ScoreDoc[] pageDocs =
          Arrays.copyOfRange(
              top.scoreDocs, Math.min(top.scoreDocs.length, skipped), top.scoreDocs.length);
      StoredFields stored = searcher.storedFields();
      String[] snippets = snippets(searcher, parsed, pageDocs);
      List<SearchResponse.Hit> hits = new ArrayList<>(pageDocs.length);
      for (int i = 0; i < pageDocs.length; i++) {
        ScoreDoc scoreDoc = pageDocs[i];
        hits.add(
            hit(
                searcher,
                stored.document(scoreDoc.doc, HIT_FIELDS),
                snippets[i],
                scoreDoc,
                caller));
      }
      Map<String, List<SearchResponse.FacetValue>> facets =
          request.facets() ? facets(searcher.getIndexReader(), result.facetsCollector()) : null;
      long total = top.totalHits.value();
      int seen = (cursor == null ? skipped : cursor.seen()) + pageDocs.length;
      String next = null;
      if (pageDocs.length == request.size() && seen < total && !partial) {
        long version = keepForCursor(managed);
        next =
            SearchCursor.after(version, pageDocs[pageDocs.length - 1], seen, fingerprint).encode();
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
   * The searcher a cursor's first page was answered from, while it is kept ({@link
   * #CURSOR_VIEW_SECONDS} after the index moved on), else a clear error: continuing on another
   * version of the index could skip or repeat hits.
   */
  private IndexSearcher pointInTime(SearchCursor cursor) throws IOException {
    IndexSearcher kept = lifetimes.acquire(cursor.version());
    if (kept != null) {
      return kept;
    }
    IndexSearcher current = searchers.acquire();
    if (current.getIndexReader() instanceof DirectoryReader reader
        && reader.getVersion() == cursor.version()) {
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
      stats.put("by_type", counts(searcher.getIndexReader(), collector, IndexSchema.KIND, true));
      stats.put(
          "by_source", counts(searcher.getIndexReader(), collector, IndexSchema.SOURCE, true));
      stats.put("by_year", counts(searcher.getIndexReader(), collector, IndexSchema.YEAR, true));
      if (managed.getIndexReader() instanceof DirectoryReader reader) {
        Map<String, String> userData = reader.getIndexCommit().getUserData();
        stats.put("schema_version", userData.get("schema_version"));
        stats.put("committed_at", userData.get("committed_at"));
      }
      return stats;
    } finally {
      searchers.release(managed);
    }
  }

  private Query filtered(QueryLanguage.Parsed parsed, SearchRequest request, Caller caller) {
    BooleanQuery.Builder query =
        new BooleanQuery.Builder().add(parsed.text(), BooleanClause.Occur.MUST);
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

  private Map<String, List<SearchResponse.FacetValue>> facets(
      IndexReader reader, FacetsCollector collector) throws IOException {
    Map<String, List<SearchResponse.FacetValue>> facets = new LinkedHashMap<>();
    for (Map.Entry<String, String> dim : FACETS.entrySet()) {
      boolean all = dim.getKey().equals("type") || dim.getKey().equals("year");
      List<SearchResponse.FacetValue> values = new ArrayList<>();
      counts(reader, collector, dim.getValue(), all)
          .forEach((value, count) -> values.add(new SearchResponse.FacetValue(value, count)));
      facets.put(dim.getKey(), values);
    }
    return facets;
  }

  /** Value → count for {@code field} over the collected hits: all values, or the top ten. */
  private Map<String, Long> counts(
      IndexReader reader, FacetsCollector collector, String field, boolean all) throws IOException {
    StringDocValuesReaderState state = facetState(reader, field);
    StringValueFacetCounts counts = new StringValueFacetCounts(state, collector);
    FacetResult result =
        all ? counts.getAllChildren(field) : counts.getTopChildren(FACET_TOP, field);
    Map<String, Long> out = new LinkedHashMap<>();
    if (result == null) {
      return out;
    }
    LabelAndValue[] values = result.labelValues.clone();
    if (all) {
      Arrays.sort(values, (a, b) -> a.label.compareTo(b.label));
    }
    for (LabelAndValue value : values) {
      if (value.value.longValue() > 0) {
        out.put(value.label, value.value.longValue());
      }
    }
    return out;
  }

  /**
   * Per-reader facet ordinals: built once per index version (costly on a big index), then reused.
   */
  private StringDocValuesReaderState facetState(IndexReader reader, String field)
      throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return new StringDocValuesReaderState(reader, field);
    }
    Map<String, StringDocValuesReaderState> states =
        facetStates.computeIfAbsent(
            helper.getKey(),
            key -> {
              helper.addClosedListener(facetStates::remove);
              return new ConcurrentHashMap<>();
            });
    StringDocValuesReaderState state = states.get(field);
    if (state == null) {
      state = new StringDocValuesReaderState(reader, field);
      states.put(field, state);
    }
    return state;
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
   * A body without matches (the hit matched its title) starts the snippet plainly.
   */
  private String[] snippets(IndexSearcher searcher, QueryLanguage.Parsed parsed, ScoreDoc[] docs)
      throws IOException {
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    String[] snippets = new String[docs.length];
    if (parsed.hasText() && docs.length > 0) {
      // The text query again, over one body field at a time: a field is marked only when it
      // matches the whole query by itself (a stray exact "tu" in OCR noise does not beat the
      // folded "chính quyền điện tử" of a query typed without diacritics).
      BodyHighlighter highlighter = new BodyHighlighter(searcher, analyzer);
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
    StoredFields stored = null;
    for (int i = 0; i < docs.length; i++) {
      if (snippets[i] == null) {
        if (stored == null) {
          stored = searcher.storedFields();
        }
        snippets[i] = plainSnippet(stored.document(ids[i], BODY_ONLY).get(IndexSchema.BODY));
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
    Query query = parser.parse(parsed.freeText());
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
   * is not stored: both are analysed from the same text, so its offsets fit the body).
   */
  static final class BodyHighlighter extends UnifiedHighlighter {

    private static final DefaultPassageFormatter FORMATTER =
        new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);

    BodyHighlighter(IndexSearcher searcher, Analyzer analyzer) {
      super(
          UnifiedHighlighter.builder(searcher, analyzer)
              .withFormatter(FORMATTER)
              // Bounds the text read (and, on an index without offsets, analysed) per hit.
              .withMaxLength(50_000)
              .withMaxNoHighlightPassages(0)
              // Sentences of official documents run long (headers have no full stops).
              .withBreakIterator(
                  () ->
                      LengthGoalBreakIterator.createClosestToLength(
                          BreakIterator.getSentenceInstance(Locale.ROOT),
                          SNIPPET_PASSAGE_CHARS,
                          0.5f)));
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> bodies =
          super.loadFieldValues(new String[] {IndexSchema.BODY}, docIter, cacheCharsThreshold);
      List<CharSequence[]> values = new ArrayList<>(bodies.size());
      for (CharSequence[] body : bodies) {
        CharSequence[] perField = new CharSequence[fields.length];
        Arrays.fill(perField, body[0]);
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
      var states = facetStates.get(searcher.getIndexReader().getReaderCacheHelper().getKey());
      return states != null && states.containsKey(field);
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
    lifetimes.close();
    searchers.close();
  }
}
