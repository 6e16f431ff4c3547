package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.tracuu.analysis.legacy.LegacyEncoding;
import vn.tracuu.analysis.legacy.LegacyVietnamese;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.Kind;

class MailExtractorTest {

  private static final SourceConfig SOURCE =
      new SourceConfig(
          "inbox", SourceConfig.SourceType.MAIL, Path.of("."), List.of("staff"), false);
  private final MailExtractor extractor = new MailExtractor(new TextExtractor(100_000));

  private List<IndexRecord> extract(byte[] raw) throws ExtractionException {
    return extractor.extract(
        SOURCE,
        new SourceItem("cur/1", "INBOX", raw.length, 1_000L, () -> new ByteArrayInputStream(raw)));
  }

  private List<IndexRecord> extract(String raw) throws ExtractionException {
    return extract(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesEncodedHeadersAndKeepsTheDateHeader() throws Exception {
    String subject = "Về việc triển khai chính quyền điện tử";
    String encoded =
        "=?UTF-8?B?"
            + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
            + "?=";
    List<IndexRecord> records =
        extract(
            """
            From: =?UTF-8?Q?Nguy=E1=BB=85n_V=C4=83n_A?= <a@hoason.gov.vn>
            To: b@hoason.gov.vn, =?UTF-8?Q?Tr=E1=BA=A7n_B?= <c@hoason.gov.vn>
            Subject: %s
            Date: Mon, 19 Aug 2019 23:30:00 +0000
            Message-ID: <m1@hoason.gov.vn>
            Content-Type: text/plain; charset=UTF-8

            Nội dung thư.
            """
                .formatted(encoded));
    IndexRecord mail = records.getFirst();
    assertEquals("mail:inbox:m1@hoason.gov.vn", mail.id());
    assertEquals(Kind.EMAIL, mail.kind());
    assertEquals(subject, mail.title());
    assertEquals("Nguyễn Văn A <a@hoason.gov.vn>", mail.sender());
    assertEquals(List.of("b@hoason.gov.vn", "Trần B <c@hoason.gov.vn>"), mail.recipients());
    assertEquals(Instant.parse("2019-08-19T23:30:00Z"), mail.date());
    assertEquals(DateSource.HEADER, mail.dateSource());
    assertEquals(List.of("INBOX"), mail.folders());
    assertEquals("Nội dung thư.", mail.body().strip());
  }

  @Test
  void decodesWindows1258BodiesToComposedText() throws Exception {
    String text = "Kế hoạch xây dựng chính quyền điện tử tỉnh Hòa Sơn";
    // windows-1258 writes most tone marks as combining characters: encode the decomposed form.
    byte[] body = toWindows1258(text);
    byte[] head =
        """
        From: a@hoason.gov.vn
        Subject: legacy
        Message-ID: <legacy@x>
        Content-Type: text/plain; charset=windows-1258
        Content-Transfer-Encoding: 8bit

        """
            .getBytes(StandardCharsets.US_ASCII);
    byte[] raw = new byte[head.length + body.length];
    System.arraycopy(head, 0, raw, 0, head.length);
    System.arraycopy(body, 0, raw, head.length, body.length);
    IndexRecord mail = extract(raw).getFirst();
    assertEquals(text, mail.body().strip());
  }

  /**
   * windows-1258 has the vowel letters â ê ô ơ ư ă đ precomposed but writes tone marks as combining
   * characters: decompose, then recompose only the vowel marks, as legacy Vietnamese mailers did.
   */
  static byte[] toWindows1258(String text) {
    String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder legacy = new StringBuilder();
    int i = 0;
    while (i < nfd.length()) {
      StringBuilder letter = new StringBuilder().append(nfd.charAt(i++));
      StringBuilder tones = new StringBuilder();
      while (i < nfd.length() && Character.getType(nfd.charAt(i)) == Character.NON_SPACING_MARK) {
        char mark = nfd.charAt(i++);
        (mark == '\u0302' || mark == '\u0306' || mark == '\u031B' ? letter : tones).append(mark);
      }
      legacy.append(Normalizer.normalize(letter, Normalizer.Form.NFC)).append(tones);
    }
    return legacy.toString().getBytes(Charset.forName("windows-1258"));
  }

  @ParameterizedTest
  @EnumSource(LegacyEncoding.class)
  void repairsLegacyVietnameseSentAsLatin1(LegacyEncoding encoding) throws Exception {
    String text =
        "Kính gửi các phòng, ban: đề nghị báo cáo kết quả phòng chống thiên tai năm 2019.";
    // An old mailer sends the legacy bytes labelled iso-8859-1.
    byte[] body = LegacyVietnamese.encode(text, encoding).getBytes(Charset.forName("windows-1252"));
    byte[] head =
        """
        From: a@hoason.gov.vn
        Subject: legacy
        Message-ID: <legacy-%s@x>
        Content-Type: text/plain; charset=iso-8859-1

        """
            .formatted(encoding.id())
            .getBytes(StandardCharsets.US_ASCII);
    byte[] raw = new byte[head.length + body.length];
    System.arraycopy(head, 0, raw, 0, head.length);
    System.arraycopy(body, 0, raw, head.length, body.length);
    IndexRecord mail = extract(raw).getFirst();
    assertEquals(text, mail.body().strip());
    assertEquals(encoding.id(), mail.legacyEncoding());
  }

  @Test
  void unicodeBodiesAreNotMarkedRepaired() throws Exception {
    IndexRecord mail =
        extract(
                """
                From: a@hoason.gov.vn
                Subject: ok
                Message-ID: <ok@x>
                Content-Type: text/plain; charset=UTF-8

                Nội dung thư về chính quyền điện tử.
                """)
            .getFirst();
    assertNull(mail.legacyEncoding());
  }

  @Test
  void attachmentsBecomeChildRecordsAndThreadsFollowReferences() throws Exception {
    String attachment =
        Base64.getEncoder()
            .encodeToString("Báo cáo tiến độ chính quyền điện tử".getBytes(StandardCharsets.UTF_8));
    List<IndexRecord> records =
        extract(
            """
            From: a@hoason.gov.vn
            Subject: Re: báo cáo
            Message-ID: <reply@x>
            In-Reply-To: <parent@x>
            References: <root@x> <parent@x>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=UTF-8

            Gửi anh báo cáo.
            --b1
            Content-Type: text/plain; charset=UTF-8
            Content-Disposition: attachment; filename*=UTF-8''b%%C3%%A1o-c%%C3%%A1o.txt
            Content-Transfer-Encoding: base64

            %s
            --b1--
            """
                .formatted(attachment));
    assertEquals(2, records.size());
    IndexRecord mail = records.get(0);
    IndexRecord child = records.get(1);
    assertEquals("root@x", mail.threadId());
    assertEquals(List.of("báo-cáo.txt"), mail.attachmentNames());
    assertEquals("Gửi anh báo cáo.", mail.body().strip());
    assertEquals(Kind.ATTACHMENT, child.kind());
    assertEquals(mail.id(), child.parentId());
    assertEquals("báo-cáo.txt", child.title());
    assertTrue(child.body().contains("chính quyền điện tử"), child.body());
  }

  @Test
  void htmlOnlyBodiesBecomeText() throws Exception {
    IndexRecord mail =
        extract(
                """
                From: a@x
                Subject: html
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{}</style></head><body><p>Dòng một</p><p>Dòng <b>hai</b></p><script>x()</script></body></html>
                """)
            .getFirst();
    assertEquals("Dòng một\nDòng hai", mail.body());
  }

  @Test
  void withoutMessageIdOrDateTheIdIsAHashAndTheDateIsTheFileTime() throws Exception {
    IndexRecord mail = extract("Subject: bare\n\nbody\n").getFirst();
    assertTrue(mail.id().startsWith("mail:inbox:sha256-"), mail.id());
    assertNull(mail.messageId());
    assertEquals(Instant.ofEpochMilli(1_000L), mail.date());
    assertEquals(DateSource.FILE_TIME, mail.dateSource());
  }

  @Test
  void garbageIsStillReadAsAMessageWithoutCrashing() throws Exception {
    byte[] garbage = new byte[2048];
    new java.util.Random(1).nextBytes(garbage);
    assertEquals(1, extract(garbage).size());
  }
}
