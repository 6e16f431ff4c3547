package vn.tracuu.indexer.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.tracuu.indexer.eval.MetadataEvaluation.Field;
import vn.tracuu.indexer.extract.TextExtractor;

/**
 * The metadata targets on the shared official documents' text bodies (the PDF/DOCX/scan archive
 * takes minutes with OCR: run {@code ./tracuu eval metadata} for it). Skips without ../shared.
 */
class SharedOfficialDocsTest {

  @Test
  void metadataTargetsHoldOnTheSharedTexts() throws Exception {
    Path root = Path.of(System.getProperty("tracuu.repo.root", "."));
    Path data = root.resolve("../shared/data/legal/official-docs").normalize();
    Assumptions.assumeTrue(
        Files.isRegularFile(data.resolve("metadata.tsv")),
        "../shared/data/legal/official-docs is absent: skipped");

    var result =
        MetadataEvaluation.withTika(new TextExtractor(1_000_000))
            .run(
                data.resolve("text"), MetadataEvaluation.readGold(data.resolve("metadata.tsv")), 2);

    String summary = result.summaryLine();
    assertTrue(result.accuracy(Field.SO_HIEU) >= 0.95, summary);
    assertTrue(result.accuracy(Field.NGAY) >= 0.95, summary);
    assertTrue(result.accuracy(Field.LOAI) >= 0.90, summary);
    assertTrue(result.accuracy(Field.NOI) >= 0.85, summary);
    assertTrue(result.accuracy(Field.NGUOI_KY) >= 0.85, summary);
  }
}
