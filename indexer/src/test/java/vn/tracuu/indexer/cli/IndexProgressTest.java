package vn.tracuu.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tracuu index --progress}: a bar on a terminal, none in a cron log. */
class IndexProgressTest {

  @TempDir Path tmp;
  Path news;

  @BeforeEach
  void pages() throws Exception {
    news = Files.createDirectories(tmp.resolve("news"));
    for (String name : new String[] {"a", "b"}) {
      Files.writeString(
          news.resolve(name + ".html"),
          "<html><head><title>Tin "
              + name
              + "</title></head><body><p>Ngày 12/4/2019.</p></body></html>");
    }
  }

  private String[] run(String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = IndexerCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] args = new String[options.length + 5];
    args[0] = "index";
    args[1] = "--index";
    args[2] = tmp.resolve("index").toString();
    args[3] = "--news";
    args[4] = "portal=" + news;
    System.arraycopy(options, 0, args, 5, options.length);
    int code = cli.execute(args);
    return new String[] {code + "", out.toString(), err.toString()};
  }

  @Test
  void notATerminalPrintsNoBar() {
    // What the launcher says under cron (standard error not a terminal).
    String before = System.getProperty("tracuu.stderr.terminal");
    System.setProperty("tracuu.stderr.terminal", "false");
    try {
      String[] result = run();
      assertEquals(ExitCodes.OK + "", result[0], result[2]);
      String all = result[1] + result[2];
      assertFalse(all.contains("\r"), all);
      assertFalse(all.contains("ETA"), all);
      assertFalse(all.contains("=>") || all.contains("[="), all);
      assertTrue(result[1].contains("update: added 2"), result[1]);
    } finally {
      if (before == null) {
        System.clearProperty("tracuu.stderr.terminal");
      } else {
        System.setProperty("tracuu.stderr.terminal", before);
      }
    }
  }

  @Test
  void barShowsItemsOfTheCountedTotal() {
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream logs = new java.io.ByteArrayOutputStream();
    java.io.PrintStream logStream =
        new java.io.PrintStream(logs, true, java.nio.charset.StandardCharsets.UTF_8);
    System.setErr(logStream);
    String[] result;
    try {
      result = run("--progress=bar");
      // The run gives standard error back; log lines went through it while the bar was drawn.
      assertTrue(System.err == logStream, "standard error given back");
      assertTrue(logs.toString().contains("reading source portal"), logs.toString());
    } finally {
      System.setErr(before);
    }
    assertEquals(ExitCodes.OK + "", result[0], result[2]);
    String err = result[2];
    assertTrue(err.startsWith("\r"), err);
    // The last drawing: both pages of two, on its own line before the summary.
    String last = err.substring(err.lastIndexOf('\r') + 1);
    assertTrue(last.contains("] 2/2 100%"), last);
    assertTrue(last.endsWith("\n") && last.strip().endsWith("ETA 0:00"), last);
    assertFalse(result[1].contains("\r"), result[1]);
  }

  @Test
  void noneAndPlainDrawNothing() {
    for (String mode : new String[] {"none", "plain", "PLAIN"}) {
      String[] result = run("--progress", mode);
      assertEquals(ExitCodes.OK + "", result[0], result[2]);
      assertFalse(result[2].contains("\r"), mode + ": " + result[2]);
    }
  }

  @Test
  void unknownModeIsAUsageError() {
    String[] result = run("--progress=fancy");
    assertEquals(ExitCodes.USAGE + "", result[0]);
    assertTrue(result[2].contains("expected auto, bar, plain or none"), result[2]);
  }
}
