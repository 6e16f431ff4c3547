package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ExtractionLimitsTest {

  private static byte[] text(int lines) {
    return "Ủy ban nhân dân tỉnh Hòa Sơn ban hành quyết định.\n"
        .repeat(lines)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void textCutAtTheLimitIsKeptAndMarkedTruncated() throws Exception {
    TextExtractor.Extracted cut =
        new TextExtractor(200).extract(new ByteArrayInputStream(text(100)), "a.txt");
    assertTrue(cut.truncated());
    assertEquals(200, cut.text().length(), cut.text());

    TextExtractor.Extracted whole =
        new TextExtractor(100_000).extract(new ByteArrayInputStream(text(100)), "a.txt");
    assertFalse(whole.truncated());
  }

  @Test
  void aHighlyCompressedZipIsStoppedByTheZipBombGuard() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("bomb.txt"));
      byte[] line = "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a\n".getBytes();
      for (int i = 0; i < 400_000; i++) { // 24 MB of text, a few tens of kB compressed
        out.write(line);
      }
      out.closeEntry();
    }
    ExtractionException e =
        assertThrows(
            ExtractionException.class,
            () ->
                new TextExtractor(ExtractionLimits.defaults())
                    .extract(new ByteArrayInputStream(zip.toByteArray()), "bomb.zip"));
    assertTrue(e.getMessage().startsWith("zip-bomb guard"), e.getMessage());
  }

  @Test
  void aParseOverTheTimeLimitIsAbandonedWithAReason() {
    // One nanosecond: no parse can finish before the wait ends.
    TextExtractor extractor =
        new TextExtractor(ExtractionLimits.defaults().withParseTimeout(Duration.ofNanos(1)));
    ExtractionException e =
        assertThrows(
            ExtractionException.class,
            () -> extractor.extract(new ByteArrayInputStream(text(20_000)), "a.txt"));
    assertTrue(e.getMessage().startsWith("timeout:"), e.getMessage());
  }

  @Test
  void limitsMustBePositive() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ExtractionLimits.defaults().withParseTimeout(Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> ExtractionLimits.defaults().withMaxFileBytes(0));
  }
}
