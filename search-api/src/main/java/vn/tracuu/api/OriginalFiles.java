package vn.tracuu.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The original bytes of a record, read only from the configured source roots ({@code sources:} in
 * the server configuration). A locator that would leave its root (.., absolute paths, symbolic
 * links pointing elsewhere) is refused.
 */
final class OriginalFiles {

  /** The bytes and a file name to offer them under. */
  record Original(byte[] bytes, String fileName) {}

  /** Why an original cannot be served; the message is safe to show. */
  static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message);
    }
  }

  /** Originals larger than this are not served through the API. */
  static final long MAX_BYTES = 200L * 1024 * 1024;

  private static final byte[] FROM_ = "From ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Map<String, Path> roots = new HashMap<>();

  OriginalFiles(List<ServerConfig.Source> sources) {
    for (ServerConfig.Source source : sources) {
      roots.put(source.name(), source.path().toAbsolutePath().normalize());
    }
  }

  Original read(StoredRecord record) throws Unavailable, IOException {
    Path root = roots.get(record.source());
    if (root == null) {
      throw new Unavailable(
          "source '" + record.source() + "' has no path in the server configuration");
    }
    String locator = record.locator();
    if (locator == null || locator.isBlank()) {
      throw new Unavailable("the record does not say where its original is");
    }
    if (locator.contains("!")) {
      throw new Unavailable(
          "an attachment's original is part of its message: /api/documents/"
              + record.parentId()
              + "/original");
    }
    String path = locator;
    int message = -1;
    int hash = locator.lastIndexOf('#');
    if (hash > 0 && locator.substring(hash + 1).matches("\\d{1,9}")) {
      path = locator.substring(0, hash);
      message = Integer.parseInt(locator.substring(hash + 1));
    }
    // A source whose root is one file (an mbox) has locators relative to the file's folder.
    boolean fileRoot = Files.isRegularFile(root);
    Path base = fileRoot ? root.getParent() : root;
    Path file = base.resolve(path).normalize();
    if (!Files.isRegularFile(file)) {
      throw new Unavailable(
          "the original is no longer at its place in source '" + record.source() + "'");
    }
    Path realRoot = root.toRealPath();
    Path realFile = file.toRealPath();
    boolean inside = fileRoot ? realFile.equals(realRoot) : realFile.startsWith(realRoot);
    if (!inside) {
      throw new Unavailable("the original is outside its source's folder");
    }
    String name = realFile.getFileName().toString();
    if (message > 0) {
      byte[] bytes = mboxMessage(realFile, message);
      if (bytes == null) {
        throw new Unavailable("message " + message + " is no longer in " + name);
      }
      return new Original(bytes, name.replaceFirst("(?i)\\.mbox$", "") + "-" + message + ".eml");
    }
    if (Files.size(realFile) > MAX_BYTES) {
      throw new Unavailable("the original is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    return new Original(Files.readAllBytes(realFile), name);
  }

  /**
   * The {@code n}-th message (from 1) of an mbox, split and unquoted the way the indexer does: a
   * "From " line after a blank line starts a message; "&gt;From " lines lose one '&gt;'.
   */
  static byte[] mboxMessage(Path mbox, int n) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(mbox), 1 << 16)) {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      boolean previousBlank = true;
      int index = 0;
      byte[] line;
      while ((line = readLine(in)) != null) {
        if (previousBlank && startsWith(line, 0)) {
          if (index == n) {
            break;
          }
          index++;
          previousBlank = false;
          continue;
        }
        if (index == n) {
          if (message.size() + line.length > MAX_BYTES) {
            throw new IOException("message " + n + " is larger than the API serves");
          }
          message.write(unquote(line));
        }
        previousBlank = isBlank(line);
      }
      if (index != n) {
        return null;
      }
      byte[] bytes = message.toByteArray();
      int length = bytes.length;
      // The blank line before the next separator belongs to the mbox, not the message.
      if (endsWith(bytes, "\r\n\r\n")) {
        length -= 2;
      } else if (endsWith(bytes, "\n\n")) {
        length -= 1;
      }
      return Arrays.copyOf(bytes, length);
    }
  }

  private static byte[] unquote(byte[] line) {
    int i = 0;
    while (i < line.length && line[i] == '>') {
      i++;
    }
    return i > 0 && startsWith(line, i) ? Arrays.copyOfRange(line, 1, line.length) : line;
  }

  private static boolean startsWith(byte[] line, int offset) {
    if (line.length - offset < FROM_.length) {
      return false;
    }
    for (int i = 0; i < FROM_.length; i++) {
      if (line[offset + i] != FROM_[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(byte[] bytes, String suffix) {
    if (bytes.length < suffix.length()) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      if (bytes[bytes.length - suffix.length() + i] != suffix.charAt(i)) {
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
}
