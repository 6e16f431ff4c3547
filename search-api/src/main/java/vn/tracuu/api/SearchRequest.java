package vn.tracuu.api;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import vn.tracuu.dates.VietnameseDates;
import vn.tracuu.schema.Kind;

/**
 * A validated search: the query text, an inclusive day range in Vietnam time, filters, sort and
 * paging. Built from raw parameters by {@link #of}, which rejects bad input with a message.
 *
 * @param from first day, or null
 * @param to last day, or null
 * @param types kinds to keep (empty: all)
 * @param sender words of the sender's name or address, in order (diacritics optional), or null
 * @param recipient the same for a recipient
 * @param folder exact mail folder label (e.g. "Ban-chi-dao/2019")
 * @param source exact source name
 * @param documentType words of the loại văn bản (document type)
 * @param agency words of the cơ quan ban hành (issuing body)
 * @param documentNumber the số ký hiệu (document number), compared without case, spaces and
 *     diacritics
 * @param signer words of the người ký (signer)
 * @param page page number (1 when a cursor is given)
 * @param facets whether to count facets
 * @param cursor the {@code next_cursor} of the previous page, or null (then {@code page} counts)
 */
public record SearchRequest(
    String query,
    LocalDate from,
    LocalDate to,
    Set<Kind> types,
    String sender,
    String recipient,
    String folder,
    String source,
    String documentType,
    String agency,
    String documentNumber,
    String signer,
    SortOrder sort,
    int page,
    int size,
    boolean facets,
    String cursor) {

  public static final int MAX_PAGE_SIZE = 100;
  public static final int DEFAULT_PAGE_SIZE = 10;

  /** Deepest result reachable by paging (page × size); deeper means narrowing the search. */
  public static final int MAX_DEPTH = 10_000;

  /** Longest value of a filter parameter. */
  static final int MAX_FILTER_LENGTH = 300;

  /** How hits are ordered. */
  public enum SortOrder {
    /** Best match first; without query text, newest first. */
    RELEVANCE,
    NEWEST,
    OLDEST;

    static SortOrder of(String value) {
      for (SortOrder order : values()) {
        if (order.name().equalsIgnoreCase(value.strip())) {
          return order;
        }
      }
      throw new BadRequestException(
          "parameter 'sort': unknown order '"
              + abbreviate(value)
              + "': use relevance, newest or oldest");
    }
  }

  public SearchRequest {
    types = Set.copyOf(types);
  }

  /** A search that lists {@code query} without filters, for tests and tools. */
  public static SearchRequest of(String query) {
    return of(name -> name.equals("q") ? query : null);
  }

  /**
   * Reads request parameters through {@code param}: {@code q, from, to, date, type, sender,
   * recipient, folder, source, doc_type, agency, doc_number, signer, sort, page, size, facets,
   * cursor}.
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
    Set<Kind> types = new LinkedHashSet<>();
    String typeParam = param.apply("type");
    if (typeParam != null && !typeParam.isBlank()) {
      for (String one : typeParam.split(",")) {
        try {
          types.add(Kind.fromId(one));
        } catch (IllegalArgumentException e) {
          throw new BadRequestException("parameter 'type': " + abbreviate(e.getMessage()));
        }
      }
    }
    String sortParam = param.apply("sort");
    SortOrder sort =
        sortParam == null || sortParam.isBlank() ? SortOrder.RELEVANCE : SortOrder.of(sortParam);
    int page = integer(param, "page", 1, 1, MAX_DEPTH);
    int size = integer(param, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    String cursor = param.apply("cursor");
    if (cursor != null && cursor.isBlank()) {
      cursor = null;
    }
    if (cursor != null) {
      if (cursor.length() > MAX_FILTER_LENGTH) {
        throw new BadRequestException("parameter 'cursor' is not a cursor of this server");
      }
      if (page != 1) {
        throw new BadRequestException("give either 'page' or 'cursor', not both");
      }
    } else if ((long) page * size > MAX_DEPTH) {
      throw new BadRequestException(
          "page "
              + page
              + " of size "
              + size
              + " is deeper than "
              + MAX_DEPTH
              + " results: narrow the search, or page on with 'cursor'");
    }
    String facetsParam = param.apply("facets");
    boolean facets = facetsParam == null || !facetsParam.strip().equalsIgnoreCase("false");
    return new SearchRequest(
        q == null ? "" : q,
        from,
        to,
        types,
        filter(param, "sender"),
        filter(param, "recipient"),
        filter(param, "folder"),
        filter(param, "source"),
        filter(param, "doc_type"),
        filter(param, "agency"),
        filter(param, "doc_number"),
        filter(param, "signer"),
        sort,
        page,
        size,
        facets,
        cursor);
  }

  /**
   * What the hits depend on (query, filters, sort; not paging or facets), as a short digest: a
   * cursor is only valid for the search that made it.
   */
  int fingerprint() {
    StringBuilder key = new StringBuilder();
    for (Object part :
        new Object[] {
          query,
          from,
          to,
          sender,
          recipient,
          folder,
          source,
          documentType,
          agency,
          documentNumber,
          signer,
          sort
        }) {
      key.append(part).append('\u0000');
    }
    types.stream().map(Kind::id).sorted().forEach(id -> key.append(id).append(','));
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  static LocalDate date(Function<String, String> param, String name) {
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

  private static String filter(Function<String, String> param, String name) {
    String value = param.apply(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_FILTER_LENGTH) {
      throw new BadRequestException(
          "parameter '" + name + "' is longer than " + MAX_FILTER_LENGTH + " characters");
    }
    return value.strip();
  }

  static int integer(Function<String, String> param, String name, int fallback, int min, int max) {
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

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
