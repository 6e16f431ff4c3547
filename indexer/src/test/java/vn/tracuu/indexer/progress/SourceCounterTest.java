package vn.tracuu.indexer.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.config.ImapAccount;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.config.SourceConfig.SourceType;
import vn.tracuu.indexer.source.MailboxReader;

/** The progress total: counted by the listing's rules, so it matches what the run will list. */
class SourceCounterTest {

  @TempDir Path tmp;

  private static final String MESSAGE =
      "From: a@example.vn\nTo: b@example.vn\nSubject: Họp\n\nNội dung.\n";

  private static SourceConfig source(String name, SourceType type, Path root) {
    return new SourceConfig(name, type, root, List.of("staff"), type == SourceType.NEWS);
  }

  private static long listed(Path root) throws Exception {
    List<Object> items = new ArrayList<>();
    MailboxReader.list(root, items::add);
    return items.size();
  }

  @Test
  void mailTreeCountEqualsTheListing() throws Exception {
    Path mail = Files.createDirectories(tmp.resolve("mail"));
    // An mbox: three messages; a body line "From here" after a text line is not a separator,
    // nor is the quoted ">From " line, nor "From" without the space.
    Files.writeString(
        mail.resolve("box.mbox"),
        "From a@x Mon Jan 1 00:00:00 2024\n"
            + MESSAGE
            + "From here on, text.\n>From quoted\n\n"
            + "From b@x Mon Jan 1 00:00:00 2024\r\n"
            + MESSAGE
            + "\nFromage\n\n"
            + "From c@x Mon Jan 1 00:00:00 2024\n"
            + MESSAGE);
    Path maildir = Files.createDirectories(mail.resolve("md"));
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(maildir.resolve(sub));
      Files.writeString(maildir.resolve(sub).resolve("1." + sub + ":2,S"), MESSAGE);
    }
    Files.writeString(maildir.resolve("dovecot-uidlist"), "3 V1 N2\n");
    Files.writeString(mail.resolve("one.eml"), MESSAGE);
    Files.writeString(mail.resolve("notes.txt"), "not mail at all\n");
    Files.writeString(mail.resolve(".hidden.eml"), MESSAGE);

    assertEquals(6, listed(mail)); // 3 in the mbox, cur and new, one .eml
    assertEquals(6, MailboxReader.count(mail));
    assertEquals(3, MailboxReader.count(mail.resolve("box.mbox")));
    assertEquals(6, SourceCounter.count(source("mail", SourceType.MAIL, mail)));
  }

  @Test
  void samplesCountEqualsTheirListing() throws Exception {
    Path samples = Path.of(System.getProperty("tracuu.repo.root", "..")).resolve("samples");
    Path mail = samples.resolve("mail");
    assertEquals(listed(mail), MailboxReader.count(mail));
    long documents;
    try (var walk = Files.walk(samples.resolve("documents"))) {
      documents =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .count();
    }
    assertEquals(
        documents,
        SourceCounter.count(source("archive", SourceType.DOCUMENTS, samples.resolve("documents"))));
  }

  @Test
  void documentsAndNewsFoldersByTheirFilters() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs/sub"));
    Files.writeString(docs.resolve("a.pdf"), "x");
    Files.writeString(docs.resolve("b.docx"), "x");
    Files.writeString(docs.resolve(".DS_Store"), "x");
    Path news = Files.createDirectories(tmp.resolve("news"));
    Files.writeString(news.resolve("a.html"), "<html></html>");
    Files.writeString(news.resolve("b.HTM"), "<html></html>");
    Files.writeString(news.resolve("logo.png"), "x");

    SourceConfig archive = source("archive", SourceType.DOCUMENTS, tmp.resolve("docs"));
    SourceConfig portal = source("portal", SourceType.NEWS, news);
    assertEquals(2, SourceCounter.count(archive));
    assertEquals(2, SourceCounter.count(portal));
    assertEquals(4, SourceCounter.count(List.of(archive, portal)));
    // A missing folder counts none (the run reports it).
    assertEquals(0, SourceCounter.count(source("gone", SourceType.DOCUMENTS, tmp.resolve("gone"))));
  }

  @Test
  void imapIsNotCountedSoTheTotalIsUnknown() {
    SourceConfig imap =
        new SourceConfig(
            "hop-thu",
            SourceType.IMAP,
            Path.of("."),
            List.of("staff"),
            false,
            new ImapAccount("localhost", 143, false, "u", "p", List.of(), List.of()));
    assertEquals(SourceCounter.UNKNOWN, SourceCounter.count(imap));
    assertEquals(
        SourceCounter.UNKNOWN,
        SourceCounter.count(List.of(source("portal", SourceType.NEWS, tmp), imap)));
  }
}
