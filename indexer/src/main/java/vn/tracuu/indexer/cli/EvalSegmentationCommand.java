package vn.tracuu.indexer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.tracuu.indexer.eval.SegmentationEval;

/** {@code tracuu eval segmentation}: word precision, recall and F1 against gold segmentation. */
@Command(
    name = "segmentation",
    mixinStandardHelpOptions = true,
    description = {
      "Segment gold sentences (one a line, words joined by _) read with _ as a space,"
          + " and score the words.",
      "Prints, last line: F1=0.xxxx"
    })
public final class EvalSegmentationCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold file.")
  Path gold;

  @Option(
      names = "--learn",
      description =
          "First learn compounds from the input text (not from its gold segmentation) and add"
              + " them to the dictionary. Off by default, as in the indexer, which segments with"
              + " the dictionary alone: learning pays only on large inputs (on the dev data,"
              + " -0.008 F1 on 3,000 sentences, -0.003 on 20,000, +0.001 on 35,000, +0.003 on"
              + " 58,000).")
  boolean learn;

  /** The default since --learn exists; accepted so that older scripts keep working. */
  @Option(names = "--no-learn", hidden = true)
  boolean noLearn;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (learn && noLearn) {
      throw new ParameterException(spec.commandLine(), "--learn and --no-learn contradict");
    }
    long start = System.nanoTime();
    SegmentationEval.Result r = SegmentationEval.run(gold, learn);
    out.printf(
        Locale.ROOT,
        "%d sentences, %d gold words, %d predicted, %d correct; %d compounds learned; %.1f s%n",
        r.sentences(),
        r.gold(),
        r.predicted(),
        r.correct(),
        r.learned(),
        (System.nanoTime() - start) / 1e9);
    out.printf(Locale.ROOT, "precision=%.4f recall=%.4f%n", r.precision(), r.recall());
    out.printf(Locale.ROOT, "F1=%.4f%n", r.f1());
    out.flush();
    return ExitCodes.OK;
  }
}
