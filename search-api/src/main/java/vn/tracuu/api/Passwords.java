package vn.tracuu.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's PBKDF2 (HMAC-SHA256), written as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64), and SHA-256 digests of API tokens (tokens are
 * long random strings, so a plain digest is enough for them).
 */
public final class Passwords {

  private static final String PREFIX = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  static final int ITERATIONS = 600_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  public static String hash(char[] password) {
    return hash(password, ITERATIONS);
  }

  static String hash(char[] password, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /** Whether {@code stored} looks like a hash from {@link #hash}. */
  public static boolean isHash(String stored) {
    String[] parts = stored.split("\\$");
    return parts.length == 4 && parts[0].equals(PREFIX) && parts[1].matches("[1-9]\\d{0,7}");
  }

  /** Checks {@code password} against {@code stored} in constant time. */
  public static boolean verify(char[] password, String stored) {
    if (!isHash(stored)) {
      return false;
    }
    String[] parts = stored.split("\\$");
    try {
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      byte[] actual = pbkdf2(password, salt, Integer.parseInt(parts[1]));
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Lowercase hex SHA-256 of {@code token}. */
  public static String sha256(String token) {
    return HexFormat.of().formatHex(digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  /** A new random API token (256 bits, URL-safe Base64). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      try {
        return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has " + ALGORITHM, e);
    }
  }
}
