package vn.tracuu.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Turns an {@code Authorization} header into a {@link Caller}: {@code Bearer <token>} for tools,
 * {@code Basic} for staff users; no header is the anonymous caller. Wrong credentials are an error,
 * never a silent fall-back to anonymous.
 *
 * <p>PBKDF2 is slow on purpose (hundreds of milliseconds), and Basic authentication sends the
 * password with every request, so a successful check is remembered for a few minutes as a SHA-256
 * of user and password. Failed ones are only counted, per user name, to refuse password checks
 * after too many ({@link SignInThrottle}).
 */
public final class Authenticator {

  /** The credentials were given but are wrong or unreadable. */
  public static final class UnauthorizedException extends RuntimeException {
    public UnauthorizedException(String message) {
      super(message);
    }
  }

  /** Too many wrong passwords for this user name lately (see {@link SignInThrottle}). */
  public static final class TooManyAttemptsException extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
      super("too many failed sign-ins for this user; try again in " + retryAfterSeconds + " s");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private static final long REMEMBER_MILLIS = 5 * 60_000;
  private static final int REMEMBER_MAX = 1_000;

  private final Map<String, ServerConfig.Token> tokensByDigest = new ConcurrentHashMap<>();
  private final Map<String, ServerConfig.User> users = new ConcurrentHashMap<>();
  private final Map<String, Long> verified = new ConcurrentHashMap<>();
  private final SignInThrottle throttle;
  private final LongSupplier clockMillis;

  public Authenticator(ServerConfig.Auth auth) {
    this(auth, System::currentTimeMillis);
  }

  /** With another clock, for tests of what happens over minutes. */
  Authenticator(ServerConfig.Auth auth, LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
    this.throttle = new SignInThrottle(clockMillis);
    for (ServerConfig.Token token : auth.tokens()) {
      tokensByDigest.put(token.sha256().toLowerCase(Locale.ROOT), token);
    }
    for (ServerConfig.User user : auth.users()) {
      users.put(user.name(), user);
    }
  }

  /**
   * The caller a request's {@code Authorization} header names.
   *
   * @throws UnauthorizedException for an unknown token, a wrong password or a malformed header
   * @throws TooManyAttemptsException when a password needs checking but its user name has had too
   *     many wrong ones lately
   */
  public Caller authenticate(String header) {
    if (header == null || header.isBlank()) {
      return Caller.ANONYMOUS;
    }
    String h = header.strip();
    int space = h.indexOf(' ');
    String scheme = space < 0 ? h : h.substring(0, space);
    String value = space < 0 ? "" : h.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return bearer(value);
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      return basic(value);
    }
    throw new UnauthorizedException("unsupported authorization scheme: use Bearer or Basic");
  }

  private Caller bearer(String token) {
    // Lookup by digest: the map key is not secret and the token never leaves this method.
    ServerConfig.Token found = tokensByDigest.get(Passwords.sha256(token));
    if (found == null) {
      throw new UnauthorizedException("unknown API token");
    }
    return Caller.staff(found.name(), new HashSet<>(found.groups()));
  }

  private Caller basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new UnauthorizedException("malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new UnauthorizedException("malformed Basic credentials");
    }
    String name = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    ServerConfig.User user = users.get(name);
    if (user == null) {
      throw new UnauthorizedException("wrong user name or password");
    }
    String key =
        HexFormat.of()
            .formatHex(
                Passwords.digest(
                    (name + '\0' + password + '\0' + user.passwordHash())
                        .getBytes(StandardCharsets.UTF_8)));
    long now = clockMillis.getAsLong();
    Long until = verified.get(key);
    if (until == null || until < now) {
      // A remembered correct password is not throttled: the user's own session goes on while
      // someone else guesses.
      long retryAfter = throttle.retryAfterSeconds(name);
      if (retryAfter > 0) {
        throw new TooManyAttemptsException(retryAfter);
      }
      if (!Passwords.verify(password.toCharArray(), user.passwordHash())) {
        throttle.failed(name);
        throw new UnauthorizedException("wrong user name or password");
      }
      throttle.succeeded(name);
      if (verified.size() >= REMEMBER_MAX) {
        verified.clear();
      }
      verified.put(key, now + REMEMBER_MILLIS);
    }
    return Caller.staff(user.name(), new HashSet<>(user.groups()));
  }
}
