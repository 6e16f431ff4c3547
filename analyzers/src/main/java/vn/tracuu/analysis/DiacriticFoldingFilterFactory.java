package vn.tracuu.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** SPI factory of {@link DiacriticFoldingFilter}, name {@value #NAME}. */
public final class DiacriticFoldingFilterFactory extends TokenFilterFactory {

  public static final String NAME = "vietnameseDiacriticFolding";

  public DiacriticFoldingFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown parameters: " + args);
    }
  }

  /** For the service loader only. */
  public DiacriticFoldingFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new DiacriticFoldingFilter(input);
  }

  @Override
  public TokenStream normalize(TokenStream input) {
    return create(input);
  }
}
