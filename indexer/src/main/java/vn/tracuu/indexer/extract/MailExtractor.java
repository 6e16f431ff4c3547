package vn.tracuu.indexer.extract;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import vn.tracuu.analysis.legacy.LegacyEncoding;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.Kind;

/**
 * Turns one RFC 5322 message into records through Jakarta Mail: the message itself (headers
 * decoded, text/plain preferred over HTML) and one child record per attachment (extracted with
 * Tika) or nested message/rfc822 part.
 *
 * <p>Real archives hold every kind of broken mail. A part that cannot be decoded (unknown transfer
 * encoding, missing boundary, bad base64) is read raw as text instead, so a message is only lost
 * when its bytes cannot be read at all.
 */
public final class MailExtractor {

  /** Larger messages are reported instead of read (they are bounded; mbox files are not). */
  public static final int MAX_MESSAGE_BYTES = 256 << 20;

  /** Smaller images attached to mail are kept by name only, not sent to OCR. */
  static final int MIN_OCR_IMAGE_BYTES = 64 << 10;

  private static final int MAX_DEPTH = 24;
  private static final int MAX_PARTS = 5_000;
  private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
  private static final Pattern REPLY_PREFIX =
      Pattern.compile(
          "^(\\s*(re|fwd?|aw|sv|tl|tr[aả] l[oờ]i|chuy[eể]n ti[eế]p)\\s*(\\[\\d+\\])?\\s*:\\s*)+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  // Headers a mailbox or delivery agent adds or rewrites per copy; left out of the content hash.
  private static final Set<String> VOLATILE_HEADERS =
      Set.of(
          "status",
          "x-status",
          "x-keywords",
          "x-uid",
          "x-imapbase",
          "x-mozilla-status",
          "x-mozilla-status2",
          "content-length",
          "lines");

  static {
    // Jakarta Mail reads its leniency switches from system properties once, when its classes
    // load; an archive indexer wants every one of them lenient.
    setDefault("mail.mime.base64.ignoreerrors", "true");
    setDefault("mail.mime.ignoreunknownencoding", "true");
    setDefault("mail.mime.decodetext.strict", "false");
    setDefault("mail.mime.parameters.strict", "false");
    setDefault("mail.mime.multipart.allowempty", "true");
    setDefault("mail.mime.decodefilename", "true");
    setDefault("mail.mime.decodeparameters", "true");
    // Jakarta Mail looks its stream provider up through ServiceLoader on every header block and
    // part (a jar resource scan each time, the top cost in profiles); naming it skips the scan.
    setDefault(
        "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  // MimeMessage.getSentDate parses under one JVM-wide lock; each worker keeps its own parser.
  private static final ThreadLocal<MailDateFormat> DATE_FORMAT =
      ThreadLocal.withInitial(MailDateFormat::new);

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  private final Session session;
  private final TextExtractor textExtractor;

  public MailExtractor(TextExtractor textExtractor) {
    this.textExtractor = textExtractor;
    Properties props = new Properties();
    props.setProperty("mail.mime.address.strict", "false");
    this.session = Session.getInstance(props);
  }

  /** The records of one message: first the message, then its attachments. */
  public List<IndexRecord> extract(SourceConfig source, SourceItem item)
      throws ExtractionException {
    if (item.size() > MAX_MESSAGE_BYTES) {
      throw new ExtractionException(
          "message of " + item.size() + " bytes is larger than the limit of " + MAX_MESSAGE_BYTES);
    }
    byte[] raw;
    try (InputStream in = item.open()) {
      raw = in.readNBytes(MAX_MESSAGE_BYTES + 1);
    } catch (IOException e) {
      throw new ExtractionException("cannot read message: " + TextExtractor.firstLine(e), e);
    }
    if (raw.length > MAX_MESSAGE_BYTES) {
      throw new ExtractionException("message is larger than the limit of " + MAX_MESSAGE_BYTES);
    }
    if (raw.length == 0) {
      throw new ExtractionException("empty message (0 bytes)");
    }
    try {
      MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
      return records(source, item, message, raw);
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new ExtractionException("malformed message: " + TextExtractor.firstLine(e), e);
    }
  }

  /** The headers and text of a message, as read from its MIME structure. */
  record Parsed(
      String messageId,
      String subject,
      List<String> from,
      List<String> recipients,
      String inReplyTo,
      List<String> references,
      String listId,
      Instant date,
      DateSource dateSource,
      Body body) {}

  private Parsed parse(MimeMessage message, long fileTime) {
    String messageId = firstId(header(message, "Message-ID"));
    String subject = decodeHeader(header(message, "Subject"));
    List<String> from = addresses(message, "From");
    List<String> recipients = new ArrayList<>();
    for (String name : List.of("To", "Cc", "Bcc")) {
      recipients.addAll(addresses(message, name));
    }
    String inReplyTo = firstId(header(message, "In-Reply-To"));
    List<String> references = ids(header(message, "References"));
    String listId = firstId(decodeHeader(header(message, "List-Id")));

    Instant date = plausible(sentDate(message));
    DateSource dateSource = DateSource.HEADER;
    if (date == null) {
      date = newestReceived(message);
      dateSource = DateSource.RECEIVED;
    }
    if (date == null) {
      date = Instant.ofEpochMilli(fileTime);
      dateSource = DateSource.FILE_TIME;
    }
    Body body = new Body();
    collect(message, body, 0);
    return new Parsed(
        messageId,
        subject == null ? "" : subject,
        from,
        recipients,
        inReplyTo,
        references,
        listId,
        date,
        dateSource,
        body);
  }

  private List<IndexRecord> records(
      SourceConfig source, SourceItem item, MimeMessage message, byte[] raw)
      throws MessagingException, IOException {
    Parsed p = parse(message, item.modifiedMillis());
    String hash = contentHash(raw);
    String id =
        "mail:" + source.name() + ":" + (p.messageId() != null ? p.messageId() : "sha256-" + hash);
    String threadId = threadId(p, id);
    String sender = p.from().isEmpty() ? null : p.from().getFirst();

    List<IndexRecord> records = new ArrayList<>();
    records.add(
        IndexRecord.builder(id, Kind.EMAIL)
            .source(source.name())
            .locator(item.locator())
            .groups(source.groups())
            .isPublic(source.isPublic())
            .title(p.subject())
            .body(p.body().text())
            .legacyEncoding(p.body().legacy == null ? null : p.body().legacy.id())
            .date(p.date(), p.dateSource())
            .sender(sender)
            .recipients(p.recipients())
            .messageId(p.messageId())
            .inReplyTo(p.inReplyTo())
            .references(p.references())
            .listId(p.listId())
            .threadId(threadId)
            .folders(item.folder() == null ? List.of() : List.of(item.folder()))
            .attachmentNames(p.body().attachments.stream().map(Attachment::name).toList())
            .contentType("message/rfc822")
            .contentHash(hash)
            .build());

    int n = 0;
    for (Attachment attachment : p.body().attachments) {
      n++;
      IndexRecord.Builder child =
          IndexRecord.builder(id + "!" + n, Kind.ATTACHMENT)
              .parentId(id)
              .threadId(threadId)
              .source(source.name())
              .locator(item.locator() + "!" + attachment.name())
              .groups(source.groups())
              .isPublic(source.isPublic())
              .title(attachment.name())
              .date(p.date(), p.dateSource())
              .sender(sender)
              .contentHash(sha256(attachment.bytes()));
      if (attachment.text() != null) {
        child.body(attachment.text()).contentType(attachment.contentType());
      } else if (attachment.contentType().startsWith("image/")
          && attachment.bytes().length < MIN_OCR_IMAGE_BYTES) {
        // Logos, icons and signature images: OCR costs a process start each, and finds no text.
        child.body("").contentType(attachment.contentType());
      } else {
        try {
          TextExtractor.Extracted text =
              textExtractor.extract(attachment.bytes(), attachment.name());
          child.body(text.text()).contentType(text.contentType());
        } catch (ExtractionException | RuntimeException e) {
          // The message stays searchable; the attachment is kept by name with an empty body.
          child.body("").contentType(attachment.contentType());
        }
      }
      records.add(child.build());
    }
    return records;
  }

  /** Text and attachments gathered from the MIME tree. */
  static final class Body {
    final StringBuilder plain = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    final List<Attachment> attachments = new ArrayList<>();
    int parts;
    LegacyEncoding legacy; // set when a text part was repaired from a legacy encoding

    String text() {
      return plain.isEmpty() ? HtmlText.toText(html.toString()) : plain.toString();
    }
  }

  /**
   * An attachment or nested message: {@code text} is set when it was read here (nested messages),
   * else {@code bytes} go to Tika.
   */
  record Attachment(String name, String contentType, byte[] bytes, String text) {}

  /** Walks one part; a part that fails is read raw so that its text is not lost. */
  private void collect(Part part, Body body, int depth) {
    if (++body.parts > MAX_PARTS || depth > MAX_DEPTH) {
      return;
    }
    try {
      collectPart(part, body, depth);
    } catch (MessagingException | IOException | RuntimeException e) {
      String raw = rawText(part);
      if (raw != null) {
        append(body.plain, raw);
      }
    }
  }

  private void collectPart(Part part, Body body, int depth) throws MessagingException, IOException {
    String type = baseType(part);
    String fileName = fileName(part);
    boolean attachment =
        Part.ATTACHMENT.equalsIgnoreCase(disposition(part))
            || (fileName != null && !type.startsWith("multipart/"));
    if (type.equals("application/pkcs7-signature")
        || type.equals("application/x-pkcs7-signature")) {
      return; // an S/MIME signature: no text
    }
    if (type.equals("application/pkcs7-mime") || type.equals("application/x-pkcs7-mime")) {
      if (collectSigned(part, body, depth)) {
        return;
      }
    }
    if (type.startsWith("multipart/")) {
      Object content = part.getContent();
      if (content instanceof Multipart multipart && multipart.getCount() > 0) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child, body, depth + 1);
        }
      } else {
        // No boundary found (or none declared): the text below is read raw by the caller.
        throw new MessagingException("multipart without parts");
      }
    } else if (type.equals("message/rfc822") || type.equals("message/global")) {
      collectNested(part, fileName, body, depth);
    } else if (attachment) {
      body.attachments.add(
          new Attachment(fileName != null ? fileName : "attachment", type, bytes(part), null));
    } else if (type.equals("text/html")) {
      append(body.html, text(part, body));
    } else if (type.startsWith("text/") || type.isEmpty()) {
      append(body.plain, text(part, body));
    }
  }

