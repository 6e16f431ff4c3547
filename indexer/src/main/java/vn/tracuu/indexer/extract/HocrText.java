package vn.tracuu.indexer.extract;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Turns Tesseract's hOCR, as Tika passes it through, back into lines of text, and keeps the word
 * confidences. hOCR puts every word in its own element with white space between them; left alone,
 * that would make one line per word and break the line-based header reading. Text outside hOCR
 * passes unchanged.
 */
final class HocrText extends ContentHandlerDecorator {

  private static final char[] SPACE = {' '};
  private static final char[] NEWLINE = {'\n'};

  /** Classes of the open hOCR elements; empty outside hOCR. */
  private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

  private int words;
  private long confidenceSum;

  HocrText(ContentHandler body) {
    super(body);
  }

  /** Words recognised by OCR in this file (0 when OCR did not run or found nothing). */
  int words() {
    return words;
  }

  /** Mean word confidence in [0, 1], or -1 without OCR words. */
  double meanConfidence() {
    return words == 0 ? -1 : confidenceSum / (100.0 * words);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    String cls = atts.getValue("class");
    if (cls != null && cls.startsWith("ocr")) {
      open.push(cls);
      if (cls.equals("ocrx_word")) {
        words++;
        confidenceSum += confidence(atts.getValue("title"));
      }
      return; // hOCR structure elements carry no text of their own
    }
    if (!open.isEmpty()) {
      open.push("");
      return;
    }
    super.startElement(uri, localName, qName, atts);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if (!open.isEmpty()) {
      String cls = open.pop();
      if (cls.equals("ocrx_word")) {
        super.characters(SPACE, 0, 1);
      } else if (!cls.isEmpty()) {
        super.characters(NEWLINE, 0, 1); // end of a line, paragraph, area or page
      }
      return;
    }
    super.endElement(uri, localName, qName);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (!open.isEmpty() && new String(ch, start, length).isBlank()) {
      return;
    }
    super.characters(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    if (open.isEmpty()) {
      super.ignorableWhitespace(ch, start, length);
    }
  }

  /** "bbox 10 20 30 40; x_wconf 93" → 93. */
  static int confidence(String title) {
    if (title == null) {
      return 0;
    }
    int at = title.indexOf("x_wconf");
    if (at < 0) {
      return 0;
    }
    int i = at + "x_wconf".length();
    while (i < title.length() && title.charAt(i) == ' ') {
      i++;
    }
    int value = 0;
    while (i < title.length() && Character.isDigit(title.charAt(i))) {
      value = value * 10 + (title.charAt(i++) - '0');
    }
    return Math.min(100, value);
  }
}
