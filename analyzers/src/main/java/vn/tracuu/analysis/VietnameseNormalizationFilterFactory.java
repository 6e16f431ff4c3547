package vn.tracuu.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** SPI factory of {@link VietnameseNormalizationFilter}, name {@value #NAME}. */
public final class VietnameseNormalizationFilterFactory extends TokenFilterFactory {

  public static final String NAME = "vietnameseNormalization";

  public VietnameseNormalizationFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown parameters: " + args);
    }
  }

  /** For the service loader only. */
  public VietnameseNormalizationFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new VietnameseNormalizationFilter(input);
  }

  @Override
  public TokenStream normalize(TokenStream input) {
    return create(input);
  }
}
