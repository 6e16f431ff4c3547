package vn.tracuu.indexer.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import vn.tracuu.analysis.DiacriticFolder;
import vn.tracuu.query.UserQueryParser;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * Ranking evaluation over a statute corpus and questions in the ALQAC formats: every article is one
 * document, every question one query; MRR and recall over the top {@value #K}.
 *
 * <p>Corpus: a JSON array of laws {@code {"id", "articles": [{"id", "text"}]}}. Questions: a JSON
 * array of objects with the question in {@code statement} or {@code text} and the answers in {@code
 * legal_passages} or {@code relevant_articles} ({@code {"law_id", "article_id"}}).
 */
public final class RetrievalEval {

  /** Rank cut-off of the measures. */
  public static final int K = 10;

  private static final String KEY = "eval_key";
  private static final String STOCK_FIELD = "text";

  /** Which analysis and query building to measure. */
  public enum Mode {
    /**
     * tracuu's production chain: records through {@link IndexSchema} (an article's text is the
     * body, its heading line also the title), queries through {@link UserQueryParser#parseRanked},
     * scored with {@link IndexSchema#similarity()}.
     */
    TRACUU,
    /** Stock baseline: StandardAnalyzer, a disjunction of the question's tokens. */
    STANDARD,
    /** Stock baseline: NFC + lowercase + ASCII folding. */
    FOLDED,
    /** Stock baseline: NFC + lowercase + ASCII folding + word bigram shingles. */
    SHINGLES
  }

  /** One question: its text and the keys ({@code law#article}) of the articles that answer it. */
  public record Question(String id, String text, Set<String> relevant) {}

  /** One article of the corpus. */
  public record Article(String key, String law, String text) {}

  /** Per-query outcome: the rank (1-based) of the first relevant hit, 0 when none in the top K. */
  public record Outcome(Question question, int firstRank, int found, List<String> top) {}

  /** The measures, and every outcome for reporting misses. */
  public record Result(double mrr, double recall, List<Outcome> outcomes) {}

  private RetrievalEval() {}

  public static List<Article> readCorpus(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (!root.isArray()) {
      throw new IOException(file + ": expected a JSON array of laws");
    }
    List<Article> out = new ArrayList<>();
    for (JsonNode law : root) {
      String lawId = law.path("id").asText(null);
      JsonNode articles = law.path("articles");
      if (lawId == null || !articles.isArray()) {
        throw new IOException(file + ": a law without \"id\" or \"articles\": " + abbreviate(law));
      }
      for (JsonNode article : articles) {
        out.add(
            new Article(
                key(lawId, article.path("id").asText()), lawId, article.path("text").asText("")));
      }
    }
    return out;
  }

  public static List<Question> readQuestions(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (!root.isArray()) {
      throw new IOException(file + ": expected a JSON array of questions");
    }
    List<Question> out = new ArrayList<>();
    int n = 0;
    for (JsonNode q : root) {
      n++;
      String text = q.has("statement") ? q.path("statement").asText() : q.path("text").asText();
      JsonNode rel =
          q.has("legal_passages") ? q.path("legal_passages") : q.path("relevant_articles");
      if (text.isBlank() || !rel.isArray() || rel.isEmpty()) {
        throw new IOException(
            file + ": question " + n + " lacks a statement/text or its articles: " + abbreviate(q));
      }
      Set<String> keys = new LinkedHashSet<>();
      for (JsonNode r : rel) {
        keys.add(key(r.path("law_id").asText(), r.path("article_id").asText()));
      }
      String id =
          q.has("example_id")
              ? q.path("example_id").asText()
              : q.path("question_id").asText("#" + n);
      out.add(new Question(id, text, keys));
    }
    return out;
  }

  /** Removes diacritics and đ, as a user typing without them would. */
  public static String stripAccents(String text) {
    return DiacriticFolder.fold(Normalizer.normalize(text, Normalizer.Form.NFC));
  }

  public static Result run(
      List<Article> corpus, List<Question> questions, Mode mode, boolean noAccent)
      throws IOException {
    Analyzer analyzer = analyzer(mode);
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (Article a : corpus) {
          writer.addDocument(document(a, mode));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        if (mode == Mode.TRACUU) {
          searcher.setSimilarity(IndexSchema.similarity()); // as the search API does
        }
        UserQueryParser parser = mode == Mode.TRACUU ? new UserQueryParser(analyzer) : null;
        double rr = 0;
        double recall = 0;
        List<Outcome> outcomes = new ArrayList<>();
        for (Question q : questions) {
          String text = noAccent ? stripAccents(q.text()) : q.text();
          Query query = parser != null ? parser.parseRanked(text) : stockQuery(analyzer, text);
          ScoreDoc[] hits = searcher.search(query, K).scoreDocs;
          int first = 0;
          int found = 0;
          List<String> top = new ArrayList<>();
          for (int i = 0; i < hits.length; i++) {
            String key = searcher.storedFields().document(hits[i].doc).get(KEY);
            top.add(key);
            if (q.relevant().contains(key)) {
              found++;
              if (first == 0) {
                first = i + 1;
              }
            }
          }
          rr += first == 0 ? 0 : 1.0 / first;
          recall += (double) found / q.relevant().size();
          outcomes.add(new Outcome(q, first, found, top));
        }
        int n = Math.max(1, questions.size());
        return new Result(rr / n, recall / n, outcomes);
      }
    }
  }

  public static void printMisses(Result result, PrintWriter out) {
    for (Outcome o : result.outcomes()) {
      if (o.firstRank() == 1) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "%s %s: %s | relevant %s | top %s%n",
          o.firstRank() == 0 ? "MISS" : "rank " + o.firstRank(),
          o.question().id(),
          abbreviate(o.question().text()),
          o.question().relevant(),
          o.top().subList(0, Math.min(3, o.top().size())));
    }
  }

  private static Document document(Article a, Mode mode) {
    Document doc;
    if (mode == Mode.TRACUU) {
      // The article's text is the body, as for the stock baselines; its heading line (tên điều)
      // is also its title, as a document's title is.
      String text = a.text().strip();
      int lineBreak = text.indexOf('\n');
      IndexRecord.Builder record =
          IndexRecord.builder(a.key(), Kind.DOCUMENT).source("eval").body(text);
      if (lineBreak > 0) {
        record.title(text.substring(0, lineBreak).strip());
      }
      doc = IndexSchema.toDocument(record.build());
    } else {
      doc = new Document();
      doc.add(new TextField(STOCK_FIELD, a.text(), Field.Store.NO));
    }
    doc.add(new StringField(KEY, a.key(), Field.Store.YES));
    return doc;
  }

  private static Analyzer analyzer(Mode mode) {
    return switch (mode) {
      case TRACUU -> IndexSchema.analyzer();
      case STANDARD -> new StandardAnalyzer();
      case FOLDED -> new StockFoldingAnalyzer(false);
      case SHINGLES -> new StockFoldingAnalyzer(true);
    };
  }

  /** A disjunction of every token of the text (repeats kept), as the baselines were measured. */
  private static Query stockQuery(Analyzer analyzer, String text) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    try (TokenStream ts = analyzer.tokenStream(STOCK_FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && n++ < IndexSearcher.getMaxClauseCount()) {
        b.add(new TermQuery(new Term(STOCK_FIELD, term.toString())), BooleanClause.Occur.SHOULD);
      }
      ts.end();
    }
    return b.build();
  }

  private static String key(String law, String article) {
    return law + "#" + article;
  }

  private static String abbreviate(Object o) {
    String s = String.valueOf(o);
    return s.length() <= 120 ? s : s.substring(0, 117) + "…";
  }

  /** The stock baselines of the issue: NFC, lowercase, ASCII folding, optionally shingles. */
  private static final class StockFoldingAnalyzer extends Analyzer {
    private final boolean shingles;

    StockFoldingAnalyzer(boolean shingles) {
      this.shingles = shingles;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream ts = new NfcFilter(source);
      ts = new LowerCaseFilter(ts);
      ts = new ASCIIFoldingFilter(ts);
      if (shingles) {
        ts = new ShingleFilter(ts, 2, 2);
      }
      return new TokenStreamComponents(source, ts);
    }
  }

  private static final class NfcFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    NfcFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (!Normalizer.isNormalized(term, Normalizer.Form.NFC)) {
        String nfc = Normalizer.normalize(term, Normalizer.Form.NFC);
        term.setEmpty().append(nfc);
      }
      return true;
    }
  }
}
