package vn.tracuu.indexer.extract;

import java.time.Duration;

/**
 * Per-file limits of text extraction. A file over a limit is reported with the limit it broke; text
 * cut at {@code maxChars} is kept and marked truncated.
 *
 * @param maxFileBytes larger files are not parsed
 * @param maxChars most characters of text kept per file
 * @param parseTimeout a parse that takes longer is abandoned and reported
 * @param maxEmbeddedDepth deepest nesting of containers (zip in zip …) that is read
 * @param maxCompressionRatio zip-bomb guard: most characters of output per compressed input byte
 */
public record ExtractionLimits(
    long maxFileBytes,
    int maxChars,
    Duration parseTimeout,
    int maxEmbeddedDepth,
    long maxCompressionRatio) {

  public ExtractionLimits {
    if (maxFileBytes <= 0 || maxChars <= 0 || maxEmbeddedDepth < 0 || maxCompressionRatio <= 0) {
      throw new IllegalArgumentException("extraction limits must be positive");
    }
    if (parseTimeout == null || parseTimeout.isNegative() || parseTimeout.isZero()) {
      throw new IllegalArgumentException("parse timeout must be positive");
    }
  }

  /** 200 MB, 10 million characters, 5 minutes (OCR of a long scan is slow), depth 5, ratio 100. */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(200L << 20, 10_000_000, Duration.ofMinutes(5), 5, 100);
  }

  public ExtractionLimits withMaxChars(int chars) {
    return new ExtractionLimits(
        maxFileBytes, chars, parseTimeout, maxEmbeddedDepth, maxCompressionRatio);
  }

  public ExtractionLimits withParseTimeout(Duration timeout) {
    return new ExtractionLimits(
        maxFileBytes, maxChars, timeout, maxEmbeddedDepth, maxCompressionRatio);
  }

  public ExtractionLimits withMaxFileBytes(long bytes) {
    return new ExtractionLimits(
        bytes, maxChars, parseTimeout, maxEmbeddedDepth, maxCompressionRatio);
  }
}
