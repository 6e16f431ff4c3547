package vn.tracuu.indexer.source;

import java.io.BufferedInputStream;
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

  private MailboxReader() {}

  /** Lists every message under {@code root} (a directory, an mbox file or an .eml file). */
  public static void list(Path root, Consumer<SourceItem> sink) throws IOException {
    if (Files.isRegularFile(root)) {
      listFile(root, root.getParent() == null ? root : root.getParent(), sink);
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      listFile(file, root, sink);
    }
  }

  private static void listFile(Path file, Path root, Consumer<SourceItem> sink) throws IOException {
    String name = file.getFileName().toString();
    Path parent = file.getParent();
    String parentName = parent == null ? "" : parent.getFileName().toString();
    String relative = root.relativize(file).toString();
    if (name.startsWith(".") || parentName.equals("tmp")) {
      // Dot files are bookkeeping (.gitkeep, .uidvalidity); tmp/ holds mail being delivered.
      return;
    }
    if (parentName.equals("cur") || parentName.equals("new")) {
      sink.accept(fileItem(file, relative, maildirFolder(root, parent.getParent())));
    } else if (name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
      String folder =
          parent == null || parent.equals(root) ? null : root.relativize(parent).toString();
      sink.accept(fileItem(file, relative, folder));
    } else if (looksLikeMbox(file)) {
      splitMbox(file, relative, sink);
    }
  }

  private static SourceItem fileItem(Path file, String relative, String folder) throws IOException {
    return new SourceItem(
        relative,
        folder,
        Files.size(file),
        Files.getLastModifiedTime(file).toMillis(),
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

  private static boolean looksLikeMbox(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(FROM_.length);
      return java.util.Arrays.equals(head, FROM_);
    }
  }

  /**
   * Splits an mbox into messages. Each message is buffered alone (messages are bounded, mbox files
   * are not). mboxrd quoting ("&gt;From " lines) is undone; mboxo files read the same way.
   */
  static void splitMbox(Path file, String relative, Consumer<SourceItem> sink) throws IOException {
    long mtime = Files.getLastModifiedTime(file).toMillis();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      boolean inMessage = false;
      boolean previousBlank = true;
      int index = 0;
      byte[] line;
      while ((line = readLine(in)) != null) {
        if (previousBlank && startsWith(line, FROM_, 0)) {
          if (inMessage) {
            emit(file, relative, ++index, message, mtime, sink);
          }
          message.reset();
          inMessage = true;
          previousBlank = false;
          continue;
        }
        if (inMessage) {
          message.write(unquoteFrom(line));
        }
        previousBlank = isBlank(line);
      }
      if (inMessage) {
        emit(file, relative, ++index, message, mtime, sink);
      }
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

  /** Reads one line including its terminator; null at end of stream. */
  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.size() == 0 ? null : line.toByteArray();
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
