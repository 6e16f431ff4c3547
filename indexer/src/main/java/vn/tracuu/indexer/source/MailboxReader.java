package vn.tracuu.indexer.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the messages under a mail source root: Maildir and Maildir++ trees (files in {@code cur/}
 * and {@code new/}), {@code .eml} files, and mbox files (streamed message by message, never read
 * whole). The folder of a Maildir++ subfolder ".Ban-chi-dao.2019" is "Ban-chi-dao/2019"; the top
 * Maildir is "INBOX".
 */
public final class MailboxReader {

  private static final byte[] FROM_ = "From ".getBytes(StandardCharsets.US_ASCII);
  private static final int SNIFF_BYTES = 4096;
  // Header names that make a file a message when it has no mail extension and is not in a Maildir.
  private static final java.util.Set<String> MAIL_HEADERS =
      java.util.Set.of(
          "from",
          "to",
          "cc",
          "subject",
          "date",
          "message-id",
          "received",
          "return-path",
          "mime-version",
          "content-type",
          "delivered-to",
          "sender",
          "reply-to",
          "in-reply-to",
          "references",
          "x-mailer");
  // Files a mail server keeps beside the messages.
  private static final java.util.regex.Pattern BOOKKEEPING =
      java.util.regex.Pattern.compile(
          "(?i)(dovecot.*|courier.*|subscriptions|maildirfolder|maildirsize|\\.?uidvalidity|.*\\.lock)");

  /** A file under a mail root that holds no message, and why. */
  @FunctionalInterface
  public interface SkipSink {
    void skipped(String locator, String reason);
  }

  private MailboxReader() {}

  /** Lists every message under {@code root} (a directory, an mbox file or an .eml file). */
  public static void list(Path root, Consumer<SourceItem> sink) throws IOException {
    list(root, sink, (locator, reason) -> {});
  }

