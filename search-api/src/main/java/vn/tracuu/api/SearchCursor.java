package vn.tracuu.api;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;

/**
 * Where the previous page ended, handed to the client as an opaque {@code cursor} (search_after):
 * the index version the first page was answered from (so later pages read the same point-in-time
 * view while it is kept) and which index that was, the last hit's sort value and document, how many
 * hits were handed out so far, and a fingerprint of the search, so a cursor cannot continue another
 * search.
 *
 * <p>A cursor only tells where to continue; what may be seen is still decided by the server's
 * filter on every page, so a forged cursor reveals nothing.
 *
 * @param version index reader version of the first page
 * @param index the identity of the index the version belongs to (versions count from the start in
 *     every index, so a rebuilt index reaches the same numbers)
 * @param byScore true for relevance order (the value is the score's float bits), false for dates
 * @param value score bits or the date sort value in epoch milliseconds
 * @param doc Lucene document number of the last hit in that reader
 * @param seen hits handed out so far
 * @param fingerprint {@link SearchRequest#fingerprint()} of the search
 */
record SearchCursor(
    long version, long index, boolean byScore, long value, int doc, int seen, int fingerprint) {

  private static final byte FORMAT = 2;
  private static final int BYTES = 1 + 8 + 8 + 1 + 8 + 4 + 4 + 4;

  /** The cursor after {@code last}, the final hit of a page. */
  static SearchCursor after(long version, long index, ScoreDoc last, int seen, int fingerprint) {
    if (last instanceof FieldDoc field) {
      return new SearchCursor(
          version,
          index,
          false,
          ((Number) field.fields[0]).longValue(),
          last.doc,
          seen,
          fingerprint);
    }
    return new SearchCursor(
        version, index, true, Float.floatToIntBits(last.score), last.doc, seen, fingerprint);
  }

  /** The Lucene search_after position. */
  ScoreDoc position() {
    return byScore
        ? new ScoreDoc(doc, Float.intBitsToFloat((int) value))
        : new FieldDoc(doc, Float.NaN, new Object[] {value});
  }

  String encode() {
    ByteBuffer bytes = ByteBuffer.allocate(BYTES);
    bytes.put(FORMAT).putLong(version).putLong(index).put((byte) (byScore ? 1 : 0)).putLong(value);
    bytes.putInt(doc).putInt(seen).putInt(fingerprint);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  /**
   * Reads a cursor for the search with {@code fingerprint}.
   *
   * @throws BadRequestException when it is not a cursor of this server or belongs to another search
   */
  static SearchCursor decode(String text, int fingerprint) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw notOurs();
    }
    if (raw.length != BYTES || raw[0] != FORMAT) {
      throw notOurs();
    }
    ByteBuffer bytes = ByteBuffer.wrap(raw, 1, BYTES - 1);
    long version = bytes.getLong();
    long index = bytes.getLong();
    byte byScore = bytes.get();
    long value = bytes.getLong();
    int doc = bytes.getInt();
    int seen = bytes.getInt();
    int forSearch = bytes.getInt();
    if (byScore > 1 || doc < 0 || seen < 0) {
      throw notOurs();
    }
    if (forSearch != fingerprint) {
      throw new BadRequestException(
          "parameter 'cursor' belongs to another search: keep q, filters and sort of the search"
              + " that returned it");
    }
    return new SearchCursor(version, index, byScore == 1, value, doc, seen, forSearch);
  }

  private static BadRequestException notOurs() {
    return new BadRequestException(
        "parameter 'cursor' is not a cursor of this server: pass next_cursor unchanged");
  }
}
