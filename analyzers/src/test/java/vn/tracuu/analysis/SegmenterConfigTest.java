package vn.tracuu.analysis;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.analysis.segment.DictionarySegmenter;

class SegmenterConfigTest {

  @TempDir Path dir;

  @Test
  void dictionarySegmenterByDefault() {
    assertInstanceOf(DictionarySegmenter.class, SegmenterConfig.from(k -> null, false));
    assertInstanceOf(
        DictionarySegmenter.class,
        SegmenterConfig.from(Map.of(SegmenterConfig.BACKEND, "dictionary")::get, true));
  }

  @Test
  void unknownBackendOrMissingLibraryIsAClearError() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> SegmenterConfig.from(Map.of(SegmenterConfig.BACKEND, "vncorenlp")::get, false));
    assertTrue(unknown.getMessage().contains("dictionary or coccoc"), unknown.getMessage());
    IllegalArgumentException noPath =
        assertThrows(
            IllegalArgumentException.class,
            () -> SegmenterConfig.from(Map.of(SegmenterConfig.BACKEND, "coccoc")::get, false));
    assertTrue(noPath.getMessage().contains(SegmenterConfig.COCCOC_LIBRARY), noPath.getMessage());
  }

  @Test
  void configuredButAbsentLibraryNamesThePathAndTheBuild() {
    Path missing = dir.resolve("libcoccoc_tokenizer_jni.so");
    Map<String, String> settings =
        Map.of(
            SegmenterConfig.BACKEND,
            "coccoc",
            SegmenterConfig.COCCOC_LIBRARY,
            missing.toString(),
            SegmenterConfig.COCCOC_DICTIONARIES,
            dir.toString());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SegmenterConfig.from(settings::get, false));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("-DBUILD_JAVA=1"), e.getMessage());
  }
}