  /**
   * Lists every message under {@code root}; files that hold no message (expected-output files,
   * notes, server bookkeeping) go to {@code skipped} with the reason.
   */
  public static void list(Path root, Consumer<SourceItem> sink, SkipSink skipped)
      throws IOException {
    if (Files.isRegularFile(root)) {
      listFile(root, root.getParent() == null ? root : root.getParent(), sink, skipped);
      return;
    }
    Path start = SourceRoots.walkStart(root);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(start)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      listFile(file, start, sink, skipped);
    }
  }

  /**
   * How many messages {@link #list} would give for {@code root}, by the same rules, without reading
   * messages: an mbox is scanned for its "From " separators in a fixed buffer. For a progress
   * total; files that cannot be read count as none.
   */
  public static long count(Path root) throws IOException {
    if (Files.isRegularFile(root)) {
      return countFile(root);
    }
    try (Stream<Path> walk = Files.walk(SourceRoots.walkStart(root))) {
      return walk.filter(Files::isRegularFile).mapToLong(MailboxReader::countFile).sum();
    }
  }

  /**
   * Whether {@code folder} is a Maildir's tmp/ (mail still being delivered): named tmp, beside cur/
   * or new/. Any other folder named tmp (such as /tmp) holds mail like any folder.
   */
  private static boolean inMaildirTmp(Path folder) {
    if (folder == null || folder.getFileName() == null) {
      return false;
    }
    if (!folder.getFileName().toString().equals("tmp")) {
      return false;
    }
    Path maildir = folder.getParent();
    return maildir != null
        && (Files.isDirectory(maildir.resolve("cur")) || Files.isDirectory(maildir.resolve("new")));
  }

  private static long countFile(Path file) {
    String name = file.getFileName().toString();
    Path parent = file.getParent();
    String parentName = parent == null ? "" : parent.getFileName().toString();
    if (name.startsWith(".") || inMaildirTmp(parent) || BOOKKEEPING.matcher(name).matches()) {
      return 0;
    }
    if (parentName.equals("cur") || parentName.equals("new")) {
      return 1;
    }
    try {
      byte[] head = head(file);
      String lower = name.toLowerCase(Locale.ROOT);
      if (startsWith(head, FROM_, 0)) {
        try (InputStream in = Files.newInputStream(file)) {
          return countSeparators(in);
        }
      }
      if (isOle(head)) {
        return 0;
      }
      return lower.endsWith(".eml")
              || looksLikeMessage(head)
              || lower.endsWith(".mbox")
              || lower.endsWith(".msg")
          ? 1
          : 0;
    } catch (IOException e) {
      return 0; // the listing reports it
    }
  }

  /** The "From " lines that follow a blank line (or open the file): {@link #splitMbox}'s rule. */
  static long countSeparators(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long count = 0;
    boolean previousBlank = true;
    boolean blank = true;
    int matched = 0; // bytes of "From " matched at the start of this line; -1: no match
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (b == '\n') {
          previousBlank = blank;
          blank = true;
          matched = 0;
          continue;
        }
        if (matched >= 0 && matched < FROM_.length) {
          if (b == FROM_[matched]) {
            if (++matched == FROM_.length && previousBlank) {
              count++;
            }
          } else {
            matched = -1;
          }
        }
        if (b != '\r' && b != ' ' && b != '\t') {
          blank = false;
        }
      }
    }
    return count;
  }

  private static void listFile(Path file, Path root, Consumer<SourceItem> sink, SkipSink skipped)
      throws IOException {
    String name = file.getFileName().toString();
    Path parent = file.getParent();
    String parentName = parent == null ? "" : parent.getFileName().toString();
    String relative = root.relativize(file).toString().replace('\\', '/');
    if (name.startsWith(".") || inMaildirTmp(parent) || BOOKKEEPING.matcher(name).matches()) {
      // Dot files and server files are bookkeeping; tmp/ holds mail being delivered.
      return;
    }
    if (parentName.equals("cur") || parentName.equals("new")) {
      sink.accept(fileItem(file, relative, maildirFolder(root, parent.getParent())));
      return;
    }
    byte[] head = head(file);
    String folder =
        parent == null || parent.equals(root)
            ? null
            : root.relativize(parent).toString().replace('\\', '/');
    String lower = name.toLowerCase(Locale.ROOT);
    if (startsWith(head, FROM_, 0)) {
      splitMbox(file, relative, sink, skipped);
    } else if (isOle(head)) {
      skipped.skipped(
          relative, "Outlook .msg (OLE) file, not RFC 5322 mail: index it with --documents");
    } else if (lower.endsWith(".eml") || looksLikeMessage(head)) {
      sink.accept(fileItem(file, relative, folder));
    } else if (lower.endsWith(".mbox") || lower.endsWith(".msg")) {
      // Named as mail but does not start like mail: try it, the extractor reports what is wrong.
      sink.accept(fileItem(file, relative, folder));
    } else {
      skipped.skipped(relative, "not a mail file (no message headers, no mbox \"From \" line)");
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SNIFF_BYTES);
    }
  }

  private static boolean isOle(byte[] head) {
    return head.length >= 4
        && (head[0] & 0xff) == 0xD0
        && (head[1] & 0xff) == 0xCF
        && (head[2] & 0xff) == 0x11
        && (head[3] & 0xff) == 0xE0;
  }

  /**
   * True when the file starts with an RFC 5322 header block: every line up to the first blank one
   * is a "Name: value" field or a continuation, and at least one name is a mail header.
   */
  static boolean looksLikeMessage(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    if (text.startsWith("\uFEFF") || text.startsWith("\u00EF\u00BB\u00BF")) {
      return false;
    }
    String[] lines = text.split("\r?\n", -1);
    boolean mailHeader = false;
    int count = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        break;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (count == 0) {
          return false;
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !line.substring(0, colon).matches("[!-9;-~]+")) {
        // Some mailers start the body without the blank line: enough headers came before it.
        return count >= 2 && mailHeader;
      }
      count++;
      mailHeader |= MAIL_HEADERS.contains(line.substring(0, colon).toLowerCase(Locale.ROOT));
    }
    return mailHeader;
  }

  private static SourceItem fileItem(Path file, String relative, String folder) throws IOException {
    java.nio.file.attribute.BasicFileAttributes attributes =
        Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
    return new SourceItem(
        relative,
        folder,
        attributes.size(),
        attributes.lastModifiedTime().toMillis(),
        () -> Files.newInputStream(file));
  }

  static String maildirFolder(Path root, Path maildir) {
    if (maildir == null || maildir.equals(root)) {
      return "INBOX";
    }
    String name = maildir.getFileName().toString();
    if (name.startsWith(".")) {
      return name.substring(1).replace('.', '/');
    }
    return root.relativize(maildir).toString();
  }

  /** Splits an mbox into messages (see {@link #splitMbox(Path, String, Consumer, SkipSink)}). */
  static void splitMbox(Path file, String relative, Consumer<SourceItem> sink) throws IOException {
    splitMbox(file, relative, sink, (locator, reason) -> {});
  }

  /**
   * Splits an mbox into messages as it streams through it. Each message is buffered alone (messages
   * are bounded, mbox files are not); one larger than {@link #MAX_MESSAGE_BYTES} is reported and
   * skipped. mboxrd quoting ("&gt;From " lines) is undone; mboxo files read the same way.
   */
  static void splitMbox(Path file, String relative, Consumer<SourceItem> sink, SkipSink skipped)
      throws IOException {
    long mtime = Files.getLastModifiedTime(file).toMillis();
    try (LineReader in = new LineReader(Files.newInputStream(file))) {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      boolean inMessage = false;
      boolean tooLarge = false;
      boolean previousBlank = true;
      int index = 0;
      byte[] line;
      while ((line = in.readLine()) != null) {
        if (previousBlank && startsWith(line, FROM_, 0)) {
          if (inMessage) {
            finish(file, relative, ++index, message, tooLarge, mtime, sink, skipped);
          }
          message.reset();
          inMessage = true;
          tooLarge = false;
          previousBlank = false;
          continue;
        }
        if (inMessage && !tooLarge) {
          message.write(unquoteFrom(line));
          if (message.size() > MAX_MESSAGE_BYTES) {
            tooLarge = true;
            message.reset();
          }
        }
        previousBlank = isBlank(line);
      }
      if (inMessage) {
        finish(file, relative, ++index, message, tooLarge, mtime, sink, skipped);
      }
    }
  }

  /** Messages above this size are reported, not read. */
  public static final int MAX_MESSAGE_BYTES = 256 << 20;

  private static void finish(
      Path file,
      String relative,
      int index,
      ByteArrayOutputStream message,
      boolean tooLarge,
      long mtime,
      Consumer<SourceItem> sink,
      SkipSink skipped) {
    if (tooLarge) {
      skipped.skipped(
          relative + "#" + index, "message larger than " + MAX_MESSAGE_BYTES + " bytes, not read");
    } else {
      emit(file, relative, index, message, mtime, sink);
    }
  }

  private static void emit(
      Path file,
      String relative,
      int index,
      ByteArrayOutputStream message,
      long mtime,
      Consumer<SourceItem> sink) {
    byte[] bytes = message.toByteArray();
    // The blank line before the next "From " separator belongs to the mbox, not the message.
    int length = bytes.length;
    if (endsWith(bytes, length, "\r\n\r\n")) {
      length -= 2;
    } else if (endsWith(bytes, length, "\n\n")) {
      length -= 1;
    }
    byte[] content = java.util.Arrays.copyOf(bytes, length);
    String folder = file.getFileName().toString().replaceFirst("(?i)\\.mbox$", "");
    sink.accept(
        new SourceItem(
            relative + "#" + index,
            folder,
            content.length,
            mtime,
            () -> new ByteArrayInputStream(content)));
  }

  private static boolean endsWith(byte[] bytes, int length, String suffix) {
    if (length < suffix.length()) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      if (bytes[length - suffix.length() + i] != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static byte[] unquoteFrom(byte[] line) {
    int i = 0;
    while (i < line.length && line[i] == '>') {
      i++;
    }
    if (i > 0 && startsWith(line, FROM_, i)) {
      return java.util.Arrays.copyOfRange(line, 1, line.length);
    }
    return line;
  }

  private static boolean startsWith(byte[] line, byte[] prefix, int offset) {
    if (line.length - offset < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads lines (terminator included) from a stream through its own buffer; a line longer than the
   * buffer comes back in pieces, which is harmless for splitting (a piece never starts with "From "
   * after a blank line unless the line did).
   */
  private static final class LineReader implements AutoCloseable {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;

    LineReader(InputStream in) {
      this.in = in;
    }

    byte[] readLine() throws IOException {
      if (pos == limit && !fill()) {
        return null;
      }
      ByteArrayOutputStream longLine = null;
      while (true) {
        for (int i = pos; i < limit; i++) {
          if (buffer[i] == '\n') {
            byte[] line = piece(longLine, i + 1);
            return line;
          }
        }
        if (longLine == null) {
          longLine = new ByteArrayOutputStream(limit - pos + 128);
        }
        longLine.write(buffer, pos, limit - pos);
        pos = limit;
        if (longLine.size() >= buffer.length * 16 || !fill()) {
          return longLine.toByteArray();
        }
      }
    }

    private byte[] piece(ByteArrayOutputStream longLine, int end) {
      byte[] line;
      if (longLine == null) {
        line = java.util.Arrays.copyOfRange(buffer, pos, end);
      } else {
        longLine.write(buffer, pos, end - pos);
        line = longLine.toByteArray();
      }
      pos = end;
      return line;
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer);
      if (n <= 0) {
        pos = limit = 0;
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * Lists every message under {@code root} into a list (convenience for tests and small sources).
   */
  public static List<SourceItem> listAll(Path root) throws IOException {
    List<SourceItem> items = new ArrayList<>();
    list(root, items::add);
    return items;
  }
}
