package vn.tracuu.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 digest of lines of text, shortened to 16 hex digits: an identity, not a secret. */
public final class LineDigest {

  private final MessageDigest md;

  public LineDigest() {
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** Adds one line (a line break is added after it, so "a","b" and "ab" differ). */
  public LineDigest add(String line) {
    md.update(line.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
    return this;
  }

  /** The first 8 bytes of the digest in hex; the digest cannot be added to afterwards. */
  public String hex() {
    return HexFormat.of().formatHex(md.digest(), 0, 8);
  }
}
