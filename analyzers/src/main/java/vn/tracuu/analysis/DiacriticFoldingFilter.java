package vn.tracuu.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Removes diacritics from each token ({@link DiacriticFolder}), for diacritic-free matching. */
public final class DiacriticFoldingFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public DiacriticFoldingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!DiacriticFolder.foldInPlace(term.buffer(), term.length())) {
      String folded = DiacriticFolder.fold(term);
      if (!folded.contentEquals(term)) {
        term.setEmpty().append(folded);
      }
    }
    return true;
  }
}
