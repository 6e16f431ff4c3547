package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;

/** What the index says about OCR: used with its confidence, or unavailable without Tesseract. */
class OcrStatusTest {

  @TempDir Path dir;

  private static final SourceConfig SOURCE =
      new SourceConfig(
          "scans", SourceConfig.SourceType.DOCUMENTS, Path.of("."), List.of("staff"), false);

  private static byte[] scan() throws Exception {
    BufferedImage image = new BufferedImage(900, 120, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SERIF, Font.PLAIN, 44));
    g.drawString("Số: 1952/QĐ-UBND", 30, 75);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  private static IndexRecord document(TextExtractor extractor, byte[] bytes) throws Exception {
    SourceItem item =
        new SourceItem("scan.png", null, bytes.length, 0L, () -> new ByteArrayInputStream(bytes));
    return new DocumentExtractor(extractor).extract(SOURCE, item).getFirst();
  }

  @Test
  void withoutTesseractAScanIsIndexedAndMarkedOcrUnavailable() throws Exception {
    // A folder without a tesseract program in it: as on a machine where it is not installed.
    TextExtractor extractor =
        new TextExtractor(ExtractionLimits.defaults(), dir.resolve("no-tesseract-here"));
    IndexRecord record = document(extractor, scan());
    assertEquals("unavailable", record.ocr());
    assertEquals(null, record.ocrConfidence());
    Document doc = IndexSchema.toDocument(record);
    assertEquals("unavailable", doc.get(IndexSchema.OCR));
  }

  @Test
  void withTesseractTheConfidenceIsStored() throws Exception {
    Assumptions.assumeTrue(
        TextExtractor.ocrAvailable(),
        "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie): skipped");
    IndexRecord record = document(new TextExtractor(ExtractionLimits.defaults()), scan());
    assertEquals("used", record.ocr());
    assertNotNull(record.ocrConfidence());
    Document doc = IndexSchema.toDocument(record);
    assertEquals("used", doc.get(IndexSchema.OCR));
    float stored = doc.getField(IndexSchema.OCR_CONFIDENCE).numericValue().floatValue();
    assertTrue(stored > 0.3f && stored <= 1f, "confidence " + stored);
  }
}
