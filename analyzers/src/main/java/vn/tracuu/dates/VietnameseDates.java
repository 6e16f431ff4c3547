package vn.tracuu.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tracuu.analysis.DiacriticFolder;

/**
 * Vietnamese dates as people write them: "ngày 8 tháng 8 năm 2019", "08/8/2019", "8-8-2019",
 * "8.8.2019" — always day first. Text from PDFs may wrap anywhere, so any run of white space
 * (newlines included) separates the parts. Impossible dates ("31/2/2019") are rejected with a
 * reason. Months alone ("tháng 8/2019", "tháng 8 năm 2019") are read with month precision. A
 * two-digit year ("8/8/19") is read only where it cannot be another kind of number: in text only
 * with slashes; it is the latest year with those digits that is not after next year.
 */
public final class VietnameseDates {

  private static final String SPACE = "[\\s\\u00A0]+";
  private static final String OPT_SPACE = "[\\s\\u00A0]*";

  /**
   * "ngày 8 tháng 8 năm 2019" on folded, lowercased text ("ngay 8 thang 8 nam 2019"); PDF text
   * sometimes loses the space between a word and its number ("tháng11").
   */
  private static final Pattern WORDS =
      Pattern.compile(
          "ngay"
              + OPT_SPACE
              + "(\\d{1,2})"
              + SPACE
              + "thang"
              + OPT_SPACE
              + "(\\d{1,2})"
              + SPACE
              + "nam"
              + OPT_SPACE
              + "(\\d{4})");

