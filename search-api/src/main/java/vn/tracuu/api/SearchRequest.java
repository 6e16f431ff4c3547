package vn.tracuu.api;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import vn.tracuu.dates.VietnameseDates;
import vn.tracuu.schema.Kind;

/**
 * A validated search: the query text, an inclusive day range in Vietnam time, an optional type, and
 * paging. Built from raw parameters by {@link #of}, which rejects bad input with a message.
 *
 * @param from first day, or null
 * @param to last day, or null
 */
public record SearchRequest(
    String query, LocalDate from, LocalDate to, Kind type, int page, int size) {

  public static final int MAX_PAGE_SIZE = 100;
  public static final int DEFAULT_PAGE_SIZE = 10;

  /**
   * Reads request parameters ({@code q, from, to, date, type, page, size}) through {@code param}.
   *
   * @throws BadRequestException naming the parameter and what it accepts
   */
  public static SearchRequest of(Function<String, String> param) {
    String q = param.apply("q");
    LocalDate from = date(param, "from");
    LocalDate to = date(param, "to");
    LocalDate day = date(param, "date");
    if (day != null) {
      if (from != null || to != null) {
        throw new BadRequestException("give either 'date' or 'from'/'to', not both");
      }
      from = day;
      to = day;
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadRequestException("'from' (" + from + ") is after 'to' (" + to + ")");
    }
    Kind type = null;
    String typeParam = param.apply("type");
    if (typeParam != null && !typeParam.isBlank()) {
      try {
        type = Kind.fromId(typeParam);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("parameter 'type': " + e.getMessage());
      }
    }
    int page = integer(param, "page", 1, 1, 1_000);
    int size = integer(param, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    return new SearchRequest(q == null ? "" : q, from, to, type, page, size);
  }

  private static LocalDate date(Function<String, String> param, String name) {
    String value = param.apply(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return VietnameseDates.parse(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("parameter '" + name + "': " + e.getMessage());
    }
  }

  private static int integer(
      Function<String, String> param, String name, int fallback, int min, int max) {
    String value = param.apply(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw new BadRequestException(
            String.format(Locale.ROOT, "parameter '%s' must be from %d to %d", name, min, max));
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequestException("parameter '" + name + "' must be a whole number");
    }
  }
}
