package vn.tracuu.indexer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationEvalTest {

  @TempDir Path dir;

  @Test
  void countsWordsWhoseSpansMatchTheGold() throws IOException {
    // Gold written by us; the segmenter gets "Đại_sứ_quán" right and, lacking "chum_vại" in its
    // dictionary, splits it: 5 gold words, 6 predicted, 4 correct.
    Path gold = Files.writeString(dir.resolve("gold.txt"), "Đại_sứ_quán có nhiều chum_vại .\n\n");
    SegmentationEval.Result r = SegmentationEval.run(gold, false);
    assertEquals(1, r.sentences());
    assertEquals(5, r.gold());
    assertEquals(6, r.predicted());
    assertEquals(4, r.correct());
    assertEquals(2 * (4 / 6.0) * (4 / 5.0) / (4 / 6.0 + 4 / 5.0), r.f1(), 1e-9);
  }
}
