package vn.tracuu.analysis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AnalysisBenchmark} and prints each contender's MB/s and its ratio to
 * StandardAnalyzer, all measured in the same run. Usage (what {@code ./tracuu bench analysis}
 * runs): {@code AnalysisBench [--text FILE] [--max-mb N] [--quick]}. Without {@code --text} it
 * reads the Tuổi Trẻ news of {@code ../shared} next to the repository, and exits with a message
 * when that is absent.
 */
public final class AnalysisBench {

  private AnalysisBench() {}

  public static void main(String[] args) throws Exception {
    Path text = null;
    double maxMb = 2;
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--text" -> text = Path.of(args[++i]);
        case "--max-mb" -> maxMb = Double.parseDouble(args[++i]);
        case "--quick" -> quick = true;
        default -> {
          System.err.println("usage: bench analysis [--text FILE] [--max-mb N] [--quick]");
          System.exit(2);
        }
      }
    }
    if (text == null) {
      Path root = Path.of(System.getProperty("tracuu.repo.root", "."));
      text = root.resolve("../shared/data/news/tuoitre-2003-2006.jsonl").normalize();
      if (!Files.isRegularFile(text)) {
        System.out.println(
            "bench analysis: skipped, no text to analyse: "
                + text
                + " is absent (pass --text FILE: Vietnamese text, or JSON lines with title/lead/body)");
        return;
      }
    } else if (!Files.isRegularFile(text)) {
      System.err.println("bench analysis: no such file: " + text);
      System.exit(2);
    }
    long maxBytes = (long) (maxMb * 1e6);
    long bytes = AnalysisBenchmark.bytes(AnalysisBenchmark.readTexts(text, maxBytes));
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(AnalysisBenchmark.class.getName() + "\\.")
            .param("textFile", text.toAbsolutePath().toString())
            .param("maxBytes", Long.toString(maxBytes))
            .forks(1)
            .threads(1)
            .warmupIterations(quick ? 1 : 3)
            .warmupTime(TimeValue.seconds(quick ? 1 : 2))
            .measurementIterations(quick ? 2 : 5)
            .measurementTime(TimeValue.seconds(quick ? 1 : 2));
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double loadBefore = os.getSystemLoadAverage();
    Collection<RunResult> results = new Runner(options.build()).run();
    double loadAfter = os.getSystemLoadAverage();
    Map<String, double[]> perSecond = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      perSecond.put(
          name,
          new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
    }
    double baseline = perSecond.getOrDefault("standardAnalyzer", new double[] {Double.NaN})[0];
    System.out.printf("%nText: %s, %.2f MB (UTF-8), one thread%n", text, bytes / 1e6);
    // Wall-clock figures: on a shared machine compare the ratios, not the MB/s.
    System.out.printf(
        "Machine: %d CPUs, load average %.1f before, %.1f after%n",
        os.getAvailableProcessors(), loadBefore, loadAfter);
    System.out.printf("%-20s %10s %10s %12s%n", "contender", "MB/s", "± MB/s", "vs Standard");
    for (String name :
        List.of(
            "standardAnalyzer", "exactChain", "foldedChain", "segmenter", "segmenterWordList")) {
      double[] s = perSecond.get(name);
      if (s != null) {
        System.out.printf(
            "%-20s %10.2f %10.2f %11.2fx%n",
            name, s[0] * bytes / 1e6, s[1] * bytes / 1e6, s[0] / baseline);
      }
    }
  }
}
