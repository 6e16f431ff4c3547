package vn.tracuu.analysis;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import vn.tracuu.analysis.segment.CoccocSegmenter;
import vn.tracuu.analysis.segment.DictionarySegmenter;
import vn.tracuu.analysis.segment.Lexicon;
import vn.tracuu.analysis.segment.WordSegmenter;

/**
 * Which word segmenter {@link VietnameseAnalyzer} uses, from system properties (e.g. {@code
 * JAVA_OPTS="-Dtracuu.segmenter=coccoc
 * -Dtracuu.coccoc.library=/usr/local/lib/libcoccoc_tokenizer_jni.so"}):
 *
 * <ul>
 *   <li>{@value #BACKEND}: {@code dictionary} (default: pure Java, our word list) or {@code coccoc}
 *       (coccoc-tokenizer's native library);
 *   <li>{@value #COCCOC_LIBRARY}: path of {@code libcoccoc_tokenizer_jni.so} (required for coccoc);
 *   <li>{@value #COCCOC_DICTIONARIES}: its dictionary folder (default {@value
 *       #DEFAULT_DICTIONARIES}).
 * </ul>
 *
 * An index must be searched with the segmenter it was built with: give the server the same settings
 * as the indexer.
 */
public final class SegmenterConfig {

  public static final String BACKEND = "tracuu.segmenter";
  public static final String COCCOC_LIBRARY = "tracuu.coccoc.library";
  public static final String COCCOC_DICTIONARIES = "tracuu.coccoc.dictionaries";
  public static final String DEFAULT_DICTIONARIES = "/usr/share/tokenizer/dicts";

  private SegmenterConfig() {}

  /** The segmenter the system properties name, for the exact or the folded variant. */
  public static WordSegmenter configured(boolean folded) {
    return from(System::getProperty, folded);
  }

  /**
   * The segmenter {@code settings} name.
   *
   * @throws IllegalArgumentException for an unknown backend or a missing setting
   * @throws IllegalStateException when coccoc-tokenizer is configured but cannot be loaded
   */
  public static WordSegmenter from(UnaryOperator<String> settings, boolean folded) {
    String backend = settings.apply(BACKEND);
    if (backend == null || backend.isBlank() || backend.strip().equalsIgnoreCase("dictionary")) {
      return new DictionarySegmenter(Lexicon.builtIn(), folded);
    }
    if (!backend.strip().toLowerCase(Locale.ROOT).equals("coccoc")) {
      throw new IllegalArgumentException(
          BACKEND + "=" + backend + ": unknown segmenter (dictionary or coccoc)");
    }
    String library = settings.apply(COCCOC_LIBRARY);
    if (library == null || library.isBlank()) {
      throw new IllegalArgumentException(
          BACKEND
              + "=coccoc needs "
              + COCCOC_LIBRARY
              + "=/path/to/libcoccoc_tokenizer_jni.so (built from coccoc-tokenizer with"
              + " -DBUILD_JAVA=1)");
    }
    String dictionaries = settings.apply(COCCOC_DICTIONARIES);
    com.coccoc.Tokenizer tokenizer =
        com.coccoc.Tokenizer.load(
            Path.of(library.strip()),
            Path.of(
                dictionaries == null || dictionaries.isBlank()
                    ? DEFAULT_DICTIONARIES
                    : dictionaries.strip()));
    // coccoc reads text with or without diacritics alike: one segmenter for both variants.
    return new CoccocSegmenter(tokenizer::segment);
  }
}
