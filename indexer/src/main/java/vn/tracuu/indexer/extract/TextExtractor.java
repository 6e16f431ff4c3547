package vn.tracuu.indexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Optional;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Plain text and metadata of a file through Apache Tika's auto-detecting parser, with a limit on
 * extracted characters. When the limit cuts the text, {@link Extracted#truncated()} says so.
 */
public final class TextExtractor {

  private final Parser parser = new AutoDetectParser();
  private final int maxChars;

  /**
   * @param maxChars most characters of text kept per file
   */
  public TextExtractor(int maxChars) {
    this.maxChars = maxChars;
  }

  /** What Tika found in one file. */
  public record Extracted(String text, Metadata metadata, boolean truncated) {

    public Optional<String> title() {
      return Optional.ofNullable(metadata.get(TikaCoreProperties.TITLE))
          .map(String::strip)
          .filter(t -> !t.isEmpty());
    }

    public String contentType() {
      return metadata.get(Metadata.CONTENT_TYPE);
    }

    /** Creation or modification date from the file's own metadata. */
    public Optional<Instant> metadataDate() {
      for (var property :
          new org.apache.tika.metadata.Property[] {
            TikaCoreProperties.CREATED, TikaCoreProperties.MODIFIED
          }) {
        var date = metadata.getDate(property);
        if (date != null) {
          return Optional.of(date.toInstant());
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Extracts {@code in} (not closed here).
   *
   * @param fileName the name, which helps type detection; may be null
   * @throws ExtractionException with a reason a person can act on
   */
  public Extracted extract(InputStream in, String fileName) throws ExtractionException {
    Metadata metadata = new Metadata();
    if (fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser); // text of embedded files (zip members, images in PDFs) too
    context.set(PDFParserConfig.class, pdfConfig());
    boolean truncated = false;
    try {
      parser.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new ExtractionException("encrypted: " + firstLine(e), e);
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        truncated = true;
      } else {
        throw new ExtractionException("unreadable content: " + firstLine(e), e);
      }
    } catch (TikaException e) {
      throw new ExtractionException("cannot parse: " + firstLine(e), e);
    } catch (IOException e) {
      throw new ExtractionException("cannot read: " + firstLine(e), e);
    } catch (RuntimeException | LinkageError e) {
      throw new ExtractionException("parser failed: " + firstLine(e), e);
    }
    String text = Normalizer.normalize(handler.toString(), Normalizer.Form.NFC);
    return new Extracted(text, metadata, truncated);
  }

  /**
   * PDF text in reading order. Office suites often draw Vietnamese letters from a fallback font in
   * a separate text run; in content-stream order those letters land at the end of the line ("T NH
   * ... Ỉ"), so sort the glyphs by position.
   */
  private static PDFParserConfig pdfConfig() {
    PDFParserConfig config = new PDFParserConfig();
    config.setSortByPosition(true);
    return config;
  }

  static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
