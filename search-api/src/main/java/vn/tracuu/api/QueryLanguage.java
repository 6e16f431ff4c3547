package vn.tracuu.api;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import vn.tracuu.dates.VietnameseDates;
import vn.tracuu.query.UserQueryParser;
import vn.tracuu.schema.IndexSchema;

/**
 * The search box language on top of {@link UserQueryParser}: field prefixes ({@code from:}, {@code
 * to:}, {@code subject:}, {@code số:}/{@code so:}, {@code loai:}, {@code ngay:}) and Vietnamese
 * date expressions typed into the query ("ngày 19/8/2019", "tháng 8/2019", "năm 2019") are taken
 * out of the text and become filters; what remains is free text for {@link UserQueryParser}.
 *
 * <p>Prefixed terms always narrow the search (they are AND-ed with everything else, {@code -from:x}
 * excludes), also when written inside parentheses; dates typed into the query are OR-ed with each
 * other ("ngày 19/8/2019 ngày 20/8/2019" is either day).
 */
public final class QueryLanguage {

  /** An inclusive range of Vietnamese days as {@code yyyymmdd}. */
  public record DayRange(int from, int to) {
    static DayRange of(LocalDate from, LocalDate to) {
      return new DayRange(IndexSchema.day(from), IndexSchema.day(to));
    }
  }

  /**
   * What the query says.
   *
   * @param text the free-text query (match-all when only filters were typed): {@code
   *     textParts.query()}
   * @param textParts what decides the matches of the free text, and what ranks them
   * @param hasText whether any free text was typed (relevance ranking makes sense)
   * @param filters clauses every hit must match
   * @param exclusions clauses no hit may match
   * @param days date expressions found in the text: a hit must fall in one of them (none: no limit)
   * @param freeText what remains of the input as free text ("" when none)
   */
  public record Parsed(
      Query text,
      UserQueryParser.Parts textParts,
      boolean hasText,
      List<Query> filters,
      List<Query> exclusions,
      List<DayRange> days,
      String freeText) {}

