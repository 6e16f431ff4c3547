package vn.tracuu.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.IndexBuilder;
import vn.tracuu.indexer.IndexReport;
import vn.tracuu.indexer.config.ImapAccount;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.schema.IndexSchema;

/** The IMAP source against GreenMail, a real IMAP server running in this JVM. */
class ImapReaderTest {

  private static final String USER = "vanthu";
  private static final String PASSWORD = "mat-khau";

  @TempDir Path dir;
  private GreenMail server;
  private Store client;

  @BeforeEach
  void start() throws MessagingException {
    com.icegreen.greenmail.util.ServerSetup setup = ServerSetupTest.IMAP.dynamicPort();
    // The default 2 s is too short on a loaded build machine.
    setup.setServerStartupTimeout(30_000);
    server = new GreenMail(setup);
    server.start();
    server.setUser("vanthu@hoason.gov.vn", USER, PASSWORD);
    client = Session.getInstance(new Properties()).getStore("imap");
    client.connect("127.0.0.1", port(), USER, PASSWORD);
  }

  @AfterEach
  void stop() throws MessagingException {
    client.close();
    server.stop();
  }

  private int port() {
    return server.getImap().getPort();
  }

  private ImapAccount account(List<String> exclude) {
    return new ImapAccount("127.0.0.1", port(), false, USER, PASSWORD, List.of(), exclude);
  }

  /** Appends a message to a folder through IMAP, creating the folder when needed. */
  private void append(String folderName, String raw) throws MessagingException {
    Folder folder = client.getFolder(folderName);
    if (!folder.exists()) {
      folder.create(Folder.HOLDS_MESSAGES);
    }
    MimeMessage message =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    folder.appendMessages(new Message[] {message});
  }

  private static String message(String id, String subject) {
    return """
        From: =?UTF-8?Q?V=C4=83n_th=C6=B0?= <vanthu@hoason.gov.vn>
        To: lanhdao@hoason.gov.vn
        Subject: %s
        Message-ID: <%s>
        Date: Mon, 19 Aug 2019 08:00:00 +0700
        Content-Type: text/plain; charset=UTF-8

        Nội dung %s.
        """
        .formatted(subject, id, subject);
  }

