package vn.tracuu.indexer.extract;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.Kind;

/**
 * Turns one RFC 5322 message into records through Jakarta Mail: the message itself (headers
 * decoded, text/plain preferred over HTML) and one child record per attachment, extracted with
 * Tika.
 */
public final class MailExtractor {

  private final Session session;
  private final TextExtractor textExtractor;

  public MailExtractor(TextExtractor textExtractor) {
    this.textExtractor = textExtractor;
    Properties props = new Properties();
    // Real archives hold malformed mail; decode what can be decoded instead of failing.
    props.setProperty("mail.mime.address.strict", "false");
    props.setProperty("mail.mime.decodetext.strict", "false");
    props.setProperty("mail.mime.parameters.strict", "false");
    props.setProperty("mail.mime.base64.ignoreerrors", "true");
    props.setProperty("mail.mime.multipart.allowempty", "true");
    props.setProperty("mail.mime.decodefilename", "true");
    this.session = Session.getInstance(props);
  }

  /** The records of one message: first the message, then its attachments. */
  public List<IndexRecord> extract(SourceConfig source, SourceItem item)
      throws ExtractionException {
    byte[] raw;
    try (InputStream in = item.open()) {
      raw = in.readAllBytes();
    } catch (IOException e) {
      throw new ExtractionException("cannot read message: " + TextExtractor.firstLine(e), e);
    }
    try {
      MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
      return records(source, item, message, raw);
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new ExtractionException("malformed message: " + TextExtractor.firstLine(e), e);
    }
  }

  private List<IndexRecord> records(
      SourceConfig source, SourceItem item, MimeMessage message, byte[] raw)
      throws MessagingException, IOException {
    String messageId = stripAngles(header(message, "Message-ID"));
    String hash = sha256(raw);
    String id = "mail:" + source.name() + ":" + (messageId != null ? messageId : "sha256-" + hash);

    Body body = new Body();
    collect(message, body);

    Instant date;
    DateSource dateSource;
    if (message.getSentDate() != null) {
      date = message.getSentDate().toInstant();
      dateSource = DateSource.HEADER;
    } else {
      date = Instant.ofEpochMilli(item.modifiedMillis());
      dateSource = DateSource.FILE_TIME;
    }

    List<String> recipients = new ArrayList<>();
    for (Message.RecipientType type :
        new Message.RecipientType[] {
          Message.RecipientType.TO, Message.RecipientType.CC, Message.RecipientType.BCC
        }) {
      recipients.addAll(addresses(safeRecipients(message, type)));
    }
    List<String> from = addresses(safeFrom(message));

    String subject = nfc(decode(message.getSubject()));
    String threadId = threadId(message, messageId, id);
    List<IndexRecord> records = new ArrayList<>();
    records.add(
        IndexRecord.builder(id, Kind.EMAIL)
            .source(source.name())
            .locator(item.locator())
            .groups(source.groups())
            .isPublic(source.isPublic())
            .title(subject)
            .body(nfc(body.text()))
            .date(date, dateSource)
            .sender(from.isEmpty() ? null : from.getFirst())
            .recipients(recipients)
            .messageId(messageId)
            .threadId(threadId)
            .folders(item.folder() == null ? List.of() : List.of(item.folder()))
            .attachmentNames(body.attachments.stream().map(Attachment::name).toList())
            .contentType("message/rfc822")
            .contentHash(hash)
            .build());

    int n = 0;
    for (Attachment attachment : body.attachments) {
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
              .date(date, dateSource)
              .sender(from.isEmpty() ? null : from.getFirst())
              .contentHash(sha256(attachment.bytes()));
      try {
        TextExtractor.Extracted text =
            textExtractor.extract(new ByteArrayInputStream(attachment.bytes()), attachment.name());
        child.body(text.text()).contentType(text.contentType());
      } catch (ExtractionException e) {
        // The message stays searchable; the attachment is kept by name with an empty body.
        child.body("").contentType(attachment.contentType());
      }
      records.add(child.build());
    }
    return records;
  }

  /** Text and attachments gathered from the MIME tree. */
  private static final class Body {
    final StringBuilder plain = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    final List<Attachment> attachments = new ArrayList<>();

    String text() {
      return plain.isEmpty() ? HtmlText.toText(html.toString()) : plain.toString();
    }
  }

  private record Attachment(String name, String contentType, byte[] bytes) {}

