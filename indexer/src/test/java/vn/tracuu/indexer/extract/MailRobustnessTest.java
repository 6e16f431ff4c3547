package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.Kind;

/**
 * Broken and unusual mail that real archives hold (the cases found by indexing the shared hostile
 * set, rewritten as small fixtures): each must be indexed with its text, not fail.
 */
class MailRobustnessTest {

  private static final SourceConfig SOURCE =
      new SourceConfig("box", SourceConfig.SourceType.MAIL, Path.of("."), List.of("staff"), false);
  private final MailExtractor extractor = new MailExtractor(new TextExtractor(100_000));

  private List<IndexRecord> extract(byte[] raw) throws ExtractionException {
    return extractor.extract(
        SOURCE,
        new SourceItem("x.eml", "INBOX", raw.length, 5_000L, () -> new ByteArrayInputStream(raw)));
  }

  private IndexRecord mail(String raw) throws ExtractionException {
    return extract(raw.getBytes(StandardCharsets.UTF_8)).getFirst();
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void misspelledTransferEncodingsAreReadAsIs() throws Exception {
    for (String encoding : List.of("7-bit", "8bits", "plain", "6bit", "text/html")) {
      IndexRecord mail =
          mail(
              """
              Subject: enc
              Content-Type: text/plain; charset=utf-8
              Content-Transfer-Encoding: %s

              Công văn số 12 về tiến độ.
              """
                  .formatted(encoding));
      assertEquals("Công văn số 12 về tiến độ.", mail.body().strip(), encoding);
    }
  }

  @Test
  void multipartWithoutItsBoundaryKeepsTheText() throws Exception {
    IndexRecord mail =
        mail(
            """
            Subject: no boundary
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="never-used"

            Nội dung vẫn phải tìm được.
            """);
    assertTrue(mail.body().contains("Nội dung vẫn phải tìm được."), mail.body());
  }

  @Test
  void brokenParameterListsAreTolerated() throws Exception {
    IndexRecord mail =
        mail(
            """
            Subject: params
            MIME-Version: 1.0
            Content-Type: multipart/alternative;; boundary=1; comment=""

            --1
            Content-Type: text/plain; charset="utf-8"

            Phần một.
            --1--
            """);
    assertTrue(mail.body().contains("Phần một."), mail.body());
  }

  @Test
  void truncatedBase64DecodesWhatIsThere() throws Exception {
    String base64 =
        Base64.getEncoder().encodeToString("Báo cáo quý ba".getBytes(StandardCharsets.UTF_8));
    IndexRecord mail =
        mail(
            """
            Subject: b64
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            %s
            """
                .formatted(base64.substring(0, base64.length() - 1)));
    assertTrue(mail.body().startsWith("Báo cáo quý"), mail.body());
  }

  @Test
  void raw8BitHeadersAndMislabelledBodiesAreDecoded() throws Exception {
    // UTF-8 subject without RFC 2047, and a body labelled us-ascii that is UTF-8.
    IndexRecord mail =
        mail(
            """
            From: Phòng Văn thư <vanthu@hoason.gov.vn>
            Subject: Giấy mời họp
            Content-Type: text/plain; charset=us-ascii

            Kính gửi các đồng chí.
            """);
    assertEquals("Giấy mời họp", mail.title());
    assertEquals("Phòng Văn thư <vanthu@hoason.gov.vn>", mail.sender());
    assertEquals("Kính gửi các đồng chí.", mail.body().strip());
  }

  @Test
  void unlabelledWindows1258IsDetected() throws Exception {
    String text = "Thông báo về việc nghỉ lễ Quốc khánh của Ủy ban nhân dân tỉnh";
    byte[] raw =
        concat(
            "Subject: legacy\nContent-Type: text/plain\n\n".getBytes(StandardCharsets.US_ASCII),
            MailExtractorTest.toWindows1258(text));
    assertEquals(text, extract(raw).getFirst().body().strip());
  }

  @Test
  void unknownCharsetLabelsFallBackToDetection() throws Exception {
    IndexRecord mail =
        mail(
            """
            Subject: =?x-unknown?Q?abc?=
            Content-Type: text/plain; charset="x-no-such-charset"

            Điện tử.
            """);
    assertEquals("Điện tử.", mail.body().strip());
    assertEquals("=?x-unknown?Q?abc?=", mail.title());
  }

  @Test
  void rfc2231FileNamesAndWindows1258EncodedWords() throws Exception {
    byte[] qp = MailExtractorTest.toWindows1258("Hòa");
    StringBuilder encoded = new StringBuilder("=?windows-1258?Q?");
    for (byte b : qp) {
      encoded.append(String.format("=%02X", b & 0xff));
    }
    encoded.append("?=");
    List<IndexRecord> records =
        extract(
            """
            Subject: %s
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain; charset=utf-8

            x
            --b
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename*0*=utf-8''Quy%%E1%%BA%%BFt; filename*1*=%%20%%C4%%91%%E1%%BB%%8Bnh.bin

            abc
            --b--
            """
                .formatted(encoded)
                .getBytes(StandardCharsets.UTF_8));
    assertEquals("Hòa", records.getFirst().title());
    assertEquals("Quyết định.bin", records.get(1).title());
  }

  @Test
  void allHeadersAreRead() throws Exception {
    IndexRecord mail =
        mail(
            """
            From: "Nguyen, A" <a@x.vn>
            To: b@x.vn
            Cc: =?UTF-8?Q?Tr=E1=BA=A7n_C?= <c@x.vn>
            Bcc: d@x.vn
            Subject: Re: họp
            Message-ID: <3@x.vn>
            In-Reply-To: <2@x.vn>
            References: <1@x.vn>
             <2@x.vn>
            List-Id: Ban chỉ đạo <bcd.lists.x.vn>
            Date: Tue, 20 Aug 2019 09:00:00 +0700

            ok
            """);
    assertEquals("Nguyen, A <a@x.vn>", mail.sender());
    assertEquals(List.of("b@x.vn", "Trần C <c@x.vn>", "d@x.vn"), mail.recipients());
    assertEquals("3@x.vn", mail.messageId());
    assertEquals("2@x.vn", mail.inReplyTo());
    assertEquals(List.of("1@x.vn", "2@x.vn"), mail.references());
    assertEquals("bcd.lists.x.vn", mail.listId());
    assertEquals("1@x.vn", mail.threadId());
  }

  @Test
  void withoutADateTheNewestReceivedDateIsUsed() throws Exception {
    IndexRecord mail =
        mail(
            """
            Received: from b by c; Tue, 20 Aug 2019 09:05:00 +0700
            Received: from a by b; Tue, 20 Aug 2019 09:01:00 +0700
            Date: not a date at all
            Subject: x

            y
            """);
    assertEquals(Instant.parse("2019-08-20T02:05:00Z"), mail.date());
    assertEquals(DateSource.RECEIVED, mail.dateSource());
    IndexRecord bare = mail("Subject: x\nReceived: from a by b\n\ny\n");
    assertEquals(DateSource.FILE_TIME, bare.dateSource());
    assertEquals(Instant.ofEpochMilli(5_000L), bare.date());
  }

  @Test
  void subjectThreadsOnlyWithoutThreadHeaders() throws Exception {
    IndexRecord headerless = mail("Subject: Re: TL: Kế hoạch  năm 2020\nMessage-ID: <r@x>\n\nx\n");
    assertEquals("subject:kế hoạch năm 2020", headerless.threadId());
    IndexRecord root = mail("Subject: Kế hoạch năm 2020\nMessage-ID: <k@x>\n\nx\n");
    assertEquals("k@x", root.threadId());
    IndexRecord withHeader =
        mail("Subject: Re: Kế hoạch năm 2020\nMessage-ID: <r2@x>\nIn-Reply-To: <k@x>\n\nx\n");
    assertEquals("k@x", withHeader.threadId());
  }

  @Test
  void nestedMessagesBecomeChildRecords() throws Exception {
    List<IndexRecord> records =
        extract(
            """
            Subject: Fwd: lịch họp
            Message-ID: <fwd@x>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: text/plain; charset=utf-8

            Chuyển tiếp anh.
            --outer
            Content-Type: message/rfc822

            From: c@x
            Subject: =?UTF-8?Q?L=E1=BB=8Bch_h=E1=BB=8Dp?=
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=inner

            --inner
            Content-Type: text/plain; charset=utf-8

            Họp lúc 8 giờ tại hội trường.
            --inner
            Content-Type: text/plain; name="ghi-chu.txt"
            Content-Disposition: attachment; filename="ghi-chu.txt"

            Mang theo tài liệu.
            --inner--
            --outer--
            """
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(3, records.size());
    IndexRecord mail = records.get(0);
    assertEquals("Chuyển tiếp anh.", mail.body().strip());
    IndexRecord nested = records.get(1);
    assertEquals(Kind.ATTACHMENT, nested.kind());
    assertEquals(mail.id(), nested.parentId());
    assertEquals("Lịch họp.eml", nested.title());
    assertTrue(nested.body().contains("Họp lúc 8 giờ tại hội trường."), nested.body());
    assertEquals("ghi-chu.txt", records.get(2).title());
    assertTrue(records.get(2).body().contains("Mang theo tài liệu."), records.get(2).body());
  }

  @Test
  void detachedSmimeSignaturesAreSkippedAndTheSignedTextIndexed() throws Exception {
    List<IndexRecord> records =
        extract(
            """
            Subject: signed
            MIME-Version: 1.0
            Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary=s

            --s
            Content-Type: text/plain; charset=utf-8

            Văn bản đã ký số.
            --s
            Content-Type: application/pkcs7-signature; name=smime.p7s
            Content-Disposition: attachment; filename=smime.p7s
            Content-Transfer-Encoding: base64

            MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAADGCAg==
            --s--
            """
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(1, records.size());
    assertEquals("Văn bản đã ký số.", records.getFirst().body().strip());
  }

  @Test
  void opaqueSmimeSignedContentIsIndexed() throws Exception {
    byte[] entity =
        "Content-Type: text/plain; charset=utf-8\r\n\r\nNghị quyết đã ký.\r\n"
            .getBytes(StandardCharsets.UTF_8);
    // A SignedData structure that encapsulates the entity; signer infos do not matter for reading.
    byte[] cms =
        new CMSSignedDataGenerator()
            .generate(new CMSProcessableByteArray(entity), true)
            .getEncoded();
    String raw =
        """
        Subject: opaque
        MIME-Version: 1.0
        Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m
        Content-Disposition: attachment; filename=smime.p7m
        Content-Transfer-Encoding: base64

        %s
        """
            .formatted(Base64.getMimeEncoder().encodeToString(cms));
    List<IndexRecord> records = extract(raw.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, records.size());
    assertEquals("Nghị quyết đã ký.", records.getFirst().body().strip());
  }

  @Test
  void contentHashIgnoresMailboxStatusHeaders() {
    byte[] a = "Subject: x\nStatus: RO\nX-UID: 7\n\nbody\n".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "Subject: x\n\nbody\n".getBytes(StandardCharsets.US_ASCII);
    byte[] c = "Subject: x\n\nbody!\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(MailExtractor.contentHash(a), MailExtractor.contentHash(b));
    assertNotEquals(MailExtractor.contentHash(b), MailExtractor.contentHash(c));
  }

  @Test
  void emptyAndOversizedItemsAreReportedWithAReason() {
    ExtractionException empty =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExtractionException.class, () -> extract(new byte[0]));
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    ExtractionException large =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExtractionException.class,
            () ->
                extractor.extract(
                    SOURCE,
                    new SourceItem(
                        "big",
                        null,
                        MailExtractor.MAX_MESSAGE_BYTES + 1L,
                        0,
                        () -> new ByteArrayInputStream(new byte[0]))));
    assertTrue(large.getMessage().contains("larger"), large.getMessage());
  }
}
