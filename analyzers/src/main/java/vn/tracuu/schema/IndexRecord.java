package vn.tracuu.schema;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One searchable unit as the indexer produces it and the schema stores it: a message, an
 * attachment, a document, a container member or a news page. Built with {@link #builder(String,
 * Kind)}; optional fields are {@code null} or empty.
 */
public final class IndexRecord {
  private final String id;
  private final Kind kind;
  private final String parentId;
  private final String threadId;
  private final String source;
  private final String locator;
  private final List<String> groups;
  private final boolean isPublic;
  private final String title;
  private final String body;
  private final Instant date;
  private final DateSource dateSource;
  private final String sender;
  private final List<String> recipients;
  private final String messageId;
  private final String inReplyTo;
  private final List<String> references;
  private final String listId;
  private final List<String> folders;
  private final List<String> attachmentNames;
  private final String contentType;
  private final String documentNumber;
  private final String documentType;
  private final String agency;
  private final String signer;
  private final String summary;
  private final String contentHash;
  private final String changeMarker;
  private final String ocr;
  private final Float ocrConfidence;
  private final boolean truncated;
  private final String legacyEncoding;

  private IndexRecord(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.kind = Objects.requireNonNull(b.kind, "kind");
    this.parentId = b.parentId;
    this.threadId = b.threadId;
    this.source = Objects.requireNonNull(b.source, "source");
    this.locator = b.locator;
    this.groups = List.copyOf(b.groups);
    this.isPublic = b.isPublic;
    this.title = b.title == null ? "" : b.title;
    this.body = b.body == null ? "" : b.body;
    this.date = b.date;
    this.dateSource = b.dateSource;
    this.sender = b.sender;
    this.recipients = List.copyOf(b.recipients);
    this.messageId = b.messageId;
    this.inReplyTo = b.inReplyTo;
    this.references = List.copyOf(b.references);
    this.listId = b.listId;
    this.folders = List.copyOf(b.folders);
    this.attachmentNames = List.copyOf(b.attachmentNames);
    this.contentType = b.contentType;
    this.documentNumber = b.documentNumber;
    this.documentType = b.documentType;
    this.agency = b.agency;
    this.signer = b.signer;
    this.summary = b.summary;
    this.contentHash = b.contentHash;
    this.changeMarker = b.changeMarker;
    this.ocr = b.ocr;
    this.ocrConfidence = b.ocrConfidence;
    this.truncated = b.truncated;
    this.legacyEncoding = b.legacyEncoding;
  }

  public static Builder builder(String id, Kind kind) {
    return new Builder(id, kind);
  }

  /** Stable identity across runs, e.g. {@code mail:inbox:<message-id>}. */
  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  /** The message of an attachment, the container of a member; else null. */
  public String parentId() {
    return parentId;
  }

  public String threadId() {
    return threadId;
  }

  /** The configured source's name. */
  public String source() {
    return source;
  }

  /** Where the original bytes are, relative to the source root (e.g. a path, "file.mbox#12"). */
  public String locator() {
    return locator;
  }

  /** Access groups allowed to see the record. */
  public List<String> groups() {
    return groups;
  }

  public boolean isPublic() {
    return isPublic;
  }

  /** Subject of a message, title of a page or document, name of an attachment. */
  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public Instant date() {
    return date;
  }

  public DateSource dateSource() {
    return dateSource;
  }

  public String sender() {
    return sender;
  }

  public List<String> recipients() {
    return recipients;
  }

  public String messageId() {
    return messageId;
  }

  /** The Message-ID this message answers (In-Reply-To), or null. */
  public String inReplyTo() {
    return inReplyTo;
  }

  /** The Message-IDs of the References header, oldest first. */
  public List<String> references() {
    return references;
  }

  /** The mailing list the message came through (List-Id), or null. */
  public String listId() {
    return listId;
  }

  public List<String> folders() {
    return folders;
  }

  /** This record with other folder labels (one message found in several folders). */
  public IndexRecord withFolders(List<String> newFolders) {
    Builder b = new Builder(id, kind);
    b.parentId = parentId;
    b.threadId = threadId;
    b.source = source;
    b.locator = locator;
    b.groups = groups;
    b.isPublic = isPublic;
    b.title = title;
    b.body = body;
    b.date = date;
    b.dateSource = dateSource;
    b.sender = sender;
    b.recipients = recipients;
    b.messageId = messageId;
    b.inReplyTo = inReplyTo;
    b.references = references;
    b.listId = listId;
    b.folders = newFolders;
    b.attachmentNames = attachmentNames;
    b.contentType = contentType;
    b.documentNumber = documentNumber;
    b.documentType = documentType;
    b.agency = agency;
    b.signer = signer;
    b.summary = summary;
    b.contentHash = contentHash;
    b.changeMarker = changeMarker;
    b.ocr = ocr;
    b.ocrConfidence = ocrConfidence;
    b.truncated = truncated;
    b.legacyEncoding = legacyEncoding;
    return b.build();
  }

