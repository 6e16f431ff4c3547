package vn.tracuu.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tracuu.indexer.IndexBuilder;
import vn.tracuu.indexer.IndexReport;
import vn.tracuu.indexer.config.ImapAccount;
import vn.tracuu.indexer.config.SourceConfig;

/**
 * The IMAP source against a real Dovecot (Debian dovecot-imapd), started by this test on a loopback
 * port with a throwaway configuration (passwd-file authentication, mail owned by nobody, no TLS)
 * and stopped by its pid: initial fetch, new mail arriving, a deleted message, a UIDVALIDITY
 * change. Skipped, with a message, when dovecot is not installed or the test is not run as root.
 */
class DovecotImapTest {

  private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
  private static final String USER = "vanthu";
  private static final String PASSWORD = "mat-khau-thu";

  private Path dir;
  private Process dovecot;
  private int port;
  private Store client;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(DOVECOT),
        "dovecot is not installed (apt-get install dovecot-imapd): skipped");
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "the Dovecot test runs dovecot as root (mail owned by nobody): skipped");
    // Not a JUnit temp dir: dovecot's processes (nobody, dovenull) must be able to enter it.
    dir = Files.createTempDirectory("tracuu-dovecot");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path home = Files.createDirectories(dir.resolve("home/" + USER));
    UserPrincipal nobody =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(dir.resolve("home"), nobody);
    Files.setOwner(home, nobody);
    Files.writeString(dir.resolve("passwd"), USER + ":{PLAIN}" + PASSWORD + "::::::\n");
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path config = dir.resolve("dovecot.conf");
    Files.writeString(
        config,
        """
        base_dir = %1$s/run
        state_dir = %1$s/state
        log_path = %1$s/dovecot.log
        protocols = imap
        listen = 127.0.0.1
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        first_valid_uid = 65534
        mail_location = maildir:~/Maildir
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%%u %1$s/passwd
        }
        userdb {
          driver = static
          args = uid=65534 gid=65534 home=%1$s/home/%%u
        }
        service imap-login {
          chroot =
          inet_listener imap {
            address = 127.0.0.1
            port = %2$d
          }
          inet_listener imaps {
            port = 0
          }
        }
        service anvil {
          chroot =
        }
        """
            .formatted(dir, port));
    Files.createDirectories(dir.resolve("state"));
    dovecot =
        new ProcessBuilder(DOVECOT.toString(), "-F", "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("dovecot.out").toFile())
            .start();
    waitForPort();
    client = Session.getInstance(new Properties()).getStore("imap");
    client.connect("127.0.0.1", port, USER, PASSWORD);
  }

  private void waitForPort() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!dovecot.isAlive()) {
        throw new IllegalStateException(
            "dovecot exited: " + Files.readString(dir.resolve("dovecot.out")) + log());
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("dovecot did not listen on " + port + log());
  }

  private String log() throws IOException {
    Path log = dir.resolve("dovecot.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (dovecot != null) {
      dovecot.destroy(); // SIGTERM to the master, by its pid: it stops its children
      if (!dovecot.waitFor(10, TimeUnit.SECONDS)) {
        dovecot.destroyForcibly();
      }
    }
    if (dir != null) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private SourceConfig source() {
    return new SourceConfig(
        "hopthu",
        SourceConfig.SourceType.IMAP,
        Path.of("."),
        List.of("staff"),
        false,
        new ImapAccount("127.0.0.1", port, false, USER, PASSWORD, List.of(), List.of()));
  }

  private void append(String name, String id) throws MessagingException {
    Folder folder = client.getFolder(name);
    if (!folder.exists()) {
      folder.create(Folder.HOLDS_MESSAGES);
    }
    String raw =
        """
        From: vanthu@hoason.gov.vn
        To: lanhdao@hoason.gov.vn
        Subject: =?UTF-8?Q?B=C3=A1o_c=C3=A1o?= %1$s
        Message-ID: <%1$s>
        Date: Mon, 19 Aug 2019 08:00:00 +0700
        Content-Type: text/plain; charset=UTF-8

        Báo cáo tiến độ chính quyền điện tử, thư %1$s.
        """
            .formatted(id);
    folder.appendMessages(
        new Message[] {
          new MimeMessage(
              Session.getInstance(new Properties()),
              new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)))
        });
  }

  private long uidValidity(String name) throws MessagingException {
    Folder folder = client.getFolder(name);
    folder.open(Folder.READ_ONLY);
    try {
      return ((UIDFolder) folder).getUIDValidity();
    } finally {
      folder.close(false);
    }
  }

  @Test
  void initialFetchNewMailDeletionAndUidValidityChange() throws Exception {
    append("INBOX", "1@hs");
    append("INBOX", "2@hs");
    append("Archive", "3@hs");
    Path index = dir.resolve("index");
    IndexBuilder builder = new IndexBuilder(index, new IndexBuilder.Options(2, 100_000));

    IndexReport first = builder.build(List.of(source()));
    assertEquals(List.of(), first.failures());
    assertEquals(3, first.added());
    assertEquals(List.of("1@hs", "2@hs", "3@hs"), ImapReaderTest.messageIds(index));

    append("INBOX", "4@hs"); // new mail arrives
    IndexReport second = builder.build(List.of(source()));
    assertEquals(1, second.added());
    assertEquals(3, second.unchanged());
    assertEquals(1, second.records(), "only the new message was fetched");

    Folder inbox = client.getFolder("INBOX");
    inbox.open(Folder.READ_WRITE);
    for (Message m : inbox.getMessages()) {
      if (m.getHeader("Message-ID")[0].contains("<2@hs>")) {
        m.setFlag(Flags.Flag.DELETED, true);
      }
    }
    inbox.close(true); // expunge
    IndexReport third = builder.build(List.of(source()));
    assertEquals(1, third.deleted());
    assertEquals(List.of("1@hs", "3@hs", "4@hs"), ImapReaderTest.messageIds(index));

    // The folder is recreated (as after a restore): a new UIDVALIDITY, read again from the start.
    long before = uidValidity("Archive");
    long after = before;
    for (int attempt = 0; attempt < 30 && after == before; attempt++) {
      client.getFolder("Archive").delete(true);
      Thread.sleep(200);
      append("Archive", "3@hs");
      append("Archive", "5@hs");
      after = uidValidity("Archive");
    }
    assertTrue(after != before, "dovecot gave the recreated folder a new UIDVALIDITY");
    IndexReport fourth = builder.build(List.of(source()));
    assertEquals(List.of(), fourth.failures());
    assertEquals(1, fourth.deleted(), fourth.summary()); // 3@hs under the old UIDVALIDITY
    assertEquals(2, fourth.added(), fourth.summary()); // 3@hs and 5@hs under the new one
    assertEquals(List.of("1@hs", "3@hs", "4@hs", "5@hs"), ImapReaderTest.messageIds(index));
  }
}
