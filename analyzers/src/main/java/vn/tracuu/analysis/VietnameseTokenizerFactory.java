package vn.tracuu.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;
import vn.tracuu.analysis.segment.DictionarySegmenter;
import vn.tracuu.analysis.segment.Lexicon;

/**
 * SPI factory of {@link VietnameseTokenizer}, name {@value #NAME}, for Solr/OpenSearch-style
 * configurations: {@code folded} (default false) segments with the folded dictionary (pair it with
 * the folding filter), {@code bigrams} (default true) adds adjacent-syllable pairs.
 */
public final class VietnameseTokenizerFactory extends TokenizerFactory {

  public static final String NAME = "vietnamese";

  private final boolean folded;
  private final boolean bigrams;

  public VietnameseTokenizerFactory(Map<String, String> args) {
    super(args);
    folded = getBoolean(args, "folded", false);
    bigrams = getBoolean(args, "bigrams", true);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown parameters: " + args);
    }
  }

  /** For the service loader only. */
  public VietnameseTokenizerFactory() {
    throw defaultCtorException();
  }

  @Override
  public VietnameseTokenizer create(AttributeFactory factory) {
    return new VietnameseTokenizer(
        factory, new DictionarySegmenter(Lexicon.builtIn(), folded), bigrams);
  }
}
