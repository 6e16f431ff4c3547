package vn.tracuu.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.tracuu.schema.IndexSchema;

/**
 * Turns what a user typed into a Lucene query over the schema's text fields.
 *
 * <p>Built on Lucene's {@link SimpleQueryParser}, which is made for user input and never throws:
 * words (all required), "phrases", -exclusion, {@code |} or OR, and parentheses. Wildcards, fuzzy
 * and proximity operators are off, so no query expands into unbounded term lists. Each word is
 * searched in the exact and folded forms of title and body, weighted by {@link
 * IndexSchema#queryFieldWeights()}.
 */
public final class UserQueryParser {

  /** Longest query accepted; longer input is a client error, not something to truncate. */
  public static final int MAX_QUERY_LENGTH = 1_000;

  private static final int OPERATORS =
      SimpleQueryParser.AND_OPERATOR
          | SimpleQueryParser.NOT_OPERATOR
          | SimpleQueryParser.OR_OPERATOR
          | SimpleQueryParser.PHRASE_OPERATOR
          | SimpleQueryParser.PRECEDENCE_OPERATORS
          | SimpleQueryParser.ESCAPE_OPERATOR
          | SimpleQueryParser.WHITESPACE_OPERATOR;

  /** Tokens per field a ranked query keeps, so four fields stay under Lucene's clause limit. */
  static final int MAX_RANKED_TOKENS = 240;

  private final Analyzer analyzer;
  private final Map<String, Float> weights;

  public UserQueryParser(Analyzer analyzer) {
    this(analyzer, IndexSchema.queryFieldWeights());
  }

  public UserQueryParser(Analyzer analyzer, Map<String, Float> weights) {
    this.analyzer = analyzer;
    this.weights = Map.copyOf(weights);
  }

  /**
   * Parses {@code text}; blank text matches everything (a date-only search).
   *
   * @throws IllegalArgumentException when the query is longer than {@link #MAX_QUERY_LENGTH}
   */
  public Query parse(String text) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException(
          "query too long: " + text.length() + " characters, at most " + MAX_QUERY_LENGTH);
    }
    // " OR " is what people type; SimpleQueryParser spells it "|".
    String normalized = text.replaceAll("(?<=\\s)OR(?=\\s)", "|");
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights, OPERATORS);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    Query query = parser.parse(normalized);
    // Only operators or stop characters: nothing to search for.
    return query == null ? new MatchNoDocsQuery("no searchable words") : query;
  }

  /**
   * A ranked "any of these words" query for natural-language questions ("người nghiện ma túy bị xử
   * lý thế nào"): every token of every query field is an optional clause, repeats kept, so
   * documents are ordered by how much of the question they share (BM25) rather than filtered to
   * those containing every word. Operators are not interpreted.
   *
   * @throws IllegalArgumentException when the query is longer than {@link #MAX_QUERY_LENGTH}
   */
  public Query parseRanked(String text) {
    if (text == null || text.isBlank()) {
      return new MatchNoDocsQuery("no searchable words");
    }
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException(
          "query too long: " + text.length() + " characters, at most " + MAX_QUERY_LENGTH);
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean any = false;
    for (Map.Entry<String, Float> field : weights.entrySet()) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      int n = 0;
      try (TokenStream ts = analyzer.tokenStream(field.getKey(), text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken() && n < MAX_RANKED_TOKENS) {
          b.add(
              new TermQuery(new Term(field.getKey(), term.toString())), BooleanClause.Occur.SHOULD);
          n++;
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // analysis of a String does no I/O
      }
      if (n > 0) {
        all.add(new BoostQuery(b.build(), field.getValue()), BooleanClause.Occur.SHOULD);
        any = true;
      }
    }
    return any ? all.build() : new MatchNoDocsQuery("no searchable words");
  }
}