  /** A forwarded message: its text becomes a child record, its attachments the parent's. */
  private void collectNested(Part part, String fileName, Body body, int depth)
      throws MessagingException, IOException {
    MimeMessage nested = new MimeMessage(session, new ByteArrayInputStream(bytes(part)));
    Body inner = new Body();
    inner.parts = body.parts;
    collect(nested, inner, depth + 1);
    body.parts = inner.parts;
    String subject = decodeHeader(header(nested, "Subject"));
    String name =
        fileName != null
            ? fileName
            : (subject == null || subject.isBlank() ? "message" : subject) + ".eml";
    StringBuilder text = new StringBuilder();
    for (String header : List.of("From", "To", "Cc", "Date", "Subject")) {
      String value =
          header.equals("Date") ? header(nested, header) : decodeHeader(header(nested, header));
      if (value != null) {
        text.append(header).append(": ").append(value).append('\n');
      }
    }
    text.append('\n').append(inner.text());
    body.attachments.add(new Attachment(name, "message/rfc822", new byte[0], text.toString()));
    body.attachments.addAll(inner.attachments);
  }

  /**
   * Opaque-signed S/MIME (application/pkcs7-mime; smime-type=signed-data): the signed MIME entity
   * is inside the CMS structure. Encrypted data cannot be read and is kept as an attachment.
   */
  private boolean collectSigned(Part part, Body body, int depth) {
    try {
      CMSSignedData signed = new CMSSignedData(bytes(part));
      CMSTypedData content = signed.getSignedContent();
      if (content == null || !(content.getContent() instanceof byte[] inner)) {
        return false;
      }
      collect(new MimeBodyPart(new ByteArrayInputStream(inner)), body, depth + 1);
      return true;
    } catch (Exception e) {
      // Not signed-data (enveloped, i.e. encrypted) or broken: handled as an attachment.
      return false;
    }
  }

