package vn.tracuu.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Puts each token in canonical form ({@link VietnameseNormalizer}); offsets are untouched. */
public final class VietnameseNormalizationFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public VietnameseNormalizationFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (VietnameseNormalizer.isNormalized(term.buffer(), term.length())) {
      return true;
    }
    String normalized = VietnameseNormalizer.normalize(term);
    if (!normalized.contentEquals(term)) {
      term.setEmpty().append(normalized);
    }
    return true;
  }
}