  private void collect(Part part, Body body) throws MessagingException, IOException {
    String fileName = fileName(part);
    boolean attachment =
        Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(part)) || fileName != null;
    if (part.isMimeType("multipart/*")) {
      Object content = part.getContent();
      if (content instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child, body);
        }
      }
    } else if (attachment) {
      try (InputStream in = part.getInputStream()) {
        body.attachments.add(
            new Attachment(
                fileName != null ? fileName : "attachment",
                baseType(part.getContentType()),
                in.readAllBytes()));
      }
    } else if (part.isMimeType("message/rfc822")) {
      Object content = part.getContent();
      if (content instanceof Part nested) {
        collect(nested, body);
      }
    } else if (part.isMimeType("text/plain")) {
      append(body.plain, textContent(part));
    } else if (part.isMimeType("text/html")) {
      append(body.html, textContent(part));
    }
  }

  private static void append(StringBuilder target, String text) {
    if (!target.isEmpty()) {
      target.append("\n\n");
    }
    target.append(text);
  }

  /**
   * The text of a text/* part, decoded with its declared charset. Unknown or missing labels fall
   * back to UTF-8, the common default of current mailers.
   */
  private static String textContent(Part part) throws MessagingException, IOException {
    byte[] bytes;
    try (InputStream in = part.getInputStream()) {
      bytes = in.readAllBytes();
    }
    return new String(bytes, charset(part));
  }

  private static Charset charset(Part part) {
    try {
      String label = new ContentType(part.getContentType()).getParameter("charset");
      if (label != null && !label.isBlank()) {
        return Charset.forName(MimeUtility.javaCharset(label.strip()));
      }
    } catch (MessagingException | IllegalArgumentException e) {
      // Malformed Content-Type or unknown charset label: use the default below.
    }
    return StandardCharsets.UTF_8;
  }

  private static String fileName(Part part) {
    try {
      String name = part.getFileName();
      return name == null || name.isBlank() ? null : nfc(decode(name));
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String safeDisposition(Part part) {
    try {
      return part.getDisposition();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static Address[] safeRecipients(MimeMessage message, Message.RecipientType type) {
    try {
      return message.getRecipients(type);
    } catch (MessagingException e) {
      return null;
    }
  }

  private static Address[] safeFrom(MimeMessage message) {
    try {
      return message.getFrom();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static List<String> addresses(Address[] addresses) {
    List<String> out = new ArrayList<>();
    if (addresses != null) {
      for (Address address : addresses) {
        out.add(nfc(display(address)));
      }
    }
    return out;
  }

  /** "Name <address>" without the quotes RFC 5322 needs, or the bare address. */
  private static String display(Address address) {
    if (address instanceof InternetAddress internet) {
      String personal = internet.getPersonal();
      String email = internet.getAddress();
      if (personal == null || personal.isBlank()) {
        return email == null ? internet.toUnicodeString() : email;
      }
      return personal.strip() + " <" + email + ">";
    }
    return address.toString();
  }

  /** The thread root: the first References id, else In-Reply-To, else the message itself. */
  private static String threadId(MimeMessage message, String messageId, String fallback)
      throws MessagingException {
    String references = header(message, "References");
    if (references != null) {
      String[] ids = references.trim().split("\\s+");
      if (ids.length > 0 && !ids[0].isEmpty()) {
        return stripAngles(ids[0]);
      }
    }
    String inReplyTo = header(message, "In-Reply-To");
    if (inReplyTo != null && !inReplyTo.isBlank()) {
      return stripAngles(inReplyTo.trim().split("\\s+")[0]);
    }
    return messageId != null ? messageId : fallback;
  }

  private static String header(MimeMessage message, String name) throws MessagingException {
    String value = message.getHeader(name, " ");
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String stripAngles(String id) {
    if (id == null) {
      return null;
    }
    String s = id.strip();
    if (s.startsWith("<") && s.endsWith(">")) {
      s = s.substring(1, s.length() - 1);
    }
    return s.isEmpty() ? null : s;
  }

  private static String decode(String text) {
    if (text == null) {
      return "";
    }
    try {
      return MimeUtility.decodeText(text);
    } catch (UnsupportedEncodingException e) {
      return text;
    }
  }

  private static String baseType(String contentType) {
    if (contentType == null) {
      return "application/octet-stream";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
  }

  static String nfc(String s) {
    return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
