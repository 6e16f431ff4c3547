package vn.tracuu.schema;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import vn.tracuu.analysis.DiacriticFolder;
import vn.tracuu.analysis.VietnameseAnalyzer;

/**
 * The index schema: every field name, how each is analyzed, and how an {@link IndexRecord} becomes
 * a Lucene document. The indexer writes with it and the search API reads with it; nothing else
 * names index fields.
 *
 * <p>Text is indexed twice: with diacritics ({@code title}, {@code body}) and folded ({@code
 * title_folded}, {@code body_folded}); queries search both with the exact form weighted higher, so
 * "chinh quyen" finds "chính quyền" and an accented query prefers exact matches.
 *
 * <p>Dates: {@code date} is the instant (epoch millis: point, doc values, stored); {@code day} is
 * the calendar day in {@link #ZONE} as {@code yyyymmdd}, so that "19/8/2019" means the Vietnamese
 * day whatever the sender's offset was.
 */
public final class IndexSchema {

  /** The zone whose calendar days the index uses (Vietnam has no daylight saving time). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Bumped when the schema changes incompatibly; stored in the commit user data. */
  public static final String VERSION = "4";

  // Identity and structure
  public static final String ID = "id";
  public static final String KIND = "kind";
  public static final String PARENT_ID = "parent_id";
  public static final String THREAD_ID = "thread_id";
  public static final String SOURCE = "source";
  public static final String LOCATOR = "locator";
  public static final String GROUPS = "groups";
  public static final String PUBLIC = "public";
  public static final String CONTENT_TYPE = "content_type";
  public static final String CONTENT_HASH = "content_hash";
  public static final String CHANGE_MARKER = "change_marker";

  // Time
  public static final String DATE = "date";
  public static final String DATE_SOURCE = "date_source";
  public static final String DAY = "day";
  public static final String YEAR = "year";
  public static final String MONTH = "month";

  // Text
  public static final String TITLE = "title";
  public static final String TITLE_FOLDED = "title_folded";
  public static final String BODY = "body";
  public static final String BODY_FOLDED = "body_folded";

  /**
   * The title's words as one keyword ({@link #titleKey}): a query that contains a record's whole
   * title ("Trách nhiệm của Bộ Y tế …") names that record, and ranks it higher (see {@code
   * UserQueryParser}).
   */
  public static final String TITLE_KEY = "title_key";

  /**
   * Fewest words of a title with a {@link #TITLE_KEY}: a shorter title ("Báo cáo") is contained in
   * too many queries to name one record.
   */
  public static final int TITLE_KEY_MIN_WORDS = 3;

  /** Most words of a title with a {@link #TITLE_KEY}; a query rarely repeats a longer one whole. */
  public static final int TITLE_KEY_MAX_WORDS = 16;

  // Mail
  public static final String SENDER = "sender";
  public static final String RECIPIENTS = "recipients";
  public static final String MESSAGE_ID = "message_id";
  public static final String FOLDERS = "folders";
  public static final String IN_REPLY_TO = "in_reply_to";
  public static final String REFERENCES = "references";
  public static final String LIST_ID = "list_id";
  public static final String ATTACHMENT_NAMES = "attachment_names";

  // Official documents
  public static final String DOC_NUMBER = "doc_number"; // số ký hiệu
  public static final String DOC_NUMBER_KEY = "doc_number_key";
  public static final String DOC_TYPE = "doc_type"; // loại văn bản
  public static final String AGENCY = "agency"; // cơ quan ban hành
  public static final String SIGNER = "signer"; // người ký
  public static final String SUMMARY = "summary"; // trích yếu

  // Extraction quality
  /** "used" or "unavailable" (the file needed OCR but Tesseract is missing); absent otherwise. */
  public static final String OCR = "ocr";

  /** Mean OCR word confidence in [0, 1] (stored float). */
  public static final String OCR_CONFIDENCE = "ocr_confidence";