  public List<String> attachmentNames() {
    return attachmentNames;
  }

  public String contentType() {
    return contentType;
  }

  /** số ký hiệu, e.g. "1952/QĐ-UBND". */
  public String documentNumber() {
    return documentNumber;
  }

  /** loại văn bản, e.g. "Quyết định". */
  public String documentType() {
    return documentType;
  }

  /** cơ quan ban hành: the issuing body. */
  public String agency() {
    return agency;
  }

  /** người ký: the signer. */
  public String signer() {
    return signer;
  }

  /** trích yếu: the subject line of an official document. */
  public String summary() {
    return summary;
  }

  public String contentHash() {
    return contentHash;
  }

  /** Cheap marker (size + mtime, IMAP UID…) that tells an incremental run the item is unchanged. */
  public String changeMarker() {
    return changeMarker;
  }

  /** How OCR contributed: {@code "used"}, {@code "unavailable"} (needed, not installed) or null. */
  public String ocr() {
    return ocr;
  }

  /** Mean OCR word confidence in [0, 1] when OCR was used, else null. */
  public Float ocrConfidence() {
    return ocrConfidence;
  }

  /** True when the extracted text was cut at the configured character limit. */
  public boolean truncated() {
    return truncated;
  }

  /**
   * The legacy encoding the text was repaired from ({@code tcvn3}, {@code vni}, {@code viscii},
   * {@code windows-1258}), or null when the text needed no repair.
   */
  public String legacyEncoding() {
    return legacyEncoding;
  }

  /** Mutable builder; every setter returns {@code this}. */
  public static final class Builder {
    private final String id;
    private final Kind kind;
    private String parentId;
    private String threadId;
    private String source;
    private String locator;
    private List<String> groups = List.of();
    private boolean isPublic;
    private String title;
    private String body;
    private Instant date;
    private DateSource dateSource;
    private String sender;
    private List<String> recipients = List.of();
    private String messageId;
    private String inReplyTo;
    private List<String> references = List.of();
    private String listId;
    private List<String> folders = List.of();
    private List<String> attachmentNames = List.of();
    private String contentType;
    private String documentNumber;
    private String documentType;
    private String agency;
    private String signer;
    private String summary;
    private String contentHash;
    private String changeMarker;
    private String ocr;
    private Float ocrConfidence;
    private boolean truncated;
    private String legacyEncoding;

    private Builder(String id, Kind kind) {
      this.id = id;
      this.kind = kind;
    }

    public Builder parentId(String v) {
      parentId = v;
      return this;
    }

    public Builder threadId(String v) {
      threadId = v;
      return this;
    }

    public Builder source(String v) {
      source = v;
      return this;
    }

    public Builder locator(String v) {
      locator = v;
      return this;
    }

    public Builder groups(List<String> v) {
      groups = v;
      return this;
    }

    public Builder isPublic(boolean v) {
      isPublic = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder body(String v) {
      body = v;
      return this;
    }

    public Builder date(Instant v, DateSource from) {
      date = v;
      dateSource = from;
      return this;
    }

    public Builder sender(String v) {
      sender = v;
      return this;
    }

    public Builder recipients(List<String> v) {
      recipients = v;
      return this;
    }

    public Builder messageId(String v) {
      messageId = v;
      return this;
    }

    public Builder inReplyTo(String v) {
      inReplyTo = v;
      return this;
    }

    public Builder references(List<String> v) {
      references = v;
      return this;
    }

    public Builder listId(String v) {
      listId = v;
      return this;
    }

    public Builder folders(List<String> v) {
      folders = v;
      return this;
    }

    public Builder attachmentNames(List<String> v) {
      attachmentNames = v;
      return this;
    }

    public Builder contentType(String v) {
      contentType = v;
      return this;
    }

    public Builder documentNumber(String v) {
      documentNumber = v;
      return this;
    }

    public Builder documentType(String v) {
      documentType = v;
      return this;
    }

    public Builder agency(String v) {
      agency = v;
      return this;
    }

    public Builder signer(String v) {
      signer = v;
      return this;
    }

    public Builder summary(String v) {
      summary = v;
      return this;
    }

    public Builder contentHash(String v) {
      contentHash = v;
      return this;
    }

    public Builder changeMarker(String v) {
      changeMarker = v;
      return this;
    }

    public Builder ocr(String status, Float confidence) {
      ocr = status;
      ocrConfidence = confidence;
      return this;
    }

    public Builder truncated(boolean v) {
      truncated = v;
      return this;
    }

    public Builder legacyEncoding(String v) {
      legacyEncoding = v;
      return this;
    }

    public IndexRecord build() {
      return new IndexRecord(this);
    }
  }
}