  @Test
  void indexesTheWantedFoldersAndKeepsTheirState() throws Exception {
    append("INBOX", message("1@hs", "Giấy mời họp"));
    append("INBOX", message("2@hs", "Báo cáo tuần"));
    append("Archive", message("1@hs", "Giấy mời họp"));
    append("Trash", message("3@hs", "Quảng cáo"));

    Path index = dir.resolve("index");
    SourceConfig source =
        new SourceConfig(
            "hopthu",
            SourceConfig.SourceType.IMAP,
            Path.of("."),
            List.of("staff"),
            false,
            account(List.of("Trash")));
    IndexReport report =
        new IndexBuilder(index, new IndexBuilder.Options(2, 100_000)).build(List.of(source));

    assertEquals(List.of(), report.failures());
    assertEquals(3, report.items());
    assertEquals(2, report.records());
    assertEquals(1, report.duplicates());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs hits =
          searcher.search(new TermQuery(new Term(IndexSchema.ID, "mail:hopthu:1@hs")), 1);
      Document doc = searcher.storedFields().document(hits.scoreDocs[0].doc);
      assertEquals(
          List.of("Archive", "INBOX"),
          Arrays.stream(doc.getValues(IndexSchema.FOLDERS)).sorted().toList());
      assertEquals("Văn thư <vanthu@hoason.gov.vn>", doc.get(IndexSchema.SENDER));
      Map<String, String> data = reader.getIndexCommit().getUserData();
      assertTrue(data.get("imap:hopthu:INBOX").endsWith(":2"), data.toString());
      assertTrue(data.get("imap:hopthu:Archive").endsWith(":1"), data.toString());
      assertEquals(null, data.get("imap:hopthu:Trash"));
    }
  }

  @Test
  void resumesAfterADroppedConnectionWithoutLosingOrRepeatingMail() throws IOException, Exception {
    for (int i = 1; i <= 5; i++) {
      append("INBOX", message(i + "@hs", "Thư " + i));
    }
    List<String> locators = new ArrayList<>();
    try (ImapReader reader = new ImapReader(account(List.of()))) {
      Map<String, ImapReader.FolderState> states =
          reader.list(
              item -> {
                locators.add(item.locator());
                if (locators.size() == 2) {
                  // Drop the connection mid-folder, as a network failure would.
                  try {
                    reader.store.close();
                  } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                }
              },
              (locator, reason) -> {
                throw new AssertionError(locator + ": " + reason);
              });
      assertEquals(5, states.get("INBOX").lastUid());
    }
    assertEquals(5, locators.size(), locators.toString());
    assertEquals(5, locators.stream().distinct().count());
    assertTrue(locators.getLast().matches("INBOX/;UIDVALIDITY=\\d+/;UID=5"), locators.getLast());
  }

  private SourceConfig hopthu() {
    return new SourceConfig(
        "hopthu",
        SourceConfig.SourceType.IMAP,
        Path.of("."),
        List.of("staff"),
        false,
        account(List.of()));
  }

  @Test
  void laterRunsFetchOnlyNewMailAndDropDeletedMail() throws Exception {
    for (int i = 1; i <= 4; i++) {
      append("INBOX", message(i + "@hs", "Thư " + i));
    }
    Path index = dir.resolve("index");
    IndexBuilder builder = new IndexBuilder(index, new IndexBuilder.Options(2, 100_000));
    assertEquals(4, builder.build(List.of(hopthu())).added());

    append("INBOX", message("5@hs", "Thư 5"));
    IndexReport second = builder.build(List.of(hopthu()));
    assertEquals(1, second.added());
    assertEquals(4, second.unchanged());
    assertEquals(1, second.records(), "only the new message was fetched and indexed");

    // Delete message 2 on the server (flag and expunge, as a mail client does).
    Folder inbox = client.getFolder("INBOX");
    inbox.open(Folder.READ_WRITE);
    for (Message m : inbox.getMessages()) {
      if (m.getHeader("Message-ID")[0].contains("<2@hs>")) {
        m.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
      }
    }
    inbox.close(true);
    IndexReport third = builder.build(List.of(hopthu()));
    assertEquals(1, third.deleted(), third.summary() + third.failures() + third.skipped());
    assertEquals(0, third.records());
    assertEquals(List.of("1@hs", "3@hs", "4@hs", "5@hs"), messageIds(index));
  }

  @Test
  void aUidValidityChangeRereadsTheFolderCleanly() throws Exception {
    append("Archive", message("1@hs", "Thư 1"));
    append("Archive", message("2@hs", "Thư 2"));
    Path index = dir.resolve("index");
    IndexBuilder builder = new IndexBuilder(index, new IndexBuilder.Options(2, 100_000));
    builder.build(List.of(hopthu()));
    long before = uidValidity("Archive");

    // The server recreates the folder (as after a restore): new UIDVALIDITY, one message fewer.
    long after = before;
    for (int attempt = 0; attempt < 30 && after == before; attempt++) {
      Folder archive = client.getFolder("Archive");
      archive.delete(true);
      Thread.sleep(100);
      append("Archive", message("1@hs", "Thư 1"));
      after = uidValidity("Archive");
    }
    assertTrue(after != before, "GreenMail gave the recreated folder a new UIDVALIDITY");
    IndexReport reread = builder.build(List.of(hopthu()));
    assertEquals(1, reread.updated() + reread.added(), "the folder was read again");
    assertEquals(2, reread.deleted(), "the old UIDs are gone");
    assertEquals(List.of("1@hs"), messageIds(index));
  }

  private long uidValidity(String name) throws MessagingException {
    Folder folder = client.getFolder(name);
    folder.open(Folder.READ_ONLY);
    try {
      return ((jakarta.mail.UIDFolder) folder).getUIDValidity();
    } finally {
      folder.close(false);
    }
  }

  /** Message-IDs of the e-mail records in the index, sorted. */
  static List<String> messageIds(Path index) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs hits = searcher.search(new TermQuery(new Term(IndexSchema.KIND, "email")), 1000);
      List<String> ids = new ArrayList<>();
      for (var hit : hits.scoreDocs) {
        ids.add(searcher.storedFields().document(hit.doc).get(IndexSchema.MESSAGE_ID));
      }
      return ids.stream().sorted().toList();
    }
  }
}