  /** "true" when the body was cut at the character limit; absent otherwise. */
  public static final String TRUNCATED = "truncated";

  /**
   * The legacy Vietnamese encoding (tcvn3, vni, viscii, windows-1258) the text was repaired from;
   * absent when none was.
   */
  public static final String LEGACY_ENCODING = "legacy_encoding";

  // Folded, searchable copies of stored metadata, for field filters (from:, to:, loai:…)
  public static final String SENDER_TEXT = "sender_text";
  public static final String RECIPIENTS_TEXT = "recipients_text";
  public static final String DOC_TYPE_TEXT = "doc_type_text";
  public static final String AGENCY_TEXT = "agency_text";
  public static final String SIGNER_TEXT = "signer_text";

  // Indexer bookkeeping: one state document per source item (a message, a file), written in the
  // same commit as the item's records so that state and records never disagree. State documents
  // have no kind, groups or public flag: they are never records and never visible to a caller.
  /** The item: "source:locator" (keyword, stored). */
  public static final String STATE_KEY = "state_key";

  /** What the item looked like when indexed (size:mtime:sha256, or the message hash; stored). */
  public static final String STATE_MARKER = "state_marker";

  /** The id of the record the item became (keyword, stored). */
  public static final String STATE_RECORD = "state_record";

  /** The mail folder the item was in, for the folder labels of a merged message (stored). */
  public static final String STATE_FOLDER = "state_folder";

  /** Keyword fields that carry doc values for facet counting. */
  public static final List<String> FACET_FIELDS =
      List.of(KIND, SOURCE, YEAR, MONTH, SENDER, RECIPIENTS, FOLDERS, LIST_ID, AGENCY, DOC_TYPE);

  private static final String TRUE = "true";

  /**
   * {@link #BODY} and {@link #BODY_FOLDED}: character offsets in the postings, so the search side
   * marks snippets from the index instead of analysing each hit's text again (both fields are
   * analysed from the same text, so the folded field's offsets point into the stored body too).
   */
  private static final FieldType BODY_TYPE = offsets(true);

  private static final FieldType BODY_FOLDED_TYPE = offsets(false);

  /**
   * The ranked text fields with many distinct terms, and the type an empty value of each is indexed
   * with on documents that lack the field (see {@link #padNorms}).
   */
  private static final Map<String, FieldType> PADDED_FIELDS =
      Map.of(
          TITLE,
          TextField.TYPE_NOT_STORED,
          TITLE_FOLDED,
          TextField.TYPE_NOT_STORED,
          BODY,
          BODY_FOLDED_TYPE,
          BODY_FOLDED,
          BODY_FOLDED_TYPE);

  private IndexSchema() {}

