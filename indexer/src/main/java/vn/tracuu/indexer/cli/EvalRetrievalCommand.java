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
import vn.tracuu.indexer.eval.RetrievalEval;
import vn.tracuu.indexer.eval.RetrievalEval.Mode;

/** {@code tracuu eval retrieval}: MRR@10 and Recall@10 of statute questions over their articles. */
@Command(
    name = "retrieval",
    mixinStandardHelpOptions = true,
    description = {
      "Index every article of a statute corpus, ask every question, and score the top 10.",
      "Prints, last line: MRR@10=0.xxx Recall@10=0.xxx"
    })
public final class EvalRetrievalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "LAWS.json",
      description = "Laws with their articles ([{id, articles: [{id, text}]}]).")
  Path corpus;

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "Q.json",
      description =
          "Questions: statement or text, with legal_passages or relevant_articles"
              + " ([{law_id, article_id}]).")
  Path queries;

  @Option(
      names = "--no-accent",
      description = "Remove diacritics and đ from the questions, as typed on a plain keyboard.")
  boolean noAccent;

  @Option(
      names = "--analyzer",
      paramLabel = "NAME",
      description =
          "tracuu (default: the production chain and query builder), or a stock baseline:"
              + " standard, folded (NFC+ASCII folding), shingles (folded + bigram shingles).")
  String analyzer = "tracuu";

  @Option(names = "--misses", description = "List every question whose answer is not ranked first.")
  boolean misses;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Mode mode;
    try {
      mode = Mode.valueOf(analyzer.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("unknown --analyzer '" + analyzer + "'");
      return ExitCodes.USAGE;
    }
    long start = System.nanoTime();
    List<RetrievalEval.Article> articles = RetrievalEval.readCorpus(corpus);
    List<RetrievalEval.Question> questions = RetrievalEval.readQuestions(queries);
    RetrievalEval.Result result = RetrievalEval.run(articles, questions, mode, noAccent);
    if (misses) {
      RetrievalEval.printMisses(result, out);
    }
    out.printf(
        Locale.ROOT,
        "%d articles, %d questions, analyzer %s, %s; %.1f s%n",
        articles.size(),
        questions.size(),
        mode.name().toLowerCase(Locale.ROOT),
        noAccent ? "questions without diacritics" : "questions as written",
        (System.nanoTime() - start) / 1e9);
    out.printf(Locale.ROOT, "MRR@10=%.3f Recall@10=%.3f%n", result.mrr(), result.recall());
    out.flush();
    return ExitCodes.OK;
  }
}
