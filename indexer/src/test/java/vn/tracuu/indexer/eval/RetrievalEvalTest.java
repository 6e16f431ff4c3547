package vn.tracuu.indexer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.tracuu.indexer.cli.IndexerCli;

class RetrievalEvalTest {

  private static final String LAWS =
      """
      [{"id": "Luật Thử nghiệm 2025", "articles": [
        {"id": "1", "text": "Phạm vi điều chỉnh\\n\\nLuật này quy định về chính quyền điện tử của tỉnh."},
        {"id": "2", "text": "Bán đấu giá\\n\\nTài sản công được bán đấu giá công khai."},
        {"id": "3", "text": "Bản kế hoạch\\n\\nBản kế hoạch chi tiết do ủy ban nhân dân lập."}]}]
      """;

  private static final String QUESTIONS =
      """
      [{"example_id": "a", "statement": "Luật quy định chính quyền điện tử không?",
        "legal_passages": [{"law_id": "Luật Thử nghiệm 2025", "article_id": "1"}]},
       {"example_id": "b", "statement": "Ai lập bản kế hoạch chi tiết?",
        "legal_passages": [{"law_id": "Luật Thử nghiệm 2025", "article_id": "3"}]}]
      """;

  private static final String QUESTIONS_V1 =
      """
      [{"question_id": "DS-1", "text": "Tài sản công có được bán đấu giá không?",
        "relevant_articles": [{"law_id": "Luật Thử nghiệm 2025", "article_id": "2"}]}]
      """;

  @TempDir Path dir;

  @Test
  void ranksTheAnsweringArticleFirstWithAndWithoutDiacritics() throws IOException {
    Path laws = Files.writeString(dir.resolve("laws.json"), LAWS);
    Path questions = Files.writeString(dir.resolve("q.json"), QUESTIONS);
    Path questionsV1 = Files.writeString(dir.resolve("q1.json"), QUESTIONS_V1);
    List<RetrievalEval.Article> corpus = RetrievalEval.readCorpus(laws);
    assertEquals(3, corpus.size());
    for (boolean noAccent : new boolean[] {false, true}) {
      for (Path q : List.of(questions, questionsV1)) {
        RetrievalEval.Result r =
            RetrievalEval.run(
                corpus, RetrievalEval.readQuestions(q), RetrievalEval.Mode.TRACUU, noAccent);
        assertEquals(1.0, r.mrr(), 1e-9, q + " noAccent=" + noAccent);
        assertEquals(1.0, r.recall(), 1e-9);
      }
    }
  }

  @Test
  void stockAnalyzerLosesTheAnswerWithoutDiacritics() throws IOException {
    Path laws = Files.writeString(dir.resolve("laws.json"), LAWS);
    Path questions = Files.writeString(dir.resolve("q1.json"), QUESTIONS_V1);
    RetrievalEval.Result r =
        RetrievalEval.run(
            RetrievalEval.readCorpus(laws),
            RetrievalEval.readQuestions(questions),
            RetrievalEval.Mode.STANDARD,
            true);
    // "tai san cong co duoc ban dau gia khong" shares no token with the accented articles.
    assertEquals(0.0, r.mrr(), 1e-9);
  }

  @Test
  void commandPrintsTheMeasuresLastAndRejectsBadInput() throws IOException {
    Path laws = Files.writeString(dir.resolve("laws.json"), LAWS);
    Path questions = Files.writeString(dir.resolve("q.json"), QUESTIONS);
    StringWriter out = new StringWriter();
    CommandLine cli = IndexerCli.commandLine();
    cli.setOut(new PrintWriter(out));
    int code =
        cli.execute(
            "eval", "retrieval", "--corpus", laws.toString(), "--queries", questions.toString());
    assertEquals(0, code);
    String[] lines = out.toString().strip().split("\n");
    assertEquals("MRR@10=1.000 Recall@10=1.000", lines[lines.length - 1]);

    Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"statement\": \"x\"}]");
    cli.setErr(new PrintWriter(new StringWriter()));
    int bad =
        cli.execute(
            "eval", "retrieval", "--corpus", laws.toString(), "--queries", broken.toString());
    assertTrue(bad != 0);
  }

  /** The harness reproduces the StandardAnalyzer baseline on the shared ALQAC data. */
  @Test
  void standardAnalyzerReproducesThePublishedBaseline() throws IOException {
    Path alqac =
        Path.of(System.getProperty("tracuu.repo.root", "."))
            .resolve("../shared/data/legal/alqac")
            .normalize();
    Assumptions.assumeTrue(
        Files.isDirectory(alqac), "skipped: ../shared/data/legal/alqac is absent (" + alqac + ")");
    RetrievalEval.Result r =
        RetrievalEval.run(
            RetrievalEval.readCorpus(alqac.resolve("legal_passages.json")),
            RetrievalEval.readQuestions(alqac.resolve("train.json")),
            RetrievalEval.Mode.STANDARD,
            false);
    assertEquals(0.834, r.mrr(), 0.0005);
  }
}
