package vn.tracuu.indexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.xml.sax.SAXException;

/**
 * Plain text and metadata of a file through Apache Tika's auto-detecting parser, with a limit on
 * extracted characters. When the limit cuts the text, {@link Extracted#truncated()} says so.
 *
 * <p>Image files and PDF pages without a text layer go through Tika's Tesseract parser with the
 * Vietnamese model ({@code tesseract-ocr-vie}); {@link Extracted#ocr()} says whether OCR ran, and
 * with which mean word confidence, or that it was needed but Tesseract is not installed.
 */
public final class TextExtractor {

  /** Whether OCR was used for a file. */
  public enum OcrStatus {
    /** The file had a text layer, or nothing to read. */
    NONE,
    /** Text came (partly) from OCR. */
    USED,
    /** The file needs OCR (an image, or a PDF without text) but Tesseract is not installed. */
    UNAVAILABLE
  }

  /** Tesseract's language: Vietnamese when its model is installed. */
  private static final String OCR_LANGUAGE = ocrLanguage();

  /** Parses run here so that one that hangs can be abandoned (daemon threads: never block exit). */
  private static final ExecutorService PARSING =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tika-parse");
            t.setDaemon(true);
            return t;
          });

  private final Parser parser = new AutoDetectParser();
  private final ExtractionLimits limits;
  private final boolean ocr;

  /**
   * @param maxChars most characters of text kept per file (other limits: the defaults)
   */
  public TextExtractor(int maxChars) {
    this(ExtractionLimits.defaults().withMaxChars(maxChars));
  }

  public TextExtractor(ExtractionLimits limits) {
    this(limits, true);
  }

  /**
   * @param ocr false: never run Tesseract (scans are indexed without text, {@code ocr:
   *     unavailable}), for machines where OCR is too slow or not wanted
   */
  public TextExtractor(ExtractionLimits limits, boolean ocr) {
    this.limits = limits;
    this.ocr = ocr;
  }

  public ExtractionLimits limits() {
    return limits;
  }

  /** What Tika found in one file. */
  public record Extracted(
      String text, Metadata metadata, boolean truncated, OcrStatus ocr, double ocrConfidence) {

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
    BodyContentHandler body = new BodyContentHandler(limits.maxChars());
    HocrText hocr = new HocrText(body);
    TikaInputStream tis = TikaInputStream.get(in);
    // zip-bomb guard and nesting limit: Tika counts output against compressed input read
    SecureContentHandler handler = new SecureContentHandler(hocr, tis);
    handler.setMaximumCompressionRatio(limits.maxCompressionRatio());
    handler.setMaximumPackageEntryDepth(limits.maxEmbeddedDepth());
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser); // text of embedded files (zip members, images in PDFs) too
    context.set(PDFParserConfig.class, pdfConfig());
    context.set(TesseractOCRConfig.class, this.ocr ? ocrConfig() : skipOcr());
    boolean truncated = false;
    try {
      parseWithTimeout(tis, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new ExtractionException("encrypted: " + firstLine(e), e);
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        truncated = true;
      } else {
        throwIfGuardTripped(e);
        throw new ExtractionException("unreadable content: " + firstLine(e), e);
      }
    } catch (TikaException e) {
      throwIfGuardTripped(e);
      throw new ExtractionException("cannot parse: " + firstLine(e), e);
    } catch (IOException e) {
      throw new ExtractionException("cannot read: " + firstLine(e), e);
    } catch (RuntimeException | LinkageError e) {
      throw new ExtractionException("parser failed: " + firstLine(e), e);
    } catch (OutOfMemoryError e) {
      throw new ExtractionException("parser ran out of memory", e);
    }
    String text = Normalizer.normalize(body.toString(), Normalizer.Form.NFC);
    OcrStatus ocr = OcrStatus.NONE;
    if (hocr.words() > 0) {
      ocr = OcrStatus.USED;
    } else if ((OCR_LANGUAGE == null || !this.ocr) && needsOcr(metadata, text)) {
      ocr = OcrStatus.UNAVAILABLE;
    }
    return new Extracted(text, metadata, truncated, ocr, hocr.meanConfidence());
  }

  /**
   * Runs the parse on another thread and gives up after the parse timeout. The abandoned thread is
   * interrupted; a parser that ignores interruption keeps its thread until it ends, but the batch
   * goes on.
   */
  private void parseWithTimeout(
      InputStream in, SecureContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException, TikaException, ExtractionException {
    Future<?> parse =
        PARSING.submit(
            () -> {
              parser.parse(in, handler, metadata, context);
              return null;
            });
    try {
      parse.get(limits.parseTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      parse.cancel(true);
      throw new ExtractionException(
          "parse timed out after " + limits.parseTimeout().toSeconds() + " s (limit)", e);
    } catch (InterruptedException e) {
      parse.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExtractionException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      switch (cause) {
        case IOException io -> throw io;
        case SAXException sax -> throw sax;
        case TikaException tika -> throw tika;
        case RuntimeException rt -> throw rt;
        case Error err -> throw err;
        default -> throw new ExtractionException("parser failed: " + firstLine(cause), cause);
      }
    }
  }

  /**
   * Reports the zip-bomb guard. Its exception reaches us wrapped, by container parsers too
   * (TIKA-237, tagged by inner handlers), so look along the whole cause chain.
   */
  private static void throwIfGuardTripped(Throwable e) throws ExtractionException {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t.getClass().getName().endsWith("SecureContentHandler$SecureSAXException")) {
        throw new ExtractionException("zip-bomb guard: " + firstLine(t), e);
      }
    }
  }

  /** True when Tesseract is installed (with any model). */
  public static boolean ocrAvailable() {
    return OCR_LANGUAGE != null;
  }

  /** An image, or a PDF whose text layer is (nearly) empty. */
  private static boolean needsOcr(Metadata metadata, String text) {
    String type = String.valueOf(metadata.get(Metadata.CONTENT_TYPE));
    return type.startsWith("image/")
        || type.startsWith("application/pdf") && text.strip().length() < 50;
  }

  private static TesseractOCRConfig skipOcr() {
    TesseractOCRConfig config = new TesseractOCRConfig();
    config.setSkipOcr(true);
    return config;
  }

  private static TesseractOCRConfig ocrConfig() {
    TesseractOCRConfig config = new TesseractOCRConfig();
    if (OCR_LANGUAGE == null) {
      config.setSkipOcr(true);
      return config;
    }
    config.setLanguage(OCR_LANGUAGE);
    // hOCR carries each word's confidence; HocrText turns it back into lines of text
    config.setOutputType(TesseractOCRConfig.OUTPUT_TYPE.HOCR);
    config.setTimeoutSeconds(120);
    return config;
  }

  /** "vie" when Tesseract and its Vietnamese model are installed, "eng" without it, else null. */
  private static String ocrLanguage() {
    try {
      if (!new TesseractOCRParser().hasTesseract()) {
        return null;
      }
      // Tika lists the models only when told to preload them; ask Tesseract directly
      Process p =
          new ProcessBuilder(TesseractOCRParser.getTesseractProg(), "--list-langs")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      return out.lines().anyMatch(l -> l.strip().equals("vie")) ? "vie" : "eng";
    } catch (TikaException | IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * PDF text in reading order. Office suites often draw Vietnamese letters from a fallback font in
   * a separate text run; in content-stream order those letters land at the end of the line ("T NH
   * ... Ỉ"), so sort the glyphs by position.
   */
  private static PDFParserConfig pdfConfig() {
    PDFParserConfig config = new PDFParserConfig();
    config.setSortByPosition(true);
    // pages with (almost) no text layer are scans: render and OCR them
    config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
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
