package vn.tracuu.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.tracuu.analysis.VietnameseTokenizer;
import vn.tracuu.schema.IndexSchema;

/**
 * Turns what a user typed into a Lucene query over the schema's text fields. One scoring for every
 * search: the API's {@link #parse} and the ranking evaluation's {@link #parseRanked} rank with the
 * same {@linkplain #ranking ranking query}.
 *
 * <p>Matching ({@link #parse}) is Lucene's {@link SimpleQueryParser}, which is made for user input
 * and never throws: words (all required), "phrases", -exclusion, {@code |} or OR, and parentheses.
 * Wildcards, fuzzy and proximity operators are off, so no query expands into unbounded term lists.
 *
 * <p>Ranking: every token of the text, in each form (exact and folded), is one BM25F query over
 * that form's fields ({@link CombinedFieldQuery}: title and body scored as one field, a title
 * occurrence weighing {@link IndexSchema#TITLE_WEIGHT} body occurrences); the folded form's score
 * weighs {@link IndexSchema#FOLDED_WEIGHT} of the exact one. Question words ({@link QuestionWords})
 * are left out of the ranking, not out of matching.
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

  /**
   * Tokens per form a ranked question keeps; each costs one clause per field, so two forms of two
   * fields stay under Lucene's clause limit (1,024).
   */
  static final int MAX_RANKED_TOKENS = 240;

  /** Tokens per form the ranking part of {@link #parse} keeps, beside its matching clauses. */
  static final int MAX_PARSE_RANKING_TOKENS = 60;

  /** Phrases per form a ranked question adds (one clause each). */
  static final int MAX_RANKED_PHRASES = 150;

  /** Phrases per form the ranking part of {@link #parse} adds. */
  static final int MAX_PARSE_RANKING_PHRASES = 30;

  /** Lengths in syllables of the phrase boosts (shorter runs are the indexed syllable pairs). */
  static final int MIN_PHRASE = 3;

  static final int MAX_PHRASE = 6;

  /**
   * Weight of the phrase boosts of each form. Equal for both forms: word order is as telling
   * without diacritics, and a folded run of three syllables is nearly as specific as an accented
   * one.
   */
  static final float PHRASE_WEIGHT = 0.25f;

  /** Operators of {@link #parse} and excluded words, taken out of the text before ranking it. */
  private static final Pattern EXCLUDED_WORD = Pattern.compile("(?<![^\\s(|])-\\S+");

  private static final Pattern OPERATOR_CHARS = Pattern.compile("[\"()|+\\\\~*]|(?<=\\s)OR(?=\\s)");

  private final Analyzer analyzer;
  private final Map<String, Float> weights;
  private final List<Form> forms;

  /** One form of the text (exact or folded): its fields, scored together, and its weight. */
  private record Form(boolean folded, float weight, Map<String, Float> fieldWeights) {
    String analysisField() {
      return fieldWeights.keySet().iterator().next();
    }

    /** The lightest field (the body): phrases are looked for there. */
    String phraseField() {
      String lightest = null;
      for (Map.Entry<String, Float> e : fieldWeights.entrySet()) {
        if (lightest == null || e.getValue() < fieldWeights.get(lightest)) {
          lightest = e.getKey();
        }
      }
      return lightest;
    }
  }

  /** Tokens of a text, repeats kept, and its syllables in order (one per position). */
  private record Analysis(List<String> tokens, List<String> syllables) {}

  public UserQueryParser(Analyzer analyzer) {
    this(analyzer, IndexSchema.queryFieldWeights());
  }

  /**
   * @param weights the fields to search and their weights; fields of one form (exact, or {@link
   *     IndexSchema#isFolded folded}) are scored together, each relative to the lightest field of
   *     its form, and the lightest field's weight is the form's weight. All fields of one form must
   *     share one analyzer.
   */
  public UserQueryParser(Analyzer analyzer, Map<String, Float> weights) {
    this.analyzer = analyzer;
    this.weights = Map.copyOf(weights);
    List<Form> forms = new ArrayList<>();
    for (boolean folded : new boolean[] {false, true}) {
      float lightest = Float.MAX_VALUE;
      for (Map.Entry<String, Float> e : weights.entrySet()) {
        if (IndexSchema.isFolded(e.getKey()) == folded) {
          if (!(e.getValue() > 0)) {
            throw new IllegalArgumentException("field weights must be positive: " + weights);
          }
          lightest = Math.min(lightest, e.getValue());
        }
      }
      if (lightest == Float.MAX_VALUE) {
        continue;
      }
      Map<String, Float> relative = new LinkedHashMap<>();
      // Sorted, so the query (and its analysis field) does not depend on map order.
      for (String field : weights.keySet().stream().sorted().toList()) {
        if (IndexSchema.isFolded(field) == folded) {
          relative.put(field, weights.get(field) / lightest);
        }
      }
      forms.add(new Form(folded, lightest, relative));
    }
    this.forms = List.copyOf(forms);
  }

  /**
   * Parses {@code text}: the operators decide which records match, the {@linkplain #ranking
   * ranking} of its words orders them. Blank text matches everything (a date-only search).
   *
   * @throws IllegalArgumentException when the query is longer than {@link #MAX_QUERY_LENGTH}
   */
  public Query parse(String text) {
    return parts(text).query();
  }

  /**
   * The two parts of a parsed text: what decides which records match, and what ranks them.
   *
   * @param matching what the operators and words require ({@link #matching})
   * @param ranking the ranking query of the words, or null when they have no token
   */
  public record Parts(Query matching, Query ranking) {
    /**
     * The query {@link #parse} returns: {@code matching} as a filter (it adds nothing to the
     * score), {@code ranking} optional beside it; {@code matching} alone, scored, without ranking.
     */
    public Query query() {
      if (ranking == null) {
        return matching;
      }
      return new BooleanQuery.Builder()
          .add(matching, BooleanClause.Occur.FILTER)
          .add(ranking, BooleanClause.Occur.SHOULD)
          .build();
    }
  }

  /**
   * {@link #parse} in its two parts, for searches that count matches apart from ranking them.
   *
   * @throws IllegalArgumentException when the query is longer than {@link #MAX_QUERY_LENGTH}
   */
  public Parts parts(String text) {
    if (text == null || text.isBlank()) {
      return new Parts(new MatchAllDocsQuery(), null);
    }
    Query match = matching(text);
    if (match instanceof MatchNoDocsQuery) {
      return new Parts(match, null);
    }
    String words =
        OPERATOR_CHARS.matcher(EXCLUDED_WORD.matcher(text).replaceAll(" ")).replaceAll(" ");
    return new Parts(match, ranking(words, MAX_PARSE_RANKING_TOKENS, MAX_PARSE_RANKING_PHRASES));
  }

  /**
   * What decides which records match {@code text} in {@link #parse}, without its ranking: the
   * words, phrases and operators as typed. Highlighting marks what this query matches, so a quoted
   * phrase is marked where the phrase occurs, not wherever one of its syllables does.
   *
   * @throws IllegalArgumentException when the query is longer than {@link #MAX_QUERY_LENGTH}
   */
  public Query matching(String text) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    checkLength(text);
    // " OR " is what people type; SimpleQueryParser spells it "|".
    String normalized = text.replaceAll("(?<=\\s)OR(?=\\s)", "|");
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights, OPERATORS);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    Query match = parser.parse(normalized);
    // Null: only operators or stop characters, nothing to search for.
    return match == null ? new MatchNoDocsQuery("no searchable words") : pairPhrases(match);
  }

  /**
   * {@code query} with each phrase over syllables and their pairs (what the analyzer gives a quoted
   * phrase: {@code "thành (thành_phố phố)"}) as the indexed pairs alone: a two-syllable phrase is
   * one term ({@code thành_phố}), a longer one a phrase of its pairs ({@code "chính_quyền
   * quyền_điện điện_tử"}). A pair is far rarer than either of its syllables and needs no position
   * check, so this is the cheapest way to find the phrase. Pairs are indexed within a run of words
   * only, so a phrase no longer matches across punctuation ("thành. Phố" is not "thành phố"); a
   * quoted text whose syllables are not all paired (a number, a comma inside the quotes) stays a
   * phrase of its syllables, which matches what the union did.
   */
  static Query pairPhrases(Query query) {
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        b.add(pairPhrases(clause.query()), clause.occur());
      }
      return b.build();
    }
    if (query instanceof BoostQuery boost) {
      return new BoostQuery(pairPhrases(boost.getQuery()), boost.getBoost());
    }
    if (query instanceof MultiPhraseQuery multi) {
      Term[][] terms = multi.getTermArrays();
      int[] positions = multi.getPositions();
      Term[] syllables = new Term[terms.length];
      for (int i = 0; i < terms.length; i++) {
        for (Term t : terms[i]) {
          if (t.text().indexOf(VietnameseTokenizer.JOINER) < 0) {
            if (syllables[i] != null) {
              return query; // two alternatives that are not pairs (a unit and its part)
            }
            syllables[i] = t;
          }
        }
        if (syllables[i] == null) {
          return query;
        }
      }
      Term[] pairs = multi.getSlop() == 0 ? pairs(terms, positions, syllables) : null;
      if (pairs != null && pairs.length == 1) {
        return new TermQuery(pairs[0]);
      }
      PhraseQuery.Builder phrase = new PhraseQuery.Builder();
      phrase.setSlop(multi.getSlop());
      for (int i = 0; i < (pairs != null ? pairs.length : syllables.length); i++) {
        phrase.add(pairs != null ? pairs[i] : syllables[i], positions[pairs != null ? i + 1 : i]);
      }
      return phrase.build();
    }
    return query;
  }

  /** The pair at each position after the first, or null when one is missing. */
  private static Term[] pairs(Term[][] terms, int[] positions, Term[] syllables) {
    if (terms.length < 2) {
      return null;
    }
    Term[] pairs = new Term[terms.length - 1];
    for (int i = 1; i < terms.length; i++) {
      if (positions[i] != positions[i - 1] + 1) {
        return null;
      }
      String pair = syllables[i - 1].text() + VietnameseTokenizer.JOINER + syllables[i].text();
      for (Term t : terms[i]) {
        if (t.text().equals(pair)) {
          pairs[i - 1] = t;
        }
      }
      if (pairs[i - 1] == null) {
        return null;
      }
    }
    return pairs;
  }

  /**
   * A ranked "any of these words" query for natural-language questions ("người nghiện ma túy bị xử
   * lý thế nào"): the {@linkplain #ranking ranking query} alone, so documents are ordered by how
   * much of the question they share rather than filtered to those containing every word. Operators
   * are not interpreted.
   *
   * @throws IllegalArgumentException when the query is longer than {@link #MAX_QUERY_LENGTH}
   */
  public Query parseRanked(String text) {
    if (text == null || text.isBlank()) {
      return new MatchNoDocsQuery("no searchable words");
    }
    checkLength(text);
    Query ranking = ranking(text, MAX_RANKED_TOKENS, MAX_RANKED_PHRASES);
    return ranking == null ? new MatchNoDocsQuery("no searchable words") : ranking;
  }

  /**
   * The ranking query of {@code text}, or null when it has no token: per form, one optional BM25F
   * clause per token (repeats kept: a word asked twice counts twice), question words left out
   * unless nothing else is left; and phrase boosts, every run of {@value #MIN_PHRASE} to {@value
   * #MAX_PHRASE} syllables of the text as an optional phrase in the body (the syllable pairs are
   * indexed already), so that text sharing the question's wording ranks above text sharing its
   * words in another order (measured on ALQAC: README, "Ranking decisions").
   */
  Query ranking(String text, int maxTokens, int maxPhrases) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean any = false;
    for (Form form : forms) {
      Analysis analysis = analyze(form.analysisField(), text);
      List<String> tokens = analysis.tokens();
      List<String> kept = new ArrayList<>(tokens.size());
      for (String token : tokens) {
        if (!isQuestionWord(token, form.folded())) {
          kept.add(token);
        }
      }
      if (kept.isEmpty()) {
        kept = tokens; // "là gì": better question words than nothing
      }
      if (kept.isEmpty()) {
        continue;
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (String token : kept.subList(0, Math.min(maxTokens, kept.size()))) {
        CombinedFieldQuery.Builder q = new CombinedFieldQuery.Builder(token);
        form.fieldWeights().forEach(q::addField);
        b.add(q.build(), BooleanClause.Occur.SHOULD);
      }
      all.add(new BoostQuery(b.build(), form.weight()), BooleanClause.Occur.SHOULD);
      any = true;
      Query phrases = phrases(form, analysis.syllables(), maxPhrases);
      if (phrases != null) {
        all.add(new BoostQuery(phrases, PHRASE_WEIGHT), BooleanClause.Occur.SHOULD);
      }
    }
    if (!any) {
      return null;
    }
    return TitleMentionQuery.of(all.build(), text);
  }

  private static Query phrases(Form form, List<String> syllables, int max) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    for (int length = MIN_PHRASE; length <= MAX_PHRASE; length++) {
      for (int i = 0; i + length <= syllables.size() && n < max; i++) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        boolean onlyQuestionWords = true;
        for (int k = 0; k < length; k++) {
          String syllable = syllables.get(i + k);
          phrase.add(new Term(form.phraseField(), syllable), k);
          onlyQuestionWords &= isQuestionWord(syllable, form.folded());
        }
        if (!onlyQuestionWords) {
          b.add(phrase.build(), BooleanClause.Occur.SHOULD);
          n++;
        }
      }
    }
    return n == 0 ? null : b.build();
  }

  /**
   * A syllable that is a question word, or a pair of them ({@code đúng_hay}, {@code bao_nhiêu}); a
   * pair with one content syllable ({@code sau_cai}) carries meaning and stays.
   */
  private static boolean isQuestionWord(String token, boolean folded) {
    Set<String> words = folded ? QuestionWords.FOLDED : QuestionWords.EXACT;
    int joiner = token.indexOf(VietnameseTokenizer.JOINER);
    if (joiner < 0) {
      return words.contains(token);
    }
    if (token.indexOf(VietnameseTokenizer.JOINER, joiner + 1) >= 0) {
      return false;
    }
    return words.contains(token.substring(0, joiner))
        && words.contains(token.substring(joiner + 1));
  }

  private Analysis analyze(String field, String text) {
    List<String> out = new ArrayList<>();
    List<String> syllables = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      int syllablePosition = -1;
      while (ts.incrementToken()) {
        String t = term.toString();
        out.add(t);
        position += increment.getPositionIncrement();
        // A position holds a pair, a longer word, then the syllable (or a unit, then its parts).
        if (position != syllablePosition && t.indexOf(VietnameseTokenizer.JOINER) < 0) {
          syllables.add(t);
          syllablePosition = position;
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysis of a String does no I/O
    }
    return new Analysis(out, syllables);
  }

  private static void checkLength(String text) {
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException(
          "query too long: " + text.length() + " characters, at most " + MAX_QUERY_LENGTH);
    }
  }
}
