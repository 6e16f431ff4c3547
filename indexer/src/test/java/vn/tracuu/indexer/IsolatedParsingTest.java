package vn.tracuu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.extract.ExtractionLimits;
import vn.tracuu.schema.Kind;

/**
 * Parsing runs in separate processes: a file that exhausts the parser's heap, or one that takes too
 * long, is reported with its reason and the files after it are still indexed.
 */
class IsolatedParsingTest {

  @TempDir Path dir;

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Plain text far larger than the parser heap; the text limit is raised so it all is kept. */
  private static void memoryHungry(Path file) throws IOException {
    byte[] line = "chinh quyen dien tu tinh Hoa Son ban hanh ke hoach nam 2019 ...\n".getBytes();
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int written = 0; written < 48 << 20; written += line.length) {
        out.write(line);
      }
    }
  }

  @Test
  void aParserThatRunsOutOfMemoryCostsOneFileAndTheBatchGoesOn() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    write(docs.resolve("a.txt"), "Kế hoạch chuyển đổi số của tỉnh Hòa Sơn.");
    memoryHungry(docs.resolve("b-huge.txt"));
    write(docs.resolve("c.html"), "<html><body><p>Thông báo họp giao ban.</p></body></html>");
    write(docs.resolve("d-broken.pdf"), "%PDF-1.7\nthis is not really a PDF\n");
    write(docs.resolve("e.txt"), "Báo cáo kết quả phòng chống thiên tai.");

    ExtractionLimits limits =
        ExtractionLimits.defaults().withMaxChars(200_000_000).withParserHeapMegabytes(64);
    IndexReport report =
        new IndexBuilder(dir.resolve("index"), new IndexBuilder.Options(1, limits, true))
            .build(List.of(source(docs)));

    Map<String, String> failures =
        report.failures().stream()
            .collect(Collectors.toMap(IndexReport.Failure::locator, IndexReport.Failure::reason));
    assertEquals(5, report.items());
    assertTrue(failures.get("b-huge.txt").startsWith("out of memory"), failures.toString());
    assertTrue(failures.containsKey("d-broken.pdf"), failures.toString());
    assertEquals(2, failures.size(), failures.toString());
    assertEquals(3, report.records(Kind.DOCUMENT));
  }

  @Test
  void aParseOverTheTimeLimitIsStoppedAndTheNextFileGetsAFreshParser() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    for (String name : List.of("a.txt", "b.txt")) {
      write(docs.resolve(name), "Thông báo " + name);
    }
    // One millisecond: no parse finishes in time, so every file times out and its process ends.
    ExtractionLimits limits = ExtractionLimits.defaults().withParseTimeout(Duration.ofMillis(1));
    IndexReport report =
        new IndexBuilder(dir.resolve("index"), new IndexBuilder.Options(1, limits, true))
            .build(List.of(source(docs)));
    assertEquals(2, report.failures().size());
    for (IndexReport.Failure failure : report.failures()) {
      assertTrue(failure.reason().startsWith("timeout:"), failure.reason());
    }
  }

  private static SourceConfig source(Path docs) {
    return new SourceConfig(
        "docs", SourceConfig.SourceType.DOCUMENTS, docs, List.of("staff"), false);
  }
}
