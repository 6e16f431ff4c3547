package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

  @TempDir Path dir;

  @Test
  void theDocumentedExampleAndTheDemoConfigurationAreValid() throws IOException {
    Path root = SampleArchive.root().getParent();
    ServerConfig example = ServerConfig.read(root.resolve("docs/tracuu.example.yaml"));
    assertEquals(7070, example.server().portOrDefault());
    assertEquals(List.of("https://cong-thong-tin.hoason.gov.vn"), example.server().corsOrigins());
    assertEquals("vanthu", example.auth().users().getFirst().name());

    ServerConfig demo = ServerConfig.read(root.resolve("samples/demo.yaml"));
    Authenticator auth = new Authenticator(demo.auth());
    Caller caller = auth.authenticate(TestServer.basic("demo", "demo"));
    assertTrue(caller.authenticated() && caller.groups().contains("staff"));
    // Relative source paths are resolved against the configuration file.
    assertEquals(SampleArchive.root().resolve("documents"), demo.sources().get(2).path());
  }

  @Test
  void unknownSectionsAreIgnoredButTyposInAuthAreErrors() throws IOException {
    Path extended = write("server:\n  port: 8080\nindexing:\n  schedule: hourly\n");
    assertEquals(8080, ServerConfig.read(extended).server().portOrDefault());

    IOException typo =
        assertThrows(IOException.class, () -> ServerConfig.read(write("auth:\n  user: []\n")));
    assertTrue(typo.getMessage().contains("user"), typo.getMessage());
    assertTrue(typo.getMessage().contains("(line "), typo.getMessage());

    IOException clearPassword =
        assertThrows(
            IOException.class,
            () ->
                ServerConfig.read(
                    write(
                        "auth:\n  users:\n    - name: a\n      password_hash: secret\n      groups: [staff]\n")));
    assertTrue(clearPassword.getMessage().contains("hash-password"), clearPassword.getMessage());

    IOException noGroups =
        assertThrows(
            IOException.class,
            () ->
                ServerConfig.read(
                    write(
                        "auth:\n  tokens:\n    - name: t\n      sha256: "
                            + "a".repeat(64)
                            + "\n")));
    assertTrue(noGroups.getMessage().contains("at least one group"), noGroups.getMessage());
  }

  @Test
  void passwordsAndTokens() {
    String hash = Passwords.hash("mật khẩu".toCharArray(), 1_000);
    assertTrue(Passwords.verify("mật khẩu".toCharArray(), hash));
    assertTrue(!Passwords.verify("mat khau".toCharArray(), hash));
    assertTrue(
        !Passwords.hash("x".toCharArray(), 1_000).equals(Passwords.hash("x".toCharArray(), 1_000)),
        "salted");
    String token = Passwords.newToken();
    assertEquals(64, Passwords.sha256(token).length());
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "config", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
