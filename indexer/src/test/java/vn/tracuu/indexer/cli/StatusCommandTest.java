package vn.tracuu.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.tracuu.indexer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.IndexLayout;
import vn.tracuu.schema.AnalysisFingerprint;
import vn.tracuu.schema.IndexSchema;

/** {@code tracuu index} writes the JSON report; {@code tracuu status} shows index and last run. */
class StatusCommandTest {

  @TempDir Path tmp;

  @Test
  void statusShowsRecordsByTypeAndSourceAndTheLastRunWithItsFailures() throws Exception {
    Path news = Files.createDirectories(tmp.resolve("news"));
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(
        news.resolve("a.html"),
        "<html><head><title>Khai mạc lễ hội</title></head><body><p>Ngày 12/4/2019.</p></body></html>");
    Files.write(docs.resolve("broken.pdf"), "%PDF-1.7 not really a pdf".getBytes());
    Path index = tmp.resolve("index");
    Path report = tmp.resolve("report.json");

    StringWriter indexing = new StringWriter();
    String code =
        run(
            indexing,
            "index",
            "--index",
            index.toString(),
            "--news",
            "portal=" + news,
            "--documents",
            "archive=" + docs,
            "--report",
            report.toString());
    assertEquals(ExitCodes.SOME_FAILED + "", code, indexing.toString());
    assertTrue(
        indexing.toString().contains("update: added 1, updated 0, deleted 0, failed 1"),
        indexing.toString());

    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals("some_failed", json.path("outcome").asText());
    assertEquals(1, json.path("failures").size());
    assertEquals("broken.pdf", json.path("failures").get(0).path("locator").asText());
    assertTrue(!json.path("failures").get(0).path("reason").asText().isBlank());
    assertEquals(json, new ObjectMapper().readTree(new IndexLayout(index).reportFile().toFile()));

    StringWriter status = new StringWriter();
    assertEquals(ExitCodes.SOME_FAILED + "", run(status, "status", "--index", index.toString()));
    String text = status.toString();
    assertTrue(text.contains("records: 1"), text);
    assertTrue(
        text.contains(
            ", schema "
                + IndexSchema.VERSION
                + ", analysis "
                + AnalysisFingerprint.current()
                + "\n"),
        text);
    assertTrue(text.contains("by type: news 1"), text);
    assertTrue(text.contains("source portal: news 1"), text);
    assertTrue(text.contains("some_failed (exit 3)"), text);
    assertTrue(text.contains("failed: archive:broken.pdf"), text);
  }

  @Test
  void statusWithoutAnIndexSaysSo() {
    StringWriter out = new StringWriter();
    assertEquals(
        ExitCodes.FATAL + "", run(out, "status", "--index", tmp.resolve("none").toString()));
    assertTrue(out.toString().contains("no index yet"), out.toString());
  }
}
