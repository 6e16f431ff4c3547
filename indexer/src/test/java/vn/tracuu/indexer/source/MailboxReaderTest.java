package vn.tracuu.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxReaderTest {

  @TempDir Path dir;

  private static String read(SourceItem item) throws IOException {
    try (InputStream in = item.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aFolderNamedTmpIsSkippedOnlyInsideAMaildir() throws IOException {
    // An mbox kept in a folder called tmp (say /tmp/box.mbox) is mail like any other.
    Path loose = Files.createDirectories(dir.resolve("tmp")).resolve("box.mbox");
    Files.writeString(loose, "From a@x Mon Aug 19 08:00:00 2019\nSubject: one\n\nbody\n");
    assertEquals(1, MailboxReader.listAll(dir.resolve("tmp")).size());
    assertEquals(1, MailboxReader.count(dir.resolve("tmp")));
    // Beside cur/ and new/, tmp/ holds mail still being delivered: not read.
    Path maildir = Files.createDirectories(dir.resolve("Maildir"));
    Files.createDirectories(maildir.resolve("cur"));
    Files.createDirectories(maildir.resolve("new"));
    Files.writeString(
        Files.createDirectories(maildir.resolve("tmp")).resolve("1.host"),
        "Subject: half delivered\n\nbody\n");
    Files.writeString(maildir.resolve("cur").resolve("2.host:2,S"), "Subject: two\n\nbody\n");
    assertEquals(List.of("cur/2.host:2,S"), locators(MailboxReader.listAll(maildir)));
    assertEquals(1, MailboxReader.count(maildir));
  }

  private static List<String> locators(List<SourceItem> items) {
    return items.stream().map(SourceItem::locator).toList();
  }

  @Test
  void splitsMboxAndUndoesFromQuoting() throws IOException {
    Path mbox = dir.resolve("box.mbox");
    Files.writeString(
        mbox,
        """
        From a@x Mon Aug 19 08:00:00 2019
        Subject: one

        >From the start, a quoted line.
        >>From stays quoted once.
        From inside a paragraph is not a separator
        because the line before is not blank.

        From b@x Mon Aug 19 09:00:00 2019
        Subject: two

        body two
        """);
    List<SourceItem> items = MailboxReader.listAll(mbox);
    assertEquals(2, items.size());
    assertEquals("box.mbox#1", items.get(0).locator());
    assertEquals("box", items.get(0).folder());
    assertEquals(
        """
        Subject: one

        From the start, a quoted line.
        >From stays quoted once.
        From inside a paragraph is not a separator
        because the line before is not blank.
        """,
        read(items.get(0)));
    assertEquals("Subject: two\n\nbody two\n", read(items.get(1)));
  }

  @Test
  void readsMaildirPlusPlusFoldersAndSkipsTmp() throws IOException {
    Path maildir = dir.resolve("maildir");
    write(maildir.resolve("cur/1:2,S"), "Subject: inbox\n\nx\n");
    write(maildir.resolve("new/2"), "Subject: new\n\nx\n");
    write(maildir.resolve("tmp/3"), "Subject: being delivered\n\nx\n");
    write(maildir.resolve(".Sent/cur/4:2,S"), "Subject: sent\n\nx\n");
    write(maildir.resolve(".Archive.2019/cur/5:2,S"), "Subject: archived\n\nx\n");
    write(maildir.resolve("dovecot-uidlist"), "3 V1 N6\n");

    List<String> folders = new ArrayList<>();
    for (SourceItem item : MailboxReader.listAll(maildir)) {
      folders.add(item.folder() + " " + item.locator());
    }
    assertEquals(
        List.of(
            "Archive/2019 .Archive.2019/cur/5:2,S",
            "Sent .Sent/cur/4:2,S",
            "INBOX cur/1:2,S",
            "INBOX new/2"),
        folders);
  }

  @Test
  void readsEmlFolders() throws IOException {
    write(dir.resolve("eml/a.eml"), "Subject: a\n\nx\n");
    write(dir.resolve("eml/2019/b.EML"), "Subject: b\n\nx\n");
    write(dir.resolve("eml/notes.txt"), "not mail");
    List<SourceItem> items = MailboxReader.listAll(dir.resolve("eml"));
    assertEquals(List.of("2019/b.EML", "a.eml"), items.stream().map(SourceItem::locator).toList());
    assertEquals("2019", items.get(0).folder());
  }

  @Test
  void aSourceRootThatIsASymbolicLinkIsFollowed() throws IOException {
    // /srv/mail -> /data/mail is a common setup; the walk used to see only the link: no mail.
    write(dir.resolve("data/Maildir/cur/1.host:2,S"), "Subject: one\n\nx\n");
    write(dir.resolve("data/Maildir/.Sent/cur/2.host:2,S"), "Subject: two\n\nx\n");
    Path link = Files.createSymbolicLink(dir.resolve("mail"), dir.resolve("data/Maildir"));
    List<SourceItem> viaLink = MailboxReader.listAll(link);
    assertEquals(locators(MailboxReader.listAll(dir.resolve("data/Maildir"))), locators(viaLink));
    assertEquals(2, viaLink.size());
    assertEquals(2, MailboxReader.count(link));
    assertEquals("Subject: one\n\nx\n", read(viaLink.get(viaLink.size() - 1)));
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void recognisesMailByItsHeadersAndSkipsOtherFilesWithAReason() throws IOException {
    Path root = dir.resolve("mixed");
    write(root.resolve("msg_1.txt"), "Return-Path: <a@x>\nSubject: a\n\nbody\n");
    // Body starting without the blank line, as some mailers write it.
    write(root.resolve("msg_2.txt"), "From: a@x\nSubject: b\nno blank line before this body\n");
    write(root.resolve("notes.txt"), "Dear reader: this is not mail.\n");
    write(root.resolve("expected.xml"), "<message><header>Subject: a</header></message>\n");
    write(root.resolve("torture.msg"), "Content-Type: text/plain\n\nx\n");
    Files.write(
        root.resolve("outlook.msg"),
        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});
    write(root.resolve("dovecot-uidlist"), "3 V1 N6\n");
    List<String> skipped = new ArrayList<>();
    List<SourceItem> items = new ArrayList<>();
    MailboxReader.list(root, items::add, (locator, reason) -> skipped.add(locator + ": " + reason));
    assertEquals(
        List.of("msg_1.txt", "msg_2.txt", "torture.msg"),
        items.stream().map(SourceItem::locator).toList());
    assertEquals(3, skipped.size(), skipped.toString());
    assertEquals(
        "expected.xml: not a mail file (no message headers, no mbox \"From \" line)",
        skipped.get(0));
    assertEquals(
        "outlook.msg: Outlook .msg (OLE) file, not RFC 5322 mail: index it with --documents",
        skipped.get(2));
  }

  @Test
  void mboxLinesLongerThanTheBufferStayWhole() throws IOException {
    String longLine = "x".repeat(200_000);
    Path mbox = dir.resolve("long.mbox");
    Files.writeString(
        mbox,
        "From a@x Mon Aug 19 08:00:00 2019\nSubject: one\n\n"
            + longLine
            + "\n\nFrom b@x Mon Aug 19 09:00:00 2019\nSubject: two\n\nend");
    List<SourceItem> items = MailboxReader.listAll(mbox);
    assertEquals(2, items.size());
    assertEquals("Subject: one\n\n" + longLine + "\n", read(items.get(0)));
    assertEquals("Subject: two\n\nend", read(items.get(1)));
  }

  @Test
  void separatorCountFollowsTheSplittingRule(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    String text =
        "From a\nSubject: x\n\nbody\nFrom not a separator\n\nFrom b\n \t\r\nFrom c\n\n>From d\nFrom";
    assertEquals(
        3,
        MailboxReader.countSeparators(
            new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    Path mbox = Files.writeString(dir.resolve("x.mbox"), text);
    assertEquals(3, MailboxReader.listAll(mbox).size());
    assertEquals(3, MailboxReader.count(mbox));
    assertEquals(0, MailboxReader.countSeparators(new java.io.ByteArrayInputStream(new byte[0])));
  }
}
