package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.Kind;

/** Files in zip and gz containers become member records of their container. */
class ContainerTest {

  private static final SourceConfig SOURCE =
      new SourceConfig(
          "archive", SourceConfig.SourceType.DOCUMENTS, Path.of("."), List.of("staff"), false);

  private static final String DECISION =
      """
      ỦY BAN NHÂN DÂN
      TỈNH HÒA SƠN
      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Độc lập - Tự do - Hạnh phúc
      Số: 1952/QĐ-UBND
      Hòa Sơn, ngày 08 tháng 8 năm 2019
      QUYẾT ĐỊNH
      Về việc thành lập Ban chỉ đạo phòng chống thiên tai
      Điều 1. Thành lập Ban chỉ đạo.
      """;

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] encryptedPdf() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private record Result(List<IndexRecord> records, Map<String, String> failures) {
    Map<String, IndexRecord> byId() {
      return records.stream().collect(Collectors.toMap(IndexRecord::id, Function.identity()));
    }
  }

  private static Result extract(byte[] bytes, String name, ExtractionLimits limits)
      throws ExtractionException {
    SourceItem item =
        new SourceItem(name, null, bytes.length, 0L, () -> new ByteArrayInputStream(bytes));
    Map<String, String> failures = new LinkedHashMap<>();
    List<IndexRecord> records =
        new DocumentExtractor(new TextExtractor(limits)).extract(SOURCE, item, failures::put);
    return new Result(records, failures);
  }

  private static byte[] archive() throws IOException {
    Map<String, byte[]> inner = new LinkedHashMap<>();
    inner.put("bao-cao.txt", utf8("Báo cáo kết quả phòng chống thiên tai năm 2019."));
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("quyet-dinh.txt", utf8(DECISION));
    outer.put("ho-so/kem-theo.zip", zip(inner));
    outer.put("mat.pdf", encryptedPdf());
    outer.put("trang.html", utf8("<html><body><p>Thông báo lịch tiếp công dân.</p></body></html>"));
    return zip(outer);
  }

  @Test
  void membersBecomeChildRecordsOfTheirContainer() throws Exception {
    Result result = extract(archive(), "2019/ho-so.zip", ExtractionLimits.defaults());
    Map<String, IndexRecord> byId = result.byId();
    String zipId = "file:archive:2019/ho-so.zip";

    IndexRecord container = byId.get(zipId);
    assertEquals(Kind.DOCUMENT, container.kind());
    assertEquals(
        List.of("quyet-dinh.txt", "kem-theo.zip", "mat.pdf", "trang.html"),
        container.attachmentNames());

    IndexRecord decision = byId.get(zipId + "!quyet-dinh.txt");
    assertEquals(Kind.MEMBER, decision.kind());
    assertEquals(zipId, decision.parentId());
    assertEquals("1952/QĐ-UBND", decision.documentNumber());
    assertEquals("2019/ho-so.zip!quyet-dinh.txt", decision.locator());

    IndexRecord nested = byId.get(zipId + "!ho-so/kem-theo.zip");
    assertEquals(zipId, nested.parentId());
    IndexRecord report = byId.get(zipId + "!ho-so/kem-theo.zip/bao-cao.txt");
    assertEquals(zipId + "!ho-so/kem-theo.zip", report.parentId());
    assertEquals("bao-cao.txt", report.title());
    assertTrue(report.body().contains("phòng chống thiên tai"), report.body());

    assertTrue(byId.get(zipId + "!trang.html").body().contains("tiếp công dân"));
    // The encrypted member is reported, not indexed.
    assertEquals(List.of("2019/ho-so.zip!mat.pdf"), List.copyOf(result.failures().keySet()));
    assertTrue(result.failures().values().iterator().next().startsWith("encrypted"));
    assertEquals(5, result.records().size());
  }

  @Test
  void containersNestedTooDeepAreListedNotOpened() throws Exception {
    Result result =
        extract(archive(), "ho-so.zip", ExtractionLimits.defaults().withMaxEmbeddedDepth(1));
    String reason = result.failures().get("ho-so.zip!ho-so/kem-theo.zip/bao-cao.txt");
    assertTrue(reason != null && reason.startsWith("too deep"), result.failures().toString());
  }

  @Test
  void aGzipMemberIsAChildRecord() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(utf8(DECISION));
    }
    Result result = extract(gz.toByteArray(), "quyet-dinh.txt.gz", ExtractionLimits.defaults());
    assertEquals(2, result.records().size(), result.records().toString());
    IndexRecord member = result.records().get(1);
    assertEquals(Kind.MEMBER, member.kind());
    assertEquals("1952/QĐ-UBND", member.documentNumber());
  }
}