  private static final Pattern PREFIXED =
      Pattern.compile(
          "(?<![^\\s(])(-?)(from|to|subject|số|so|loai|loại|ngay|ngày):"
              + "(\"[^\"]*\"?|[^\\s()\"]+)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern DAY_WORD =
      Pattern.compile("(?:ngày|ngay)\\s+$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern MONTH =
      Pattern.compile(
          "(?<!\\S)(?:tháng|thang)\\s+(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+(?:năm|nam)\\s+)(\\d{4})(?!\\d)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern YEAR =
      Pattern.compile(
          "(?<!\\S)(?:năm|nam)\\s+(\\d{4})(?!\\d)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern MONTH_VALUE =
      Pattern.compile("(\\d{1,2})[/.-](\\d{4})|(\\d{4})-(\\d{1,2})");
  private static final Pattern YEAR_VALUE = Pattern.compile("\\d{4}");

  private final Analyzer analyzer;
  private final UserQueryParser textParser;
  private final UserQueryParser subjectParser;
  private final QueryBuilder phrases;

  public QueryLanguage(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.textParser = new UserQueryParser(analyzer);
    this.subjectParser =
        new UserQueryParser(analyzer, Map.of(IndexSchema.TITLE, 4f, IndexSchema.TITLE_FOLDED, 2f));
    this.phrases = new QueryBuilder(analyzer);
  }

  /**
   * Parses what the user typed.
   *
   * @throws BadRequestException when a prefix has no usable value, a date is impossible, or the
   *     query is too long
   */
  public Parsed parse(String input) {
    String q = input == null ? "" : Normalizer.normalize(input, Normalizer.Form.NFC);
    if (q.length() > UserQueryParser.MAX_QUERY_LENGTH) {
      throw new BadRequestException(
          "parameter 'q': query too long: "
              + q.length()
              + " characters, at most "
              + UserQueryParser.MAX_QUERY_LENGTH);
    }
    List<Query> filters = new ArrayList<>();
    List<Query> exclusions = new ArrayList<>();
    List<DayRange> days = new ArrayList<>();
    StringBuilder rest = new StringBuilder(q);

    Matcher m = PREFIXED.matcher(q);
    while (m.find()) {
      boolean exclude = !m.group(1).isEmpty();
      String field = m.group(2).toLowerCase(Locale.ROOT);
      String value = m.group(3);
      blank(rest, m.start(), m.end());
      if (field.startsWith("ng")) {
        DayRange range = dateValue(unquote(value));
        if (exclude) {
          exclusions.add(IndexQueries.days(range));
        } else {
          filters.add(IndexQueries.days(range));
        }
        continue;
      }
      Query query = prefixed(field, value);
      (exclude ? exclusions : filters).add(query);
    }

    String remaining = rest.toString();
    for (VietnameseDates.Found found : VietnameseDates.findAll(remaining)) {
      int start = found.start();
      Matcher word = DAY_WORD.matcher(remaining.substring(Math.max(0, start - 6), start));
      if (word.find()) {
        start -= word.group().length();
      }
      blank(rest, start, found.end());
      days.add(DayRange.of(found.date(), found.date()));
    }
    remaining = rest.toString();
    Matcher month = MONTH.matcher(remaining);
    while (month.find()) {
      YearMonth ym = yearMonth(month.group(2), month.group(1), month.group());
      blank(rest, month.start(), month.end());
      days.add(DayRange.of(ym.atDay(1), ym.atEndOfMonth()));
    }
    remaining = rest.toString();
    Matcher year = YEAR.matcher(remaining);
    while (year.find()) {
      int y = Integer.parseInt(year.group(1));
      blank(rest, year.start(), year.end());
      days.add(new DayRange(y * 10000 + 101, y * 10000 + 1231));
    }

    String text = rest.toString().strip();
    boolean hasText = !text.isBlank() && text.codePoints().anyMatch(Character::isLetterOrDigit);
    UserQueryParser.Parts parts;
    try {
      parts = textParser.parts(hasText ? text : "");
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("parameter 'q': " + e.getMessage());
    }
    return new Parsed(
        parts.query(), parts, hasText, filters, exclusions, days, hasText ? text : "");
  }

  /** The day range of a date value: a day, a month (8/2019, 2019-08) or a year (2019). */
  static DayRange dateValue(String value) {
    String v = value.strip();
    if (YEAR_VALUE.matcher(v).matches()) {
      int y = Integer.parseInt(v);
      return new DayRange(y * 10000 + 101, y * 10000 + 1231);
    }
    Matcher month = MONTH_VALUE.matcher(v);
    if (month.matches()) {
      YearMonth ym =
          month.group(1) != null
              ? yearMonth(month.group(2), month.group(1), v)
              : yearMonth(month.group(3), month.group(4), v);
      return DayRange.of(ym.atDay(1), ym.atEndOfMonth());
    }
    try {
      LocalDate day = VietnameseDates.parse(v);
      return DayRange.of(day, day);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("ngay: " + e.getMessage() + " (or M/YYYY, or YYYY)");
    }
  }

  private Query prefixed(String field, String rawValue) {
    String value = unquote(rawValue);
    if (value.isBlank()) {
      throw new BadRequestException("'" + field + ":' needs a value, e.g. " + field + ":\"…\"");
    }
    return switch (field) {
      case "from" -> phrase(IndexSchema.SENDER_TEXT, field, value);
      case "to" -> phrase(IndexSchema.RECIPIENTS_TEXT, field, value);
      case "loai", "loại" -> phrase(IndexSchema.DOC_TYPE_TEXT, field, value);
      case "số", "so" ->
          new TermQuery(new Term(IndexSchema.DOC_NUMBER_KEY, IndexSchema.documentNumberKey(value)));
      case "subject" -> {
        try {
          yield subjectParser.parse(rawValue.startsWith("\"") ? "\"" + value + "\"" : value);
        } catch (IllegalArgumentException e) {
          throw new BadRequestException("subject: " + e.getMessage());
        }
      }
      default -> throw new IllegalStateException("unhandled prefix " + field);
    };
  }

  /** The words of {@code value} in order in {@code field} (folded, so diacritics are optional). */
  Query phrase(String field, String name, String value) {
    Query query = phrases.createPhraseQuery(field, value);
    if (query == null) {
      throw new BadRequestException("'" + name + "' needs letters or digits, got '" + value + "'");
    }
    return query;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  private static YearMonth yearMonth(String year, String month, String input) {
    int m = Integer.parseInt(month);
    if (m < 1 || m > 12) {
      throw new BadRequestException("impossible month in '" + input + "'");
    }
    return YearMonth.of(Integer.parseInt(year), m);
  }

  private static String unquote(String value) {
    String v = value;
    if (v.startsWith("\"")) {
      v = v.substring(1);
    }
    if (v.endsWith("\"")) {
      v = v.substring(0, v.length() - 1);
    }
    return v.strip();
  }

  private static void blank(StringBuilder text, int start, int end) {
    for (int i = start; i < end; i++) {
      text.setCharAt(i, ' ');
    }
  }
}
