package vn.tracuu.indexer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tracuu.indexer.IndexLayout;
import vn.tracuu.indexer.IndexLock;
import vn.tracuu.indexer.RunReport;
import vn.tracuu.indexer.config.IndexConfig;
import vn.tracuu.schema.AnalysisFingerprint;
import vn.tracuu.schema.IndexSchema;

/**
 * {@code tracuu status}: what the index holds (records by type and source, size, last commit) and
 * how the last indexing run went (time, outcome, counts, failures, error), read from the index and
 * the run report; says when an indexer is running.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the index: records by type and source, size, the last run and its outcome.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the index is there and the last run succeeded",
      "1:no index, or it cannot be read",
      "2:wrong usage",
      "3:the last run failed or had failed items"
    })
public final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "The configuration file.")
  Path config;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index path (default with --config: index.path).")
  Path index;

  @Option(
      names = "--failures",
      paramLabel = "N",
      defaultValue = "10",
      description = "Failed items of the last run to list (default: ${DEFAULT-VALUE}).")
  int failures;

  @Override
  public Integer call() throws IOException {
    if (index == null && config != null) {
      try {
        index = IndexConfig.read(config, System.getenv(), false).indexPath();
      } catch (IOException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    if (index == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give --index DIR or --config FILE");
    }
    PrintWriter out = spec.commandLine().getOut();
    IndexLayout layout = new IndexLayout(index);
    out.println("index: " + layout.path());
    IndexLock.holder(layout.lockFile()).ifPresent(h -> out.println("indexer running: " + h));
    int code = ExitCodes.OK;
    Optional<Path> live = layout.live();
    Path folder = live.orElse(layout.isLegacy() ? layout.path() : null);
    if (folder == null) {
      out.println("no index yet: run 'tracuu index'");
      code = ExitCodes.FATAL;
    } else {
      out.println("generation: " + folder.getFileName() + " (" + megabytes(size(folder)) + ")");
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(folder))) {
        describe(reader, out);
      }
    }
    Optional<JsonNode> last = RunReport.read(layout.reportFile());
    if (last.isEmpty()) {
      out.println("last run: none recorded");
    } else {
      JsonNode run = last.get();
      out.println(
          "last run: "
              + run.path("started").asText()
              + " → "
              + run.path("finished").asText()
              + ", "
              + run.path("outcome").asText()
              + " (exit "
              + run.path("exit_code").asInt()
              + ")");
      if (run.hasNonNull("summary")) {
        out.println("  " + run.path("summary").asText());
      }
      if (run.hasNonNull("error")) {
        out.println("  error: " + run.path("error").asText());
      }
      JsonNode failed = run.path("failures");
      for (int i = 0; i < Math.min(failures, failed.size()); i++) {
        JsonNode f = failed.get(i);
        out.println(
            "  failed: "
                + f.path("source").asText()
                + ":"
                + f.path("locator").asText()
                + ": "
                + f.path("reason").asText());
      }
      if (failed.size() > failures) {
        out.println("  … " + (failed.size() - failures) + " more in " + layout.reportFile());
      }
      if (code == ExitCodes.OK && !"ok".equals(run.path("outcome").asText())) {
        code = ExitCodes.SOME_FAILED;
      }
    }
    out.flush();
    return code;
  }

  private static void describe(DirectoryReader reader, PrintWriter out) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    Map<String, String> data = reader.getIndexCommit().getUserData();
    String analysis = data.get(AnalysisFingerprint.KEY);
    out.println(
        "committed: "
            + data.getOrDefault("committed_at", "?")
            + ", schema "
            + data.getOrDefault("schema_version", "?")
            + ", analysis "
            + (analysis == null ? "?" : analysis)
            + (AnalysisFingerprint.current().equals(analysis)
                    && IndexSchema.VERSION.equals(data.get("schema_version"))
                ? ""
                : " (this tracuu writes schema "
                    + IndexSchema.VERSION
                    + ", analysis "
                    + AnalysisFingerprint.current()
                    + ": the next index run rebuilds)"));
    out.println("records: " + searcher.count(IndexSchema.allRecords()));
    Map<String, Integer> byType = counts(reader, searcher, IndexSchema.KIND, null);
    out.println("  by type: " + format(byType));
    for (String source : counts(reader, searcher, IndexSchema.SOURCE, null).keySet()) {
      out.println(
          "  source " + source + ": " + format(counts(reader, searcher, IndexSchema.KIND, source)));
    }
  }

  /** Live records per value of {@code field}, optionally within one source. */
  private static Map<String, Integer> counts(
      DirectoryReader reader, IndexSearcher searcher, String field, String source)
      throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum it = terms.iterator();
      while (it.next() != null) {
        counts.putIfAbsent(it.term().utf8ToString(), 0);
      }
    }
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      BooleanQuery.Builder query =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(field, e.getKey())), BooleanClause.Occur.FILTER);
      if (source != null) {
        query.add(new TermQuery(new Term(IndexSchema.SOURCE, source)), BooleanClause.Occur.FILTER);
      }
      e.setValue(searcher.count(query.build()));
    }
    counts.values().removeIf(n -> n == 0);
    return counts;
  }

  private static String format(Map<String, Integer> counts) {
    StringBuilder s = new StringBuilder();
    counts.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
    return s.isEmpty() ? "none" : s.toString();
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
