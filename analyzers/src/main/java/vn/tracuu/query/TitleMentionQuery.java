package vn.tracuu.query;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import vn.tracuu.analysis.VietnameseTokenizer;
import vn.tracuu.schema.IndexSchema;

/**
 * A ranking that prefers the records whose whole title the text contains. A question that names an
 * article's heading ("Trách nhiệm của Bộ Y tế trong việc phòng, chống ma túy là gì? Trả lời: …") is
 * about that article, even when the rest of it quotes a neighbouring one; a query that repeats a
 * mail's subject or a decision's title asks for that record.
 *
 * <p>Every run of {@value IndexSchema#TITLE_KEY_MIN_WORDS} to {@value
 * IndexSchema#TITLE_KEY_MAX_WORDS} words of the text is a candidate {@link IndexSchema#TITLE_KEY}.
 * Rewriting looks each up; the ranking score of a record that has one is multiplied by {@code 1 +
 * }{@value #WEIGHT}{@code / n}, where n is the number of records that have the title's words as
 * their title or as a phrase in their text. A title no other record says (n = 1) names its record;
 * words that many records say ("chấm dứt hợp đồng", "hệ thống giáo dục quốc dân", the subject of a
 * long thread) name none of them in particular, and each gains little. Multiplying rather than
 * adding keeps the effect the same for short and long questions, with and without diacritics. When
 * no record has any of the candidates, the rewritten query is the ranking itself, at no cost.
 */
final class TitleMentionQuery extends Query {

  /**
   * Raise of a record whose title the text contains and no other record says: its score times 1 +
   * this. Measured on ALQAC (README, "Ranking decisions"): 3 to 8 score alike.
   */
  static final float WEIGHT = 4f;

  /** At most this many titles found count; more would only be titles nested in each other. */
  static final int MAX_TITLES = 16;

  private final Query ranking;
  private final List<String> keys;

  private TitleMentionQuery(Query ranking, List<String> keys) {
    this.ranking = ranking;
    this.keys = keys;
  }

  /**
   * {@code ranking} preferring the records whose title {@code text} contains, or {@code ranking}
   * itself when the text is shorter than any title key.
   */
  static Query of(Query ranking, String text) {
    List<String> words = IndexSchema.keyWords(text);
    Set<String> keys = new LinkedHashSet<>();
    for (int length = IndexSchema.TITLE_KEY_MIN_WORDS;
        length <= IndexSchema.TITLE_KEY_MAX_WORDS;
        length++) {
      for (int i = 0; i + length <= words.size(); i++) {
        keys.add(String.join(" ", words.subList(i, i + length)));
      }
    }
    return keys.isEmpty() ? ranking : new TitleMentionQuery(ranking, List.copyOf(keys));
  }

  /** The ranking this query multiplies. */
  Query ranking() {
    return ranking;
  }

  /** The candidate keys, shortest first. */
  List<String> keys() {
    return keys;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    BooleanQuery.Builder found = new BooleanQuery.Builder();
    int n = 0;
    for (String key : keys) {
      Term term = new Term(IndexSchema.TITLE_KEY, key);
      if (reader.docFreq(term) == 0) {
        continue;
      }
      found.add(
          new BoostQuery(new ConstantScoreQuery(new TermQuery(term)), specificity(searcher, term)),
          BooleanClause.Occur.SHOULD);
      if (++n == MAX_TITLES) {
        break;
      }
    }
    if (n == 0) {
      return ranking;
    }
    return FunctionScoreQuery.boostByValue(
        ranking, new OnePlus(DoubleValuesSource.fromQuery(found.build()), WEIGHT));
  }

  /** 1 / the number of records that have the key's words as their title or in their text. */
  private static float specificity(IndexSearcher searcher, Term key) throws IOException {
    Query titleOrText =
        new BooleanQuery.Builder()
            .add(new TermQuery(key), BooleanClause.Occur.SHOULD)
            .add(
                phrase(searcher.getIndexReader(), key.text().split(" ")),
                BooleanClause.Occur.SHOULD)
            .build();
    return 1f / Math.max(1, searcher.count(titleOrText));
  }

  /**
   * The words as a phrase of the folded body: of their indexed pairs ({@code ke_hoach
   * hoach_trien}), which are far rarer than the syllables and need fewer positions read, or of the
   * syllables when a pair is not indexed (numbers, codes).
   */
  private static Query phrase(IndexReader reader, String[] words) throws IOException {
    PhraseQuery.Builder pairs = new PhraseQuery.Builder();
    for (int i = 1; i < words.length; i++) {
      Term pair =
          new Term(IndexSchema.BODY_FOLDED, words[i - 1] + VietnameseTokenizer.JOINER + words[i]);
      if (reader.docFreq(pair) == 0) {
        return new PhraseQuery(IndexSchema.BODY_FOLDED, words);
      }
      pairs.add(pair);
    }
    return pairs.build();
  }

  @Override
  public void visit(QueryVisitor visitor) {
    ranking.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "titleMention(" + ranking.toString(field) + ", " + keys.size() + " runs)";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && ranking.equals(((TitleMentionQuery) other).ranking)
        && keys.equals(((TitleMentionQuery) other).keys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), ranking, keys);
  }

  /** 1 + weight × the score of a query, 1 where it does not match. */
  private static final class OnePlus extends DoubleValuesSource {
    private final DoubleValuesSource query;
    private final double weight;

    OnePlus(DoubleValuesSource query, double weight) {
      this.query = query;
      this.weight = weight;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      DoubleValues in = query.getValues(ctx, null);
      return new DoubleValues() {
        double value;

        @Override
        public double doubleValue() {
          return value;
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          value = 1 + (in.advanceExact(doc) ? weight * in.doubleValue() : 0);
          return true;
        }
      };
    }

    @Override
    public boolean needsScores() {
      return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) throws IOException {
      return new OnePlus(query.rewrite(searcher), weight);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false;
    }

    @Override
    public String toString() {
      return "1+" + weight + "*" + query;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OnePlus b && b.query.equals(query) && b.weight == weight;
    }

    @Override
    public int hashCode() {
      return Objects.hash(query, weight);
    }
  }
}