  private static void append(StringBuilder target, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    if (!target.isEmpty()) {
      target.append("\n\n");
    }
    target.append(text);
  }

  private static byte[] bytes(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  /**
   * The text of a text/* part in its declared charset, or the detected one; legacy Vietnamese
   * encodings repaired (and noted in {@code body}).
   */
  private static String text(Part part, Body body) throws MessagingException, IOException {
    var repair = MailText.decodeRepairing(bytes(part), charsetLabel(part));
    if (repair.repaired()) {
      body.legacy = repair.encoding();
    }
    return repair.text();
  }

  /** The undecoded content of a part whose decoding failed, as text. */
  private static String rawText(Part part) {
    try {
      InputStream raw =
          part instanceof MimePart mime
              ? (mime instanceof MimeMessage m ? m.getRawInputStream() : rawBody(mime))
              : part.getInputStream();
      try (InputStream in = raw) {
        return MailText.decode(in.readAllBytes(), charsetLabel(part));
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      return null;
    }
  }

  private static InputStream rawBody(MimePart part) throws MessagingException, IOException {
    if (part instanceof MimeBodyPart body) {
      return body.getRawInputStream();
    }
    return part.getInputStream();
  }

  private static String charsetLabel(Part part) {
    try {
      String contentType = part.getContentType();
      return contentType == null ? null : new ContentType(contentType).getParameter("charset");
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String baseType(Part part) {
    try {
      String contentType = part.getContentType();
      if (contentType == null) {
        return "text/plain";
      }
      try {
        return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
      } catch (MessagingException e) {
        int semicolon = contentType.indexOf(';');
        String base = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return base.toLowerCase(Locale.ROOT);
      }
    } catch (MessagingException | RuntimeException e) {
      return "text/plain";
    }
  }

  private static String fileName(Part part) {
    try {
      String name = part.getFileName();
      return name == null || name.isBlank() ? null : decodeHeader(name).strip();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String disposition(Part part) {
    try {
      return part.getDisposition();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  /** Addresses of one header as "Name <address>" or the bare address, names decoded. */
  private static List<String> addresses(MimeMessage message, String name) {
    String raw = header(message, name);
    List<String> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    try {
      for (Address address : InternetAddress.parseHeader(raw8bit(raw), false)) {
        String shown = display(address);
        if (shown != null && !shown.isBlank()) {
          out.add(MailText.normalize(shown));
        }
      }
    } catch (MessagingException | RuntimeException e) {
      // Unparseable address list: keep it as text so it stays searchable.
      out.add(decodeHeader(raw));
    }
    return out;
  }

  private static String display(Address address) {
    if (address instanceof InternetAddress internet) {
      String personal = internet.getPersonal();
      String email = internet.getAddress();
      if (personal == null || personal.isBlank()) {
        return email;
      }
      return personal.strip() + (email == null || email.isBlank() ? "" : " <" + email + ">");
    }
    return address.toString();
  }

  /**
   * The thread root: the first References id, else In-Reply-To, else — only when the message has
   * neither — its subject without reply prefixes when it has one, else the message itself.
   */
  static String threadId(Parsed p, String fallback) {
    if (!p.references().isEmpty()) {
      return p.references().getFirst();
    }
    if (p.inReplyTo() != null) {
      return p.inReplyTo();
    }
    Matcher prefix = REPLY_PREFIX.matcher(p.subject());
    if (prefix.find() && prefix.end() < p.subject().length()) {
      return "subject:" + subjectKey(p.subject());
    }
    return p.messageId() != null ? p.messageId() : fallback;
  }

  /** The subject without reply/forward prefixes, lower case, spaces collapsed. */
  static String subjectKey(String subject) {
    return REPLY_PREFIX
        .matcher(subject)
        .replaceFirst("")
        .strip()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }

  private static Date sentDate(MimeMessage message) {
    String value = header(message, "Date");
    if (value == null) {
      return null;
    }
    try {
      return DATE_FORMAT.get().parse(value.replaceAll("\\s+", " "), new ParsePosition(0));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Dates before 1970 or more than a year ahead are clock errors, not dates. */
  private static Instant plausible(Date date) {
    if (date == null) {
      return null;
    }
    Instant instant = date.toInstant();
    if (instant.isBefore(Instant.EPOCH)
        || instant.isAfter(Instant.now().plus(366, ChronoUnit.DAYS))) {
      return null;
    }
    return instant;
  }

  /** The newest date among the Received headers ("…; Mon, 19 Aug 2019 08:00:00 +0700"). */
  private static Instant newestReceived(MimeMessage message) {
    String[] received;
    try {
      received = message.getHeader("Received");
    } catch (MessagingException e) {
      return null;
    }
    if (received == null) {
      return null;
    }
    Instant newest = null;
    MailDateFormat format = DATE_FORMAT.get();
    for (String header : received) {
      int semicolon = header.lastIndexOf(';');
      if (semicolon < 0) {
        continue;
      }
      String text = header.substring(semicolon + 1).replaceAll("\\s+", " ").strip();
      Date date = format.parse(text, new ParsePosition(0));
      Instant instant = plausible(date);
      if (instant != null && (newest == null || instant.isAfter(newest))) {
        newest = instant;
      }
    }
    return newest;
  }

  private static String header(MimeMessage message, String name) {
    try {
      String value = message.getHeader(name, " ");
      return value == null || value.isBlank() ? null : value.strip();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  /** The first {@code <id>} of a header, or its first word when nothing is in angle brackets. */
  static String firstId(String value) {
    List<String> ids = ids(value);
    return ids.isEmpty() ? null : ids.getFirst();
  }

  static List<String> ids(String value) {
    List<String> ids = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return ids;
    }
    Matcher m = ANGLE_ID.matcher(value);
    Set<String> seen = new LinkedHashSet<>();
    while (m.find()) {
      seen.add(m.group(1));
    }
    if (seen.isEmpty()) {
      String word = value.strip().split("\\s+")[0].replaceAll("^<|>$", "");
      if (!word.isEmpty()) {
        seen.add(word);
      }
    }
    ids.addAll(seen);
    return ids;
  }

  /**
   * A header as text: raw 8-bit bytes (mailers that skip RFC 2047) decoded like a body, then RFC
   * 2047 encoded words decoded, then NFC.
   */
  static String decodeHeader(String value) {
    if (value == null) {
      return null;
    }
    String text = raw8bit(value);
    try {
      text = MimeUtility.decodeText(text);
    } catch (IOException | RuntimeException e) {
      // Unknown charset in an encoded word: keep the undecoded text rather than nothing.
    }
    return MailText.normalize(text.replaceAll("[\\r\\n]+", " "));
  }

  /**
   * Jakarta Mail reads header bytes as ISO-8859-1 characters: undo that and decode the bytes as
   * UTF-8, or the detected charset, when any is above 0x7F.
   */
  private static String raw8bit(String value) {
    boolean high = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xFF) {
        return value;
      }
      high |= c > 0x7F;
    }
    return high ? MailText.decode(value.getBytes(StandardCharsets.ISO_8859_1), null) : value;
  }

  /**
   * SHA-256 of the message without the headers a mailbox adds per copy (Status, X-UID…), so the
   * same message in two folders or mailboxes has the same hash.
   */
  static String contentHash(byte[] raw) {
    MessageDigest digest = sha256Digest();
    int pos = 0;
    boolean skipping = false;
    while (pos < raw.length) {
      int end = pos;
      while (end < raw.length && raw[end] != '\n') {
        end++;
      }
      int next = Math.min(end + 1, raw.length);
      int length = end - pos;
      if (length == 0 || (length == 1 && raw[pos] == '\r')) {
        digest.update(raw, pos, raw.length - pos); // the body, whole
        break;
      }
      boolean continuation = raw[pos] == ' ' || raw[pos] == '\t';
      if (!continuation) {
        skipping = VOLATILE_HEADERS.contains(headerName(raw, pos, end));
      }
      if (!skipping) {
        digest.update(raw, pos, next - pos);
      }
      pos = next;
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String headerName(byte[] raw, int from, int to) {
    for (int i = from; i < to; i++) {
      if (raw[i] == ':') {
        return new String(raw, from, i - from, StandardCharsets.ISO_8859_1)
            .strip()
            .toLowerCase(Locale.ROOT);
      }
    }
    return "";
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256Digest().digest(bytes));
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
