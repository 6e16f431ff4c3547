package vn.tracuu.indexer.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.DefaultParser;
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
public final class TextExtractor implements AutoCloseable {

  /** How a timeout reason starts, wherever the parse ran. */
  static final String TIMEOUT = "timeout:";

  /** Whether OCR was used for a file. */
  public enum OcrStatus {
    /** The file had a text layer, or nothing to read. */
    NONE,
    /** Text came (partly) from OCR. */
    USED,
    /** The file needs OCR (an image, or a PDF without text) but Tesseract is not installed. */
    UNAVAILABLE
  }

  /** Tesseract's language from the PATH: Vietnamese when its model is installed. */
  private static final String OCR_LANGUAGE = ocrLanguage(null);

  /** Parses run here so that one that hangs can be abandoned (daemon threads: never block exit). */
  private static final ExecutorService PARSING =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tika-parse");
            t.setDaemon(true);
            return t;
          });

  /** Formats whose files are read as members of their own (child records). */
  private static final Set<String> CONTAINERS =
      Set.of(
          "application/zip",
          "application/x-7z-compressed",
          "application/x-tar",
          "application/x-gtar",
          "application/gzip",
          "application/x-gzip",
          "application/x-bzip2",
          "application/x-xz",
          "application/x-compress",
          "application/x-archive",
          "application/x-cpio");

  /** A container may always expand this far, whatever its ratio (small zips of text). */
  private static final long MIN_EXPANSION_BYTES = 8L << 20;

  private final AutoDetectParser parser;
  private final Detector detector;

  /** "vie", "eng", or null when Tesseract is not there. */
  private final String ocrLanguage;

  private final ExtractionLimits limits;
  private final boolean ocr;

  /** Parser processes when parsing is isolated; null when files are parsed in this JVM. */
  private final ParserPool pool;

  /**
   * @param maxChars most characters of text kept per file (other limits: the defaults)
   */
  public TextExtractor(int maxChars) {
    this(ExtractionLimits.defaults().withMaxChars(maxChars));
  }

  /** Parses in this JVM (tests, the parser processes themselves). */
  public TextExtractor(ExtractionLimits limits) {
    this(limits, true);
  }

  /**
   * Parses in this JVM.
   *
   * @param ocr false: never run Tesseract (scans are indexed without text, {@code ocr:
   *     unavailable}), for machines where OCR is too slow or not wanted
   */
  public TextExtractor(ExtractionLimits limits, boolean ocr) {
    this(limits, ocr, null);
  }

  private TextExtractor(ExtractionLimits limits, boolean ocr, ParserPool pool) {
    this.limits = limits;
    this.ocr = ocr;
    this.pool = pool;
    this.parser = new AutoDetectParser();
    this.detector = parser.getDetector();
    this.ocrLanguage = OCR_LANGUAGE;
  }

  /**
   * Parses in this JVM with the Tesseract found in {@code tesseractFolder} (the folder holding the
   * {@code tesseract} program) instead of the one on the PATH. Without Tesseract there, files that
   * need OCR are still extracted and reported as {@link OcrStatus#UNAVAILABLE}.
   */
  public TextExtractor(ExtractionLimits limits, Path tesseractFolder) {
    this.limits = limits;
    this.ocr = true;
    this.pool = null;
    this.ocrLanguage = ocrLanguage(tesseractFolder);
    TesseractOCRParser ocr = new TesseractOCRParser();
    ocr.setTesseractPath(tesseractFolder.toString());
    // The standard parsers without their own Tesseract, plus this one.
    DefaultParser standard =
        new DefaultParser(
            MediaTypeRegistry.getDefaultRegistry(),
            new ServiceLoader(),
            List.of(TesseractOCRParser.class));
    this.parser = new AutoDetectParser(standard, ocr);
    this.detector = parser.getDetector();
  }

  /**
   * Parses in up to {@code processes} separate JVMs ({@link ParserPool}): a parser that hangs or
   * runs out of memory costs its file, not the run. Close it to stop the processes.
   */
  public static TextExtractor isolated(ExtractionLimits limits, int processes) {
    return isolated(limits, true, processes);
  }

  /** As {@link #isolated(ExtractionLimits, int)}, with OCR on or off in the parser processes. */
  public static TextExtractor isolated(ExtractionLimits limits, boolean ocr, int processes) {
    return new TextExtractor(limits, ocr, new ParserPool(limits, ocr, processes));
  }

  /** Stops the parser processes, if any. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }

  public ExtractionLimits limits() {
    return limits;
  }

  /**
   * A file inside a container (zip, 7z, tar, gz …).
   *
   * @param path the member's path inside the outermost container, e.g. {@code a/b.zip/c.pdf}
   * @param parentPath the path of the container member it is in; null when in the file itself
   * @param name its file name
   * @param content its text, or null when it could not be read
   * @param failure why it could not be read (e.g. "encrypted: …"), else null
   */
  public record Member(
      String path, String parentPath, String name, Extracted content, String failure) {}

  /** What Tika found in one file; {@code members} are the files of a container. */
  public record Extracted(
      String text,
      Metadata metadata,
      boolean truncated,
      OcrStatus ocr,
      double ocrConfidence,
      List<Member> members) {

    Extracted withMembers(List<Member> list) {
      return new Extracted(text, metadata, truncated, ocr, ocrConfidence, List.copyOf(list));
    }

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
    if (pool != null) {
      return pool.extract(in, fileName);
    }
    return extractHere(in, fileName);
  }

  /** Plain text and HTML up to this size are parsed in this JVM even when parsing is isolated. */
  static final int IN_PROCESS_MAX_BYTES = 1 << 20;

  private static final Set<String> IN_PROCESS_TYPES = Set.of("text/plain", "text/html");

  /**
   * Extracts a file held in memory (a mail attachment): as {@link #extract}, except that small
   * plain text and HTML, as Tika detects them, are parsed in this JVM. Their parsers stream and
   * need little heap, so isolation buys nothing there, while a parser process costs seconds of CPU
   * to start and warm up (most of the CPU of a mailbox with a few text attachments, measured).
   */
  public Extracted extract(byte[] bytes, String fileName) throws ExtractionException {
    if (pool == null) {
      return extractHere(new ByteArrayInputStream(bytes), fileName);
    }
    MediaType type =
        bytes.length <= Math.min(IN_PROCESS_MAX_BYTES, limits.maxFileBytes())
            ? detect(bytes, fileName)
            : null;
    if (type != null && IN_PROCESS_TYPES.contains(type.getBaseType().toString())) {
      // The type is known: parseOne need not detect it again (nor spool the bytes for their size).
      return extractHere(TikaInputStream.get(bytes), bytes.length, fileName, type);
    }
    return pool.extract(new ByteArrayInputStream(bytes), fileName);
  }

  /** Parser processes started so far (0 when parsing in this JVM). */
  int processesStarted() {
    return pool == null ? 0 : pool.processesStarted();
  }

  /** The type Tika detects for {@code bytes} named {@code fileName}; null when detection fails. */
  private MediaType detect(byte[] bytes, String fileName) {
    try (TikaInputStream tis = TikaInputStream.get(bytes)) {
      return detector.detect(tis, named(fileName));
    } catch (IOException | RuntimeException e) {
      return null; // let a parser process find out
    }
  }

  private static Metadata named(String fileName) {
    Metadata metadata = new Metadata();
    if (fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    return metadata;
  }

  private Extracted extractHere(InputStream in, String fileName) throws ExtractionException {
    TikaInputStream tis = TikaInputStream.get(in);
    long size;
    try {
      size = tis.getLength() >= 0 ? tis.getLength() : Files.size(tis.getPath());
    } catch (IOException e) {
      throw new ExtractionException("unreadable: " + firstLine(e), e);
    }
    return extractHere(tis, size, fileName, null);
  }

  /** Parses {@code tis} of {@code size} bytes here; {@code type}: as detected, or null. */
  private Extracted extractHere(TikaInputStream tis, long size, String fileName, MediaType type)
      throws ExtractionException {
    List<Member> members = new ArrayList<>();
    MemberCollector.Budget budget =
        new MemberCollector.Budget(
            Math.max(MIN_EXPANSION_BYTES, size * limits.maxCompressionRatio()));
    Extracted main =
        parseWithTimeout(() -> parseOne(tis, fileName, null, 0, members, budget, type));
    return main.withMembers(members);
  }

  /**
   * Parses one file or container member. The members of a container (zip, 7z, tar, gz …) are parsed
   * on their own and added to {@code members}, not to the container's text.
   */
  Extracted parseOne(
      TikaInputStream tis,
      String fileName,
      String path,
      int depth,
      List<Member> members,
      MemberCollector.Budget budget)
      throws ExtractionException {
    return parseOne(tis, fileName, path, depth, members, budget, null);
  }

  /** As above; {@code knownType}: what {@link #detector} says of this file, or null to ask it. */
  private Extracted parseOne(
      TikaInputStream tis,
      String fileName,
      String path,
      int depth,
      List<Member> members,
      MemberCollector.Budget budget,
      MediaType knownType)
      throws ExtractionException {
    Metadata metadata = named(fileName);
    BodyContentHandler body = new BodyContentHandler(limits.maxChars());
    HocrText hocr = new HocrText(body);
    // zip-bomb guard and nesting limit: Tika counts output against compressed input read
    SecureContentHandler handler = new SecureContentHandler(hocr, tis);
    handler.setMaximumCompressionRatio(limits.maxCompressionRatio());
    handler.setMaximumPackageEntryDepth(limits.maxEmbeddedDepth());
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser); // text of embedded files (images in PDFs, OLE) too
    context.set(PDFParserConfig.class, pdfConfig());
    context.set(TesseractOCRConfig.class, this.ocr ? ocrConfig() : skipOcr());
    boolean truncated = false;
    try {
      if (isContainer(knownType != null ? knownType : detector.detect(tis, metadata))) {
        context.set(
            EmbeddedDocumentExtractor.class,
            new MemberCollector(this, limits, path, depth, members, budget));
      }
      parser.parse(tis, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new ExtractionException("encrypted: " + firstLine(e), e);
    } catch (ZeroByteFileException e) {
      throw new ExtractionException("empty: the file has no content", e);
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        truncated = true;
      } else {
        throwIfGuardTripped(e);
        throw new ExtractionException("corrupt: " + firstLine(e), e);
      }
    } catch (TikaException e) {
      throwIfGuardTripped(e);
      throw new ExtractionException("corrupt or unsupported: " + firstLine(e), e);
    } catch (IOException e) {
      throwIfGuardTripped(e);
      throw new ExtractionException("unreadable: " + firstLine(e), e);
    } catch (RuntimeException | LinkageError e) {
      throw new ExtractionException("parser error: " + firstLine(e), e);
    } catch (OutOfMemoryError e) {
      throw new ExtractionException("out of memory: the parser ran out of heap", e);
    }
    String text = Normalizer.normalize(body.toString(), Normalizer.Form.NFC);
    OcrStatus ocr = OcrStatus.NONE;
    if (hocr.words() > 0) {
      ocr = OcrStatus.USED;
    } else if ((ocrLanguage == null || !this.ocr) && needsOcr(metadata, text)) {
      ocr = OcrStatus.UNAVAILABLE;
    }
    return new Extracted(text, metadata, truncated, ocr, hocr.meanConfidence(), List.of());
  }

  /** Archive and compression formats whose files become members (not embedded images or OLE). */
  private static boolean isContainer(MediaType type) {
    return CONTAINERS.contains(type.getBaseType().toString());
  }

  @FunctionalInterface
  private interface Parse {
    Extracted run() throws ExtractionException;
  }

  /**
   * Runs the parse on another thread and gives up after the parse timeout. The abandoned thread is
   * interrupted; a parser that ignores interruption keeps its thread until it ends (in a parser
   * process, the process is then ended).
   */
  private Extracted parseWithTimeout(Parse parse) throws ExtractionException {
    Future<Extracted> future = PARSING.submit(parse::run);
    try {
      return future.get(limits.parseTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ExtractionException(
          TIMEOUT + " parse took longer than " + limits.parseTimeout().toSeconds() + " s (limit)",
          e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExtractionException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExtractionException x) {
        throw x;
      }
      if (cause instanceof OutOfMemoryError) {
        throw new ExtractionException("out of memory: the parser ran out of heap", cause);
      }
      throw new ExtractionException("parser error: " + firstLine(cause), cause);
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
      if (t instanceof MemberCollector.ExpansionExceeded) {
        throw new ExtractionException(t.getMessage(), e);
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

  private TesseractOCRConfig ocrConfig() {
    TesseractOCRConfig config = new TesseractOCRConfig();
    if (ocrLanguage == null) {
      config.setSkipOcr(true);
      return config;
    }
    config.setLanguage(ocrLanguage);
    // hOCR carries each word's confidence; HocrText turns it back into lines of text
    config.setOutputType(TesseractOCRConfig.OUTPUT_TYPE.HOCR);
    config.setTimeoutSeconds(120);
    return config;
  }

  /**
   * "vie" when Tesseract (on the PATH, or in {@code folder}) and its Vietnamese model are
   * installed, "eng" without the model, else null.
   */
  private static String ocrLanguage(Path folder) {
    try {
      TesseractOCRParser probe = new TesseractOCRParser();
      String program = TesseractOCRParser.getTesseractProg();
      if (folder != null) {
        probe.setTesseractPath(folder.toString());
        program = folder.resolve(program).toString();
      }
      if (!probe.hasTesseract()) {
        return null;
      }
      // Tika lists the models only when told to preload them; ask Tesseract directly
      Process p = new ProcessBuilder(program, "--list-langs").redirectErrorStream(true).start();
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
