package vn.tracuu.indexer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.tracuu.indexer.cli.IndexerCli;
import vn.tracuu.indexer.eval.MetadataEvaluation.Field;
import vn.tracuu.indexer.extract.TextExtractor;

class MetadataEvaluationTest {

  private static final String DECISION =
      """
      ỦY BAN NHÂN DÂN
      TỈNH HÒA SƠN
      Số: 1952/QĐ-UBND
      Hòa Sơn, ngày 8 tháng 8 năm 2019
      QUYẾT ĐỊNH
      Về việc kiện toàn Ban Chỉ đạo
      KT. CHỦ TỊCH
      PHÓ CHỦ TỊCH
      Nguyễn Văn Thành
      """;

  private static final String DISPATCH =
      """
      ỦY BAN NHÂN DÂN
      TỈNH HÒA SƠN
      Số: 77/UBND-KGVX
      V/v gửi văn bản điện tử
      Hòa Sơn, ngày 19 tháng 8 năm 2019
      Kính gửi: Các sở
      """;

  private static final String GOLD =
      "file\tso_hieu\tloai_van_ban\tnoi_ban_hanh\tnguoi_ky\tngay_ban_hanh_dd/mm/yyyy\n"
          + "a1.md\t1952/qđ-ubnd\tQuyết định\tTỉnh Hòa Sơn\tNguyễn  Văn Thành\t08/08/2019\n"
          + "b2.md\t77/UBND-KGVX\tCông văn\tTỉnh Hòa Sơn\tTrần Văn Bình\t20/08/2019\n"
          + "c3.md\t1/QĐ-UBND\tQuyết định\tTỉnh Hòa Sơn\tAi Đó\t01/01/2020\n";

  @Test
  void scoresFieldsCaseAndSpaceInsensitivelyAndAgencyByContainment(@TempDir Path dir)
      throws Exception {
    Path docs = Files.createDirectory(dir.resolve("docs"));
    Files.writeString(docs.resolve("a1.txt"), DECISION);
    Files.writeString(docs.resolve("b2.scan.txt"), DISPATCH);
    Path gold = Files.writeString(dir.resolve("gold.tsv"), GOLD);

    var result =
        MetadataEvaluation.withTika(new TextExtractor(100_000))
            .run(docs, MetadataEvaluation.readGold(gold), 2);

    assertEquals(2, result.documents());
    assertEquals(List.of("c3"), result.withoutFile());
    assertEquals(1.0, result.accuracy(Field.SO_HIEU));
    assertEquals(1.0, result.accuracy(Field.LOAI));
    assertEquals(1.0, result.accuracy(Field.NOI)); // "tỉnh hòa sơn" is in "ủy ban … tỉnh hòa sơn"
    assertEquals(0.5, result.accuracy(Field.NGAY)); // 19/8 found, 20/8 expected
    assertEquals(0.5, result.accuracy(Field.NGUOI_KY)); // the dispatch has no signer block
    assertEquals("so_hieu=1.00 ngay=0.50 loai=1.00 noi=1.00 nguoi_ky=0.50", result.summaryLine());
  }

  @Test
  void theCommandPrintsMissesAndTheSummaryLast(@TempDir Path dir) throws Exception {
    Path docs = Files.createDirectory(dir.resolve("docs"));
    Files.writeString(docs.resolve("a1.txt"), DECISION);
    Files.writeString(docs.resolve("b2.txt"), DISPATCH);
    Path gold = Files.writeString(dir.resolve("gold.tsv"), GOLD);
    StringWriter out = new StringWriter();
    CommandLine cli = IndexerCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));

    int code =
        cli.execute(
            "eval", "metadata", "--docs", docs.toString(), "--gold", gold.toString(), "--misses");

    assertEquals(0, code);
    List<String> lines = out.toString().lines().toList();
    assertEquals("so_hieu=1.00 ngay=0.50 loai=1.00 noi=1.00 nguoi_ky=0.50", lines.getLast());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("miss ngay") && l.contains("20/08/2019")));
  }
}
