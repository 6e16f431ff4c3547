package vn.tracuu.indexer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tracuu.indexer.eval.ThroughputBench;

/** {@code tracuu eval throughput}: analysis speed against StandardAnalyzer in the same run. */
@Command(
    name = "throughput",
    mixinStandardHelpOptions = true,
    description = {
      "Measure analysis throughput (one thread) on real text: StandardAnalyzer, tracuu's chains,"
          + " the segmenter alone; prints MB/s and the ratio to StandardAnalyzer.",
      "Prints, last line: segmenter=N.N MB/s chain/standard=0.xx"
    })
public final class EvalThroughputCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--text",
      required = true,
      paramLabel = "FILE",
      description = "Plain UTF-8 text, or JSON lines with title/lead/body/text fields.")
  Path text;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      description = "Timed seconds per contender (default ${DEFAULT-VALUE}; bounded at 60).")
  double seconds = 3;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!(seconds > 0 && seconds <= 60)) {
      spec.commandLine().getErr().println("--seconds must be in (0, 60]");
      return ExitCodes.USAGE;
    }
    List<String> texts = ThroughputBench.readTexts(text);
    List<ThroughputBench.Figure> figures = ThroughputBench.run(texts, seconds);
    double base = figures.get(0).mbPerSecond();
    for (ThroughputBench.Figure f : figures) {
      out.printf(
          Locale.ROOT,
          "%-22s %8.2f MB/s  x%.2f%n",
          f.name(),
          f.mbPerSecond(),
          f.mbPerSecond() / base);
    }
    out.printf(
        Locale.ROOT,
        "segmenter=%.1f MB/s chain/standard=%.2f%n",
        figures.get(3).mbPerSecond(),
        figures.get(1).mbPerSecond() / base);
    out.flush();
    return ExitCodes.OK;
  }
}
