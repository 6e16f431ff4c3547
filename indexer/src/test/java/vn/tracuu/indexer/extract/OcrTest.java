package vn.tracuu.indexer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import javax.imageio.ImageIO;
import org.apache.tika.sax.ToTextContentHandler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xml.sax.helpers.AttributesImpl;

class OcrTest {

  @Test
  void hocrBecomesLinesOfTextWithTheMeanWordConfidence() throws Exception {
    StringWriter out = new StringWriter();
    HocrText hocr = new HocrText(new ToTextContentHandler(out));
    hocr.startDocument();
    start(hocr, "div", "ocr_page", "page_1");
    start(hocr, "span", "ocr_line", "bbox 0 0 10 10");
    word(hocr, "Số:", "bbox 0 0 1 1; x_wconf 90");
    word(hocr, "12/QĐ-UBND", "bbox 1 0 2 1; x_wconf 70");
    hocr.endElement("", "span", "span");
    start(hocr, "span", "ocr_line", "bbox 0 1 10 11");
    word(hocr, "Hà", "bbox 0 1 1 2; x_wconf 95");
    word(hocr, "Nội", "bbox 1 1 2 2; x_wconf 93");
    hocr.endElement("", "span", "span");
    hocr.endElement("", "div", "div");
    hocr.endDocument();

    assertEquals(4, hocr.words());
    assertEquals(0.87, hocr.meanConfidence(), 1e-9);
    assertEquals(
        java.util.List.of("Số: 12/QĐ-UBND", "Hà Nội"),
        out.toString().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
  }

  @Test
  void anImageIsReadWithTheVietnameseModel() throws Exception {
    Assumptions.assumeTrue(
        TextExtractor.ocrAvailable(),
        "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie): skipped");
    BufferedImage image = new BufferedImage(900, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SERIF, Font.PLAIN, 44));
    g.drawString("Số: 1952/QĐ-UBND", 30, 70);
    g.drawString("Hà Nội, ngày 8 tháng 8", 30, 130);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);

    TextExtractor.Extracted extracted =
        new TextExtractor(10_000).extract(new ByteArrayInputStream(png.toByteArray()), "scan.png");

    assertEquals(TextExtractor.OcrStatus.USED, extracted.ocr());
    assertTrue(extracted.ocrConfidence() > 0.5, "confidence " + extracted.ocrConfidence());
    assertTrue(extracted.text().contains("1952"), extracted.text());
    assertTrue(extracted.text().contains("tháng"), extracted.text());
  }

  private static void start(HocrText h, String element, String cls, String title) throws Exception {
    AttributesImpl atts = new AttributesImpl();
    atts.addAttribute("", "class", "class", "CDATA", cls);
    atts.addAttribute("", "title", "title", "CDATA", title);
    h.startElement("", element, element, atts);
    h.characters("\n   ".toCharArray(), 0, 4);
  }

  private static void word(HocrText h, String text, String title) throws Exception {
    start(h, "span", "ocrx_word", title);
    h.characters(text.toCharArray(), 0, text.length());
    h.endElement("", "span", "span");
    h.characters("\n  ".toCharArray(), 0, 3);
  }
}
