package vn.tracuu.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tracuu.analysis.DiacriticFolder;

/**
 * Vietnamese dates as people write them: "ngày 8 tháng 8 năm 2019", "08/8/2019", "8-8-2019",
 * "8.8.2019" — always day first. Text from PDFs may wrap anywhere, so any run of white space
 * (newlines included) separates the parts. Impossible dates ("31/2/2019") are rejected.
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

  private VietnameseDates() {}

  /** A date found in text, with where it was found. */
  public record Found(LocalDate date, int start, int end) {}

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
      int start = n.start();
      if (found.stream().anyMatch(f -> start >= f.start() && start < f.end())) {
        continue;
      }
      toDate(n.group(4), n.group(3), n.group(1))
          .ifPresent(d -> found.add(new Found(d, n.start(), n.end())));
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
   * Parses one date typed by a user or an API client: ISO (2019-08-19), day-first numeric
   * (19/8/2019, 19-08-2019, 19.8.2019) or words ("ngày 19 tháng 8 năm 2019").
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
    throw new IllegalArgumentException(
        "cannot read date '" + abbreviate(input) + "': use YYYY-MM-DD or DD/MM/YYYY");
  }

  private static Optional<LocalDate> toDate(String year, String month, String day) {
    try {
      return Optional.of(
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static LocalDate toDateOrThrow(String year, String month, String day, String input) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "impossible date '" + abbreviate(input) + "': " + reason(e), e);
    }
  }

  private static String reason(RuntimeException e) {
    String message = e.getMessage();
    if (e instanceof DateTimeParseException || message == null) {
      return "not a calendar date";
    }
    return message;
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
