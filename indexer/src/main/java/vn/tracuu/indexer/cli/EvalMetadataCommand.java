package vn.tracuu.indexer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.tracuu.indexer.eval.MetadataEvaluation;
import vn.tracuu.indexer.eval.MetadataEvaluation.Field;
import vn.tracuu.indexer.eval.MetadataEvaluation.Gold;
import vn.tracuu.indexer.eval.MetadataEvaluation.Miss;
import vn.tracuu.indexer.eval.MetadataEvaluation.Result;
import vn.tracuu.indexer.extract.TextExtractor;

/** {@code tracuu eval metadata --docs DIR --gold TSV}: official-document metadata accuracy. */
@Command(
    name = "metadata",
    mixinStandardHelpOptions = true,
    description = {
      "Extract official-document metadata from every file in DIR and compare it with the gold TSV"
          + " (file, so_hieu, loai_van_ban, noi_ban_hanh, nguoi_ky, ngay_ban_hanh dd/mm/yyyy).",
      "A file matches a row when their names agree up to the first dot. The last line is"
          + " 'so_hieu=0.xx ngay=0.xx loai=0.xx noi=0.xx nguoi_ky=0.xx'."
    })
public final class EvalMetadataCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--docs", required = true, paramLabel = "DIR", description = "Document files.")
  Path docs;

  @Option(names = "--gold", required = true, paramLabel = "TSV", description = "Gold metadata.")
  Path gold;

  @Option(names = "--misses", description = "Also list every wrong or missing value.")
  boolean showMisses;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Extraction threads (default: the number of cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(docs)) {
      throw new ParameterException(spec.commandLine(), "--docs: not a folder: " + docs);
    }
    if (!Files.isRegularFile(gold)) {
      throw new ParameterException(spec.commandLine(), "--gold: no such file: " + gold);
    }
    List<Gold> rows = MetadataEvaluation.readGold(gold);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Result result = MetadataEvaluation.withTika(new TextExtractor(1_000_000)).run(docs, rows, n);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (result.documents() == 0) {
      err.println("no file in " + docs + " matches a row of " + gold);
      return ExitCodes.USAGE;
    }
    if (!result.withoutFile().isEmpty()) {
      err.println(result.withoutFile().size() + " gold rows have no file in " + docs);
    }
    result.failures().forEach(f -> err.println("unreadable: " + f));
    if (showMisses) {
      for (Miss m : result.misses()) {
        out.printf(
            "miss %-9s %s: expected '%s', got '%s'%n",
            m.field().label, m.file(), m.expected(), m.actual() == null ? "" : m.actual());
      }
    }
    out.printf("documents %d%n", result.documents());
    for (Field f : Field.values()) {
      out.printf(
          "%-9s %4d/%d  %.3f%n",
          f.label, result.correct().getOrDefault(f, 0), result.documents(), result.accuracy(f));
    }
    out.println(result.summaryLine());
    out.flush();
    return ExitCodes.OK;
  }
}
