package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Authenticator authenticator =
      new Authenticator(
          new ServerConfig.Auth(
              List.of(),
              List.of(
                  new ServerConfig.User(
                      "lan", Passwords.hash("mật khẩu đúng".toCharArray(), 1_000), List.of("vp")),
                  new ServerConfig.User(
                      "minh", Passwords.hash("khác".toCharArray(), 1_000), List.of("vp")))),
          now::get);

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void afterFiveWrongPasswordsTheNameIsRefusedUntilTheWindowEnds() {
    for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
      assertThrows(
          Authenticator.UnauthorizedException.class,
          () -> authenticator.authenticate(basic("lan", "đoán")));
    }
    // Even the right password is not checked now: a guesser learns nothing more.
    var refused =
        assertThrows(
            Authenticator.TooManyAttemptsException.class,
            () -> authenticator.authenticate(basic("lan", "mật khẩu đúng")));
    assertTrue(refused.retryAfterSeconds() > 0 && refused.retryAfterSeconds() <= 300);
    // Another user is not affected.
    assertEquals("minh", authenticator.authenticate(basic("minh", "khác")).name());

    now.addAndGet(SignInThrottle.WINDOW.toMillis());
    assertEquals("lan", authenticator.authenticate(basic("lan", "mật khẩu đúng")).name());
  }

  @Test
  void aSignedInUserKeepsWorkingWhileSomeoneGuessesTheirPassword() {
    assertEquals("lan", authenticator.authenticate(basic("lan", "mật khẩu đúng")).name());
    for (int i = 0; i < SignInThrottle.MAX_FAILURES + 3; i++) {
      assertThrows(RuntimeException.class, () -> authenticator.authenticate(basic("lan", "đoán")));
    }
    assertEquals("lan", authenticator.authenticate(basic("lan", "mật khẩu đúng")).name());
  }

  @Test
  void aSuccessClearsTheCount() {
    for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
      assertThrows(
          Authenticator.UnauthorizedException.class,
          () -> authenticator.authenticate(basic("lan", "đoán")));
    }
    assertEquals("lan", authenticator.authenticate(basic("lan", "mật khẩu đúng")).name());
    now.addAndGet(SignInThrottle.WINDOW.toMillis() * 2); // the remembered password expires
    for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
      assertThrows(
          Authenticator.UnauthorizedException.class,
          () -> authenticator.authenticate(basic("lan", "đoán")));
    }
    assertEquals("lan", authenticator.authenticate(basic("lan", "mật khẩu đúng")).name());
  }
}
