package vn.tracuu.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.tracuu.indexer.cli.CliRun.run;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval segmentation} measures the indexer's segmenter (the dictionary alone) unless asked to
 * learn compounds from its input first.
 */
class EvalSegmentationCommandTest {

  @TempDir Path tmp;

  @Test
  void theDictionaryAloneByDefaultAndLearningOnRequest() throws Exception {
    // Our own sentences; "chum vại" is not in the word list and comes back four times, so the
    // learner takes it.
    String sentence = "Nhà bà có nhiều chum_vại và cả chum_vại mới .\n";
    Path gold = Files.writeString(tmp.resolve("gold.txt"), sentence.repeat(2));

    StringWriter plain = new StringWriter();
    assertEquals(ExitCodes.OK + "", run(plain, "eval", "segmentation", "--gold", gold.toString()));
    assertTrue(plain.toString().contains("; 0 compounds learned;"), plain.toString());
    assertTrue(plain.toString().strip().endsWith("F1=0.7273"), plain.toString());

    StringWriter oldFlag = new StringWriter();
    run(oldFlag, "eval", "segmentation", "--gold", gold.toString(), "--no-learn");
    assertTrue(oldFlag.toString().strip().endsWith("F1=0.7273"), oldFlag.toString());

    StringWriter learning = new StringWriter();
    assertEquals(
        ExitCodes.OK + "",
        run(learning, "eval", "segmentation", "--gold", gold.toString(), "--learn"));
    assertTrue(learning.toString().contains("; 1 compounds learned;"), learning.toString());
    assertTrue(learning.toString().strip().endsWith("F1=1.0000"), learning.toString());

    StringWriter both = new StringWriter();
    assertEquals(
        "2", run(both, "eval", "segmentation", "--gold", gold.toString(), "--learn", "--no-learn"));
    assertTrue(both.toString().contains("--learn and --no-learn contradict"), both.toString());
  }
}
