package vn.tracuu.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Vietnamese text analysis: syllable tokens (Unicode word boundaries), canonical normalization,
 * lowercase (Đ → đ included), and for the {@link Variant#FOLDED} variant diacritic folding.
 *
 * <p>The same analyzer is used at index and query time, so a query is normalized exactly like the
 * text it must match. Syllable positions are consecutive, so phrase queries over multi-syllable
 * words ("chính quyền điện tử") work.
 */
public final class VietnameseAnalyzer extends Analyzer {

  /** Which form of the text the tokens keep. */
  public enum Variant {
    /** Diacritics kept: "bản" matches only "bản". */
    EXACT,
    /** Diacritics removed: "ban" matches "ban", "bán", "bản". */
    FOLDED
  }

  private final Variant variant;

  public VietnameseAnalyzer(Variant variant) {
    this.variant = variant;
  }

  public Variant variant() {
    return variant;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    source.setMaxTokenLength(255);
    TokenStream stream = new VietnameseNormalizationFilter(source);
    stream = new LowerCaseFilter(stream);
    if (variant == Variant.FOLDED) {
      stream = new DiacriticFoldingFilter(stream);
    }
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    TokenStream stream = new VietnameseNormalizationFilter(in);
    stream = new LowerCaseFilter(stream);
    return variant == Variant.FOLDED ? new DiacriticFoldingFilter(stream) : stream;
  }
}