  /** 19/8/2019, 19-08-2019, 19.8.2019 (the separator must repeat). */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\d/.-])(\\d{1,2})"
              + OPT_SPACE
              + "([/.-])"
              + OPT_SPACE
              + "(\\d{1,2})"
              + OPT_SPACE
              + "\\2"
              + OPT_SPACE
              + "(\\d{4})(?![\\d/.-]|\\.\\d)");

  /** 8/8/19 in text: slashes only, so that section numbers such as 1.2.19 are not dates. */
  private static final Pattern SHORT_YEAR =
      Pattern.compile("(?<![\\d/.-])(\\d{1,2})/(\\d{1,2})/(\\d{2})(?![\\d/]|[.-]\\d)");

  /** 8/8/19, 8-8-19, 8.8.19 typed alone (the separator must repeat). */
  private static final Pattern USER_SHORT_YEAR =
      Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{2})");

  /** "tháng 8/2019", "tháng 08-2019", "tháng 8 năm 2019" (folded). */
  private static final Pattern MONTH_WORDS =
      Pattern.compile(
          "thang"
              + OPT_SPACE
              + "(\\d{1,2})"
              + OPT_SPACE
              + "(?:[/-]|nam)"
              + OPT_SPACE
              + "(\\d{4})(?!\\d)");

  /** A month typed alone: "8/2019", "08-2019". */
  private static final Pattern MONTH_NUMERIC = Pattern.compile("(\\d{1,2})[/.-](\\d{4})");

  private static final Pattern MONTH_ISO = Pattern.compile("(\\d{4})-(\\d{1,2})");

  private VietnameseDates() {}

  /** A date found in text, with where it was found. */
  public record Found(LocalDate date, int start, int end) {}

  /** A month named without a day, found in text (tháng 8/2019). */
  public record MonthFound(YearMonth month, int start, int end) {}

  /** Something written as a date that names no calendar day, with why. */
  public record Rejected(String text, int start, String reason) {}

  /** Every valid date in {@code text}, in order of appearance; impossible dates are skipped. */
  public static List<Found> findAll(String text) {
    // Folding keeps the length (only combining marks and đ change), so offsets stay valid
    // as long as the text is composed (NFC); lowercasing is per char.
    String folded = foldSameLength(text);
    List<Found> found = new ArrayList<>();
    Matcher m = WORDS.matcher(folded);
    while (m.find()) {
      toDate(m.group(3), m.group(2), m.group(1))
          .ifPresent(d -> found.add(new Found(d, m.start(), m.end())));
    }
    Matcher n = NUMERIC.matcher(folded);
    while (n.find()) {
      if (!overlaps(found, n.start())) {
        toDate(n.group(4), n.group(3), n.group(1))
            .ifPresent(d -> found.add(new Found(d, n.start(), n.end())));
      }
    }
    Matcher y = SHORT_YEAR.matcher(folded);
    while (y.find()) {
      if (!overlaps(found, y.start())) {
        toDate(fullYear(y.group(3)), y.group(2), y.group(1))
            .ifPresent(d -> found.add(new Found(d, y.start(), y.end())));
      }
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return found;
  }

  /** The first valid date in {@code text}. */
  public static Optional<LocalDate> findFirst(String text) {
    List<Found> all = findAll(text);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst().date());
  }

  /**
   * Months named without a day ("tháng 8/2019", "tháng 8 năm 2019"); the month of a full date
   * ("ngày 8 tháng 8 năm 2019") is not repeated here.
   */
  public static List<MonthFound> findMonths(String text) {
    String folded = foldSameLength(text);
    List<Found> days = findAll(text);
    List<MonthFound> months = new ArrayList<>();
    Matcher m = MONTH_WORDS.matcher(folded);
    while (m.find()) {
      int month = Integer.parseInt(m.group(1));
      if (!overlaps(days, m.start()) && month >= 1 && month <= 12) {
        months.add(
            new MonthFound(YearMonth.of(Integer.parseInt(m.group(2)), month), m.start(), m.end()));
      }
    }
    return months;
  }

  /** What in {@code text} is written as a date but names no calendar day, each with the reason. */
  public static List<Rejected> findImpossible(String text) {
    String folded = foldSameLength(text);
    List<Rejected> rejected = new ArrayList<>();
    Matcher m = WORDS.matcher(folded);
    while (m.find()) {
      String why = impossibility(m.group(3), m.group(2), m.group(1));
      if (why != null) {
        rejected.add(new Rejected(text.substring(m.start(), m.end()), m.start(), why));
      }
    }
    Matcher n = NUMERIC.matcher(folded);
    while (n.find()) {
      String why = impossibility(n.group(4), n.group(3), n.group(1));
      if (why != null) {
        rejected.add(new Rejected(text.substring(n.start(), n.end()), n.start(), why));
      }
    }
    rejected.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return rejected;
  }

  /**
   * Parses one date typed by a user or an API client: ISO (2019-08-19), day-first numeric
   * (19/8/2019, 19-08-2019, 19.8.2019, 19/8/19) or words ("ngày 19 tháng 8 năm 2019").
   *
   * @throws IllegalArgumentException with a message that says what is wrong and what is accepted
   */
  public static LocalDate parse(String input) {
    String s = input == null ? "" : input.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty date: use YYYY-MM-DD or DD/MM/YYYY");
    }
    if (s.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
      String[] p = s.split("-");
      return toDateOrThrow(p[0], p[1], p[2], input);
    }
    String folded = foldSameLength(s);
    Matcher w = WORDS.matcher(folded);
    if (w.matches()) {
      return toDateOrThrow(w.group(3), w.group(2), w.group(1), input);
    }
    Matcher n = NUMERIC.matcher(folded);
    if (n.matches()) {
      return toDateOrThrow(n.group(4), n.group(3), n.group(1), input);
    }
    Matcher y = USER_SHORT_YEAR.matcher(folded);
    if (y.matches()) {
      return toDateOrThrow(fullYear(y.group(4)), y.group(3), y.group(1), input);
    }
    throw new IllegalArgumentException(
        "cannot read date '" + abbreviate(input) + "': use YYYY-MM-DD or DD/MM/YYYY");
  }

  /**
   * Parses a month typed by a user: "tháng 8/2019", "tháng 8 năm 2019", "8/2019", "2019-08".
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static YearMonth parseMonth(String input) {
    String s = input == null ? "" : foldSameLength(input.strip());
    Matcher m = MONTH_WORDS.matcher(s);
    if (m.matches() || (m = MONTH_NUMERIC.matcher(s)).matches()) {
      return toMonthOrThrow(m.group(2), m.group(1), input);
    }
    m = MONTH_ISO.matcher(s);
    if (m.matches()) {
      return toMonthOrThrow(m.group(1), m.group(2), input);
    }
    throw new IllegalArgumentException(
        "cannot read month '" + abbreviate(String.valueOf(input)) + "': use MM/YYYY or YYYY-MM");
  }

  /** Why year-month-day names no calendar day, or null when it names one. */
  static String impossibility(String year, String month, String day) {
    int y;
    int m;
    int d;
    try {
      y = Integer.parseInt(year);
      m = Integer.parseInt(month);
      d = Integer.parseInt(day);
    } catch (NumberFormatException e) {
      return "not a number";
    }
    if (m < 1 || m > 12) {
      return "there is no month " + m;
    }
    if (d < 1) {
      return "there is no day " + d;
    }
    int length = YearMonth.of(y, m).lengthOfMonth();
    if (d > length) {
      String name = Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      return name + " " + y + " has " + length + " days";
    }
    return null;
  }

  /** A two-digit year: the latest year ending in those digits that is not after next year. */
  static String fullYear(String twoDigits) {
    int limit = Year.now(ZoneOffset.ofHours(7)).getValue() + 1;
    int year = limit / 100 * 100 + Integer.parseInt(twoDigits);
    return Integer.toString(year > limit ? year - 100 : year);
  }

  private static boolean overlaps(List<Found> found, int start) {
    return found.stream().anyMatch(f -> start >= f.start() && start < f.end());
  }

  private static Optional<LocalDate> toDate(String year, String month, String day) {
    try {
      return Optional.of(
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Java's own reason ("Invalid date 'FEBRUARY 30'"): the API and its clients rely on it. */
  private static LocalDate toDateOrThrow(String year, String month, String day, String input) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      String reason = e.getMessage() == null ? impossibility(year, month, day) : e.getMessage();
      throw new IllegalArgumentException(
          "impossible date '" + abbreviate(input) + "': " + reason, e);
    }
  }

  private static YearMonth toMonthOrThrow(String year, String month, String input) {
    int m = Integer.parseInt(month);
    if (m < 1 || m > 12) {
      throw new IllegalArgumentException(
          "impossible month '" + abbreviate(input) + "': there is no month " + m);
    }
    return YearMonth.of(Integer.parseInt(year), m);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** Lowercase, diacritic-free copy of {@code text} with the same length as its NFC form. */
  private static String foldSameLength(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out.append(Character.toLowerCase(c));
        continue;
      }
      String folded = DiacriticFolder.fold(String.valueOf(c));
      out.append(folded.length() == 1 ? Character.toLowerCase(folded.charAt(0)) : c);
    }
    return out.toString();
  }
}