  /** The analyzer for writing and querying: exact chain by default, folded chain for *_folded. */
  public static Analyzer analyzer() {
    Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
    Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED);
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put(TITLE_FOLDED, folded);
    perField.put(BODY_FOLDED, folded);
    for (String text :
        List.of(SENDER_TEXT, RECIPIENTS_TEXT, DOC_TYPE_TEXT, AGENCY_TEXT, SIGNER_TEXT)) {
      perField.put(text, folded);
    }
    for (String keyword : List.of(ID, KIND, PARENT_ID, THREAD_ID, SOURCE, GROUPS, PUBLIC)) {
      perField.put(keyword, new KeywordAnalyzer());
    }
    return new PerFieldAnalyzerWrapper(exact, perField);
  }

  /**
   * Query fields and their weights. Fields of one form (exact, or {@linkplain #isFolded folded})
   * are scored together as one field (BM25F): a title occurrence counts as {@value #TITLE_WEIGHT}
   * body occurrences, and the folded form weighs {@value #FOLDED_WEIGHT} of the exact one, so an
   * accented query ranks exact-diacritic matches first.
   */
  public static Map<String, Float> queryFieldWeights() {
    return Map.of(
        TITLE,
        TITLE_WEIGHT,
        BODY,
        1f,
        TITLE_FOLDED,
        TITLE_WEIGHT * FOLDED_WEIGHT,
        BODY_FOLDED,
        FOLDED_WEIGHT);
  }

  /**
   * BM25F weight of a title occurrence against a body occurrence. Scored as one field with the
   * body, a title cannot outweigh the text on one common word the way a separately scored short
   * field does (measured on ALQAC with article headings as titles: see README).
   */
  public static final float TITLE_WEIGHT = 3f;

  /** Weight of the folded form's score against the exact form's. */
  public static final float FOLDED_WEIGHT = 0.5f;

  /** BM25 term-frequency saturation: lower than Lucene's 1.2, repeats add less. */
  public static final float BM25_K1 = 0.9f;

  /** BM25 length normalisation: higher than Lucene's 0.75, long texts are penalised more. */
  public static final float BM25_B = 0.9f;

  /**
   * The similarity every searcher of a tracuu index uses (BM25 with {@link #BM25_K1} and {@link
   * #BM25_B}); the norms written at index time are those of any BM25.
   */
  public static Similarity similarity() {
    return new BM25Similarity(BM25_K1, BM25_B);
  }

  /** True for the diacritic-folded copy of a text field ({@code *_folded}). */
  public static boolean isFolded(String field) {
    return field.endsWith("_folded");
  }

  /** Matches every record (not the indexer's state documents). */
  public static org.apache.lucene.search.Query allRecords() {
    return new org.apache.lucene.search.FieldExistsQuery(KIND);
  }

  /** The state document of one source item (see {@link #STATE_KEY}). */
  public static Document stateDocument(String key, String marker, String recordId, String folder) {
    Document doc = new Document();
    keyword(doc, STATE_KEY, key, true);
    stored(doc, STATE_MARKER, marker);
    keyword(doc, STATE_RECORD, recordId, true);
    stored(doc, STATE_FOLDER, folder);
    padNorms(doc);
    return doc;
  }

  /** The calendar day of {@code instant} in {@link #ZONE}, as yyyymmdd. */
  public static int day(Instant instant) {
    return day(instant.atZone(ZONE).toLocalDate());
  }

  public static int day(LocalDate date) {
    return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
  }

  /**
   * The instant as an ISO date-time with the Vietnam offset, e.g. 2019-08-19T08:15:00+07:00
   * (seconds always shown).
   */
  public static String isoDate(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        ZonedDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZONE));
  }

  /** Canonical key of a facet value: trimmed, inner white space collapsed. */
  public static String facetKey(String value) {
    String stripped = value.strip();
    // Without a regex: this runs for every sender and recipient of every record.
    StringBuilder key = null;
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      boolean space = isRegexSpace(c);
      if (key == null && space && (c != ' ' || isRegexSpace(stripped.charAt(i + 1)))) {
        key = new StringBuilder(stripped.length()).append(stripped, 0, i);
      }
      if (key != null && !(space && isRegexSpace(stripped.charAt(i - 1)))) {
        key.append(space ? ' ' : c);
      }
    }
    return key == null ? stripped : key.toString();
  }

  /** What {@code \\s} matches in a Java regex without the Unicode flag. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** yyyy-mm, as {@code String.format("%04d-%02d")} writes it, without a Formatter per record. */
  static String month(int year, int month) {
    if (year < 0 || year > 9999) {
      return String.format(Locale.ROOT, "%04d-%02d", year, month);
    }
    char[] out = {
      (char) ('0' + year / 1000),
      (char) ('0' + year / 100 % 10),
      (char) ('0' + year / 10 % 10),
      (char) ('0' + year % 10),
      '-',
      (char) ('0' + month / 10),
      (char) ('0' + month % 10)
    };
    return new String(out);
  }

  /** The Lucene document for {@code record}. */
  public static Document toDocument(IndexRecord r) {
    Document doc = new Document();
    keyword(doc, ID, r.id(), true);
    keyword(doc, KIND, r.kind().id(), true);
    facet(doc, KIND, r.kind().id());
    keyword(doc, PARENT_ID, r.parentId(), true);
    keyword(doc, THREAD_ID, r.threadId(), true);
    keyword(doc, SOURCE, r.source(), true);
    facet(doc, SOURCE, r.source());
    stored(doc, LOCATOR, r.locator());
    for (String group : r.groups()) {
      keyword(doc, GROUPS, group, true);
    }
    keyword(doc, PUBLIC, Boolean.toString(r.isPublic()), true);
    stored(doc, CONTENT_TYPE, r.contentType());
    stored(doc, CONTENT_HASH, r.contentHash());
    stored(doc, CHANGE_MARKER, r.changeMarker());

    if (r.date() != null) {
      long millis = r.date().toEpochMilli();
      doc.add(new LongPoint(DATE, millis));
      doc.add(new NumericDocValuesField(DATE, millis));
      doc.add(new StoredField(DATE, millis));
      int day = day(r.date());
      doc.add(new IntPoint(DAY, day));
      doc.add(new NumericDocValuesField(DAY, day));
      facet(doc, YEAR, Integer.toString(day / 10000));
      facet(doc, MONTH, month(day / 10000, day / 100 % 100));
      stored(doc, DATE_SOURCE, r.dateSource() == null ? null : r.dateSource().id());
    }

    text(doc, TITLE, TITLE_FOLDED, r.title(), true);
    String titleKey = titleKey(r.title());
    if (titleKey != null) {
      doc.add(new StringField(TITLE_KEY, titleKey, Field.Store.NO));
    }
    if (r.body() != null && !r.body().isEmpty()) {
      doc.add(new Field(BODY, r.body(), BODY_TYPE));
      doc.add(new Field(BODY_FOLDED, r.body(), BODY_FOLDED_TYPE));
    }

    if (r.sender() != null) {
      stored(doc, SENDER, r.sender());
      facet(doc, SENDER, facetKey(r.sender()));
      searchable(doc, SENDER_TEXT, r.sender());
    }
    for (String recipient : r.recipients()) {
      stored(doc, RECIPIENTS, recipient);
      facet(doc, RECIPIENTS, facetKey(recipient));
      searchable(doc, RECIPIENTS_TEXT, recipient);
    }
    keyword(doc, MESSAGE_ID, r.messageId(), true);
    keyword(doc, IN_REPLY_TO, r.inReplyTo(), true);
    for (String reference : r.references()) {
      keyword(doc, REFERENCES, reference, true);
    }
    keyword(doc, LIST_ID, r.listId(), true);
    facet(doc, LIST_ID, r.listId());
    for (String folder : r.folders()) {
      keyword(doc, FOLDERS, folder, true);
      facet(doc, FOLDERS, folder);
    }
    for (String name : r.attachmentNames()) {
      stored(doc, ATTACHMENT_NAMES, name);
    }

    if (r.documentNumber() != null) {
      stored(doc, DOC_NUMBER, r.documentNumber());
      // Exact lookup by the canonical number, case- and diacritic-insensitive.
      doc.add(
          new StringField(DOC_NUMBER_KEY, documentNumberKey(r.documentNumber()), Field.Store.NO));
    }
    storedFacet(doc, DOC_TYPE, r.documentType());
    storedFacet(doc, AGENCY, r.agency());
    stored(doc, SIGNER, r.signer());
    stored(doc, SUMMARY, r.summary());

    keyword(doc, OCR, r.ocr(), true);
    if (r.ocrConfidence() != null) {
      doc.add(new StoredField(OCR_CONFIDENCE, r.ocrConfidence()));
    }
    if (r.truncated()) {
      keyword(doc, TRUNCATED, TRUE, true);
    }
    keyword(doc, LEGACY_ENCODING, r.legacyEncoding(), true);

    searchable(doc, DOC_TYPE_TEXT, r.documentType());
    searchable(doc, AGENCY_TEXT, r.agency());
    searchable(doc, SIGNER_TEXT, r.signer());
    padNorms(doc);
    return doc;
  }

  /**
   * The {@link #TITLE_KEY} of a title: its {@linkplain #keyWords words} joined by one space, after
   * any reply or forward prefixes of a mail subject ("Re:", "Fwd:", "TL:"); null when the title has
   * fewer than {@value #TITLE_KEY_MIN_WORDS} or more than {@value #TITLE_KEY_MAX_WORDS} words.
   */
  public static String titleKey(String title) {
    if (title == null) {
      return null;
    }
    List<String> words = keyWords(REPLY_PREFIXES.matcher(title).replaceFirst(""));
    if (words.size() < TITLE_KEY_MIN_WORDS || words.size() > TITLE_KEY_MAX_WORDS) {
      return null;
    }
    return String.join(" ", words);
  }

  private static final Pattern REPLY_PREFIXES =
      Pattern.compile(
          "^(?:\\s*(?:re|fw|fwd|tl|tr|chuyển tiếp|trả lời)\\s*(?:\\[\\d+\\])?\\s*:)+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The words of a text as {@link #TITLE_KEY} writes them: without diacritics, lower case, cut at
   * every character that is not a letter or digit ("1952/QĐ-UBND" is 1952, qd, ubnd). The query
   * side cuts the user's text the same way, so a title and a query quoting it give the same words
   * whatever their diacritics, case and punctuation.
   */
  public static List<String> keyWords(CharSequence text) {
    String folded = DiacriticFolder.fold(Normalizer.normalize(text, Normalizer.Form.NFC));
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= folded.length(); i++) {
      boolean word = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        words.add(folded.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    return words;
  }

  /** Canonical lookup key of a document number: no spaces, folded, upper case. */
  public static String documentNumberKey(String number) {
    return DiacriticFolder.fold(number).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /** True for the stored value of {@link #PUBLIC} on public records. */
  public static boolean isPublicValue(String stored) {
    return TRUE.equals(stored);
  }

  private static void text(Document doc, String exact, String folded, String value, boolean store) {
    if (value == null || value.isEmpty()) {
      return;
    }
    doc.add(new TextField(exact, value, store ? Field.Store.YES : Field.Store.NO));
    doc.add(new TextField(folded, value, Field.Store.NO));
  }

  /**
   * Gives {@code doc} an empty value of each {@link #PADDED_FIELDS} field it lacks. An empty value
   * has no terms, so it matches nothing and leaves BM25's statistics alone, but it records a norm:
   * with every document holding a norm the norms are stored densely. Sparse norms (state documents
   * and attachments without a title make up half of a segment) cost Lucene's postings writer a
   * linear scan per term at every flush and merge: a third of the mail indexing time, measured.
   */
  private static void padNorms(Document doc) {
    for (var field : PADDED_FIELDS.entrySet()) {
      if (doc.getField(field.getKey()) == null) {
        doc.add(new Field(field.getKey(), "", field.getValue()));
      }
    }
  }

  private static FieldType offsets(boolean stored) {
    FieldType type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** Indexed (with the folded analyzer, see {@link #analyzer()}) but not stored. */
  private static void searchable(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new TextField(field, value, Field.Store.NO));
    }
  }

  private static void keyword(Document doc, String field, String value, boolean store) {
    if (value != null) {
      doc.add(new StringField(field, value, store ? Field.Store.YES : Field.Store.NO));
    }
  }

  private static void stored(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }

  private static void facet(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
  }

  private static void storedFacet(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      stored(doc, field, value);
      facet(doc, field, facetKey(value));
    }
  }
}
