package vn.tracuu.indexer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.config.SourceConfig.SourceType;

class IndexConfigTest {

  @TempDir Path dir;

  private static Path root() {
    return Path.of(System.getProperty("tracuu.repo.root", ".")).toAbsolutePath();
  }

  @Test
  void theDemoAndTheDocumentedExampleAreValid() throws IOException {
    IndexConfig demo = IndexConfig.read(root().resolve("samples/demo.yaml"), Map.of(), true);
    assertEquals(root().resolve("data/demo-index").normalize(), demo.indexPath());
    assertEquals(
        List.of("mailbox", "maildir", "archive", "portal"),
        demo.sources().stream().map(SourceConfig::name).toList());
    assertEquals(SourceType.MAIL, demo.sources().getFirst().type());
    assertEquals(root().resolve("samples/documents"), demo.sources().get(2).root());
    assertTrue(demo.sources().get(3).isPublic());
    assertEquals(List.of(), demo.sources().get(3).groups());

    IndexConfig example =
        IndexConfig.read(
            root().resolve("docs/tracuu.example.yaml"),
            Map.of("TRACUU_IMAP_HOPTHU_PASSWORD", "secret"),
            true);
    assertEquals(4, example.threads());
    assertEquals(Duration.ofSeconds(300), example.limits().parseTimeout());
    ImapAccount imap = example.sources().get(4).imap();
    assertEquals("secret", imap.password());
    assertEquals(993, imap.port());
    assertTrue(imap.ssl());
    assertFalse(imap.wants("Trash"));
    assertTrue(imap.wants("INBOX"));
  }

  @Test
  void environmentVariablesOverrideAnyKey() throws IOException {
    Path file =
        write(
            """
            index:
              path: idx
              limits:
                max_chars: 1000
            sources:
              - name: van-ban
                type: documents
                path: docs
            """);
    IndexConfig config =
        IndexConfig.read(
            file,
            Map.of(
                "TRACUU_INDEX_THREADS", "3",
                "TRACUU_INDEX_OCR", "off",
                "TRACUU_INDEX_LIMITS_MAX_CHARS", "2000",
                "TRACUU_SOURCES_VAN_BAN_PATH", "/srv/archive",
                "TRACUU_SOURCES_VAN_BAN_GROUPS", "staff,van-phong",
                "TRACUU_DATA", "/elsewhere"),
            true);
    assertEquals(3, config.threads());
    assertFalse(config.ocr());
    assertEquals(2000, config.limits().maxChars());
    assertEquals(Path.of("/srv/archive"), config.sources().getFirst().root());
    assertEquals(List.of("staff", "van-phong"), config.sources().getFirst().groups());
    assertEquals(dir.resolve("idx"), config.indexPath());
    assertEquals(5, config.overrides().size(), config.overrides().toString());
  }

  @Test
  void secretsOnlyFromTheEnvironmentOrAFile() throws IOException {
    String imap =
        """
        index: {path: idx}
        sources:
          - name: box
            type: imap
            host: localhost
            user: u
        """;
    IOException inFile =
        assertThrows(
            IOException.class,
            () -> IndexConfig.read(write(imap + "    password: x\n"), Map.of(), true));
    assertTrue(inFile.getMessage().contains("no password in the file"), inFile.getMessage());

    IOException unset =
        assertThrows(
            IOException.class,
            () -> IndexConfig.read(write(imap + "    password_env: PW\n"), Map.of(), true));
    assertTrue(unset.getMessage().contains("PW is not set"), unset.getMessage());

    Files.writeString(dir.resolve("pw"), "from-file\n");
    IndexConfig fromFile =
        IndexConfig.read(write(imap + "    password_file: pw\n"), Map.of(), true);
    assertEquals("from-file", fromFile.sources().getFirst().imap().password());
    assertEquals(993, fromFile.sources().getFirst().imap().port()); // tls by default
  }

  @Test
  void mistakesNameTheFileAndTheKey() throws IOException {
    IOException typo =
        assertThrows(
            IOException.class,
            () ->
                IndexConfig.read(
                    write(
                        "index: {path: i, thread: 2}\nsources: [{name: a, type: news, path: n}]\n"),
                    Map.of(),
                    true));
    assertTrue(typo.getMessage().contains("unknown key 'thread'"), typo.getMessage());
    IOException type =
        assertThrows(
            IOException.class,
            () ->
                IndexConfig.read(
                    write("index: {path: i}\nsources: [{name: a, type: pst, path: n}]\n"),
                    Map.of(),
                    true));
    assertTrue(type.getMessage().contains("type 'pst'"), type.getMessage());
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "config", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
