package vn.tracuu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.tracuu.indexer.cli.ExitCodes;
import vn.tracuu.indexer.cli.IndexerCli;

/** One indexer at a time; a stale lock is recovered; the second run has its own exit code. */
class IndexLockTest {

  @TempDir Path tmp;

  @Test
  void aSecondRunExitsWithItsOwnCodeAndNamesTheHolder() throws Exception {
    Path index = tmp.resolve("index");
    Path news = Files.createDirectories(tmp.resolve("news"));
    IndexLayout layout = new IndexLayout(index);
    try (IndexLock held = IndexLock.acquire(layout.lockFile())) {
      String holder = Files.readString(layout.lockFile());
      assertTrue(holder.contains("pid " + ProcessHandle.current().pid()), holder);
      assertThrows(IndexLock.HeldException.class, () -> IndexLock.acquire(layout.lockFile()));

      CommandLine cli = IndexerCli.commandLine();
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err));
      cli.setOut(new PrintWriter(new StringWriter()));
      int code = cli.execute("index", "--index", index.toString(), "--news", "portal=" + news);
      assertEquals(ExitCodes.ALREADY_RUNNING, code);
      assertTrue(err.toString().contains("another indexer is running"), err.toString());
      assertTrue(err.toString().contains("pid " + ProcessHandle.current().pid()), err.toString());
    }
    assertEquals("", Files.readString(layout.lockFile()), "released: the file says nobody");
  }

  @Test
  void aLockLeftByADeadProcessIsRecovered() throws Exception {
    IndexLayout layout = new IndexLayout(tmp.resolve("index"));
    Files.createDirectories(layout.generationsDir());
    // What a killed indexer leaves: the file naming it, but no operating-system lock.
    Files.writeString(layout.lockFile(), "pid 999999999, started 2026-01-01T00:00:00Z, host x");
    try (IndexLock lock = IndexLock.acquire(layout.lockFile())) {
      assertTrue(
          Files.readString(layout.lockFile()).contains("pid " + ProcessHandle.current().pid()));
    }
  }
}
