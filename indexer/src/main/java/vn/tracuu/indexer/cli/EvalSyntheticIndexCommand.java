package vn.tracuu.indexer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tracuu.indexer.eval.SyntheticArchive;

/** {@code tracuu eval synthetic-index}: a generated index of N records for scale benchmarks. */
@Command(
    name = "synthetic-index",
    mixinStandardHelpOptions = true,
    description = {
      "Write an index of N generated records (80% mail, 10% official documents, 10% public"
          + " news; short Vietnamese texts from a built-in vocabulary) through the production"
          + " schema, for search benchmarks at scale. The same seed gives the same records.",
      "Prints, last line: records=N seconds=S records/s=R"
    })
public final class EvalSyntheticIndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      required = true,
      paramLabel = "DIR",
      description = "Index folder to create (replaced if it holds an index).")
  Path index;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "Records to write (default ${DEFAULT-VALUE}).")
  long count = 1_000_000;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Writer threads (default: the number of cores).")
  int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the generator (default ${DEFAULT-VALUE}).")
  long seed = 1;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (count < 1 || count > 100_000_000 || threads < 1 || threads > 256) {
      spec.commandLine().getErr().println("--count must be 1…100,000,000 and --threads 1…256");
      return ExitCodes.USAGE;
    }
    long start = System.nanoTime();
    long written = new SyntheticArchive(seed).write(index, count, threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "records=%d seconds=%.1f records/s=%.0f%n",
        written,
        seconds,
        written / seconds);
    out.flush();
    return ExitCodes.OK;
  }
}
