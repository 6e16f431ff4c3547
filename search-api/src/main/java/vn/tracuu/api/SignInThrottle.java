package vn.tracuu.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} wrong passwords for one user name within
 * {@link #WINDOW}, that name's passwords are not checked again until the window ends. Counting is
 * per user name, not per client address, because behind the office's reverse proxy every client has
 * the proxy's address; a refused check also skips PBKDF2, so a flood of wrong passwords does not
 * tie up the CPU.
 */
final class SignInThrottle {

  static final int MAX_FAILURES = 5;

  static final Duration WINDOW = Duration.ofMinutes(5);

  /** Names tracked at most; a flood of made-up names cannot grow the map beyond this. */
  private static final int MAX_NAMES = 10_000;

  private record Failures(int count, long windowEndMillis) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final LongSupplier clockMillis;

  SignInThrottle(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /** Seconds until {@code name} may try a password again; 0 when it may now. */
  long retryAfterSeconds(String name) {
    Failures f = failures.get(name);
    long now = clockMillis.getAsLong();
    if (f == null || f.count() < MAX_FAILURES || f.windowEndMillis() <= now) {
      return 0;
    }
    return Math.max(1, (f.windowEndMillis() - now + 999) / 1000);
  }

  void failed(String name) {
    long now = clockMillis.getAsLong();
    if (failures.size() >= MAX_NAMES) {
      failures.values().removeIf(f -> f.windowEndMillis() <= now);
      if (failures.size() >= MAX_NAMES) {
        failures.clear();
      }
    }
    failures.compute(
        name,
        (n, f) ->
            f == null || f.windowEndMillis() <= now
                ? new Failures(1, now + WINDOW.toMillis())
                : new Failures(f.count() + 1, f.windowEndMillis()));
  }

  void succeeded(String name) {
    failures.remove(name);
  }
}
