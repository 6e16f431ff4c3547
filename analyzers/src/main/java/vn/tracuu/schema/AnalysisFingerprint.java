package vn.tracuu.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import vn.tracuu.analysis.LineDigest;
import vn.tracuu.analysis.VietnameseAnalyzer;

/**
 * Which text analysis an index was built with, as a short digest stored in its commit. Tokens
 * change when the word list, a segmentation rule or the segmenter backend changes; an index built
 * one way and searched or updated another misses words, so the indexer rebuilds an index whose
 * fingerprint differs from its own and the server warns about one.
 *
 * <p>The digest covers each variant's segmenter identity (for the dictionary segmenter, a digest of
 * its lexicon) and the tokens both variants make of a fixed probe text (names, numbers, dates,
 * document numbers, URLs, e-mail addresses, tone placement), so rule changes in code show up
 * without anyone remembering to bump a version.
 */
public final class AnalysisFingerprint {

  /** The commit user-data key that holds the fingerprint. */
  public static final String KEY = "analysis";

  private static final String PROBE = "analysis-probe.txt";

  private static volatile String current;

  private AnalysisFingerprint() {}

  /** The fingerprint of the configured analysis ({@link IndexSchema#analyzer()}), once computed. */
  public static String current() {
    String c = current;
    if (c == null) {
      synchronized (AnalysisFingerprint.class) {
        c = current;
        if (c == null) {
          current =
              c =
                  of(
                      new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT),
                      new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED));
        }
      }
    }
    return c;
  }

  /** The fingerprint of an exact and a folded analyzer: 16 hex digits. */
  public static String of(VietnameseAnalyzer exact, VietnameseAnalyzer folded) {
    LineDigest md = new LineDigest();
    String probe = probeText();
    for (VietnameseAnalyzer analyzer : new VietnameseAnalyzer[] {exact, folded}) {
      md.add(analyzer.variant() + " " + analyzer.segmenterIdentity());
      try (TokenStream ts = analyzer.tokenStream(IndexSchema.BODY, probe)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
        OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
        TypeAttribute type = ts.addAttribute(TypeAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          md.add(
              term
                  + " "
                  + inc.getPositionIncrement()
                  + " "
                  + len.getPositionLength()
                  + " "
                  + offsets.startOffset()
                  + "-"
                  + offsets.endOffset()
                  + " "
                  + type.type());
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException("analysing the probe text from memory", e);
      }
    }
    return md.hex();
  }

  private static String probeText() {
    try (InputStream in = AnalysisFingerprint.class.getResourceAsStream(PROBE)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + PROBE + " next to " + AnalysisFingerprint.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + PROBE, e);
    }
  }
}
