package vn.tracuu.indexer.extract;

import java.time.Duration;

/**
 * Per-file limits of text extraction. A file over a limit is reported with the limit it broke; text
 * cut at {@code maxChars} is kept and marked truncated.
 *
 * @param maxFileBytes larger files are not parsed (default 200 MB)
 * @param maxChars most characters of text kept per file or container member (default 10 million)
 * @param parseTimeout a parse that takes longer is stopped and reported as a timeout (default 5
 *     minutes: OCR of a long scan is slow)
 * @param maxEmbeddedDepth deepest nesting of containers (zip in zip …) that is read (default 5)
 * @param maxCompressionRatio zip-bomb guard: most output characters per compressed input byte, and
 *     most bytes a container's members may expand to per byte of the container (default 100)
 * @param parserHeapMegabytes heap of each parser process; a parse that needs more is reported as
 *     "out of memory" (default 768 MB)
 */
public record ExtractionLimits(
    long maxFileBytes,
    int maxChars,
    Duration parseTimeout,
    int maxEmbeddedDepth,
    long maxCompressionRatio,
    int parserHeapMegabytes) {

  public ExtractionLimits {
    if (maxFileBytes <= 0 || maxChars <= 0 || maxEmbeddedDepth < 0 || maxCompressionRatio <= 0) {
      throw new IllegalArgumentException("extraction limits must be positive");
    }
    if (parseTimeout == null || parseTimeout.isNegative() || parseTimeout.isZero()) {
      throw new IllegalArgumentException("parse timeout must be positive");
    }
    if (parserHeapMegabytes < 64) {
      throw new IllegalArgumentException("parser heap must be at least 64 MB");
    }
  }

  /** 200 MB, 10 million characters, 5 minutes, depth 5, ratio 100, 768 MB parser heap. */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(200L << 20, 10_000_000, Duration.ofMinutes(5), 5, 100, 768);
  }

  public ExtractionLimits withMaxChars(int chars) {
    return new ExtractionLimits(
        maxFileBytes,
        chars,
        parseTimeout,
        maxEmbeddedDepth,
        maxCompressionRatio,
        parserHeapMegabytes);
  }

  public ExtractionLimits withParseTimeout(Duration timeout) {
    return new ExtractionLimits(
        maxFileBytes,
        maxChars,
        timeout,
        maxEmbeddedDepth,
        maxCompressionRatio,
        parserHeapMegabytes);
  }

  public ExtractionLimits withMaxFileBytes(long bytes) {
    return new ExtractionLimits(
        bytes, maxChars, parseTimeout, maxEmbeddedDepth, maxCompressionRatio, parserHeapMegabytes);
  }

  public ExtractionLimits withMaxEmbeddedDepth(int depth) {
    return new ExtractionLimits(
        maxFileBytes, maxChars, parseTimeout, depth, maxCompressionRatio, parserHeapMegabytes);
  }

  public ExtractionLimits withMaxCompressionRatio(long ratio) {
    return new ExtractionLimits(
        maxFileBytes, maxChars, parseTimeout, maxEmbeddedDepth, ratio, parserHeapMegabytes);
  }

  public ExtractionLimits withParserHeapMegabytes(int megabytes) {
    return new ExtractionLimits(
        maxFileBytes, maxChars, parseTimeout, maxEmbeddedDepth, maxCompressionRatio, megabytes);
  }
}
