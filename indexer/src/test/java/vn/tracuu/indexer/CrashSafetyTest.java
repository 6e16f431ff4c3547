package vn.tracuu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.cli.IndexerCli;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.config.SourceConfig.SourceType;
import vn.tracuu.schema.IndexSchema;

/**
 * kill -9 at random moments: the indexer runs as a child JVM (the real command line) and is killed
 * ({@link Process#destroyForcibly()}, SIGKILL) at several random points of incremental runs and
 * rebuilds. Each time the live index must open and be searchable and hold exactly the state of a
 * complete run (the one before, as a run commits once); the next run must complete with exact
 * counts: every message once, nothing missing.
 */
class CrashSafetyTest {

  private static final int KILLS = 3;

  @TempDir Path tmp;

  @Test
  void killedRunsLoseNothingAndDuplicateNothing() throws Exception {
    long seed = Long.getLong("tracuu.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    Path maildir = tmp.resolve("maildir");
    Path mbox = tmp.resolve("mail/box.mbox");
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(maildir.resolve(sub));
    }
    Files.createDirectories(mbox.getParent());
    addMaildir(maildir, 0, 60);
    appendMbox(mbox, 0, 40);
    Path index = tmp.resolve("index");
    List<SourceConfig> sources =
        List.of(
            new SourceConfig("md", SourceType.MAIL, maildir, List.of("staff"), false),
            new SourceConfig("box", SourceType.MAIL, mbox, List.of("staff"), false));
    // The complete runs run in this JVM (warm, quick); only the killed ones are child processes.
    IndexBuilder builder = new IndexBuilder(index, new IndexBuilder.Options(2, 100_000));
    assertEquals(List.of(), builder.build(sources).failures());
    assertExactly(index, 100, "first complete run");

    // The night's changes: new mail in both, some deleted from the Maildir.
    addMaildir(maildir, 60, 160);
    appendMbox(mbox, 40, 100);
    for (int i = 0; i < 20; i++) {
      Files.delete(maildir.resolve("cur/" + i + ".host:2,S"));
    }
    int expected = 160 - 20 + 100;

    for (int kill = 0; kill < KILLS; kill++) {
      boolean rebuild = kill % 2 == 1;
      Process child = run(index, maildir, mbox, rebuild);
      // Kill at a random moment once the child has opened the index and reads the sources.
      long started = waitForLog("reading source", child);
      long delay = random.nextInt(1500);
      boolean finished = child.waitFor(delay, TimeUnit.MILLISECONDS);
      if (!finished) {
        child.destroyForcibly();
        child.waitFor();
      }
      // Whatever the moment, the live index is one complete state: before or after the run.
      long records = assertSearchable(index);
      assertTrue(
          records == 100 || records == expected,
          "seed "
              + seed
              + ", kill "
              + kill
              + " "
              + delay
              + " ms into the run ("
              + started
              + " ms to start): "
              + records
              + " records");
      if (records == expected) {
        assertExactly(index, expected, "seed " + seed + ", run " + kill + " completed");
      }
    }

    IndexReport last = builder.build(sources);
    assertEquals(List.of(), last.failures(), "seed " + seed);
    assertExactly(index, expected, "seed " + seed + ", final run");
    try (var gens = Files.list(new IndexLayout(index).generationsDir())) {
      assertEquals(
          1,
          gens.filter(Files::isDirectory).count(),
          "generations left by killed rebuilds are removed");
    }
  }

  /** Waits until the child's output has {@code text}; returns the milliseconds waited. */
  private long waitForLog(String text, Process child) throws Exception {
    long start = System.nanoTime();
    Path log = tmp.resolve("child.log");
    while (child.isAlive() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        break;
      }
      Thread.sleep(20);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private Process run(Path index, Path maildir, Path mbox, boolean rebuild) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(IndexerCli.class.getName());
    command.add("index");
    command.add("--index");
    command.add(index.toString());
    command.add("--mail");
    command.add("md=" + maildir);
    command.add("--mail");
    command.add("box=" + mbox);
    command.add("--threads");
    command.add("2");
    if (rebuild) {
      command.add("--rebuild");
    }
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile())
        .start();
  }

  /** Opens the live index, runs a query, returns the number of records. */
  private static long assertSearchable(Path index) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertTrue(searcher.count(new TermQuery(new Term(IndexSchema.KIND, "email"))) > 0);
      return searcher.count(IndexSchema.allRecords());
    }
  }

  /** Exactly {@code count} records, each id once, and one state document per message. */
  private static void assertExactly(Path index, int count, String when) throws IOException {
    var records = IncrementalIndexTest.records(index); // fails on a duplicated id
    assertEquals(count, records.size(), when);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      java.util.Set<String> states = new java.util.HashSet<>();
      for (var leaf : reader.leaves()) {
        var terms = leaf.reader().terms(IndexSchema.STATE_KEY);
        var it = terms == null ? null : terms.iterator();
        while (it != null && it.next() != null) {
          String key = it.term().utf8ToString();
          if (searcher.count(new TermQuery(new Term(IndexSchema.STATE_KEY, key))) == 1) {
            states.add(key);
          }
        }
      }
      assertEquals(
          count,
          searcher.count(
              new org.apache.lucene.search.TermRangeQuery(
                  IndexSchema.STATE_KEY, null, null, true, true)),
          when + ": state documents");
      assertEquals(count, states.size(), when + ": one state document per item");
    }
  }

  private static void addMaildir(Path maildir, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      Files.writeString(
          maildir.resolve("cur/" + i + ".host:2,S"), message("md" + i), StandardCharsets.UTF_8);
    }
  }

  private static void appendMbox(Path mbox, int from, int to) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      text.append("From sender@hoason.gov.vn Mon Aug 19 08:00:00 2019\n")
          .append(message("box" + i))
          .append('\n');
    }
    Files.writeString(
        mbox, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String message(String id) {
    return "From: Văn thư <vanthu@hoason.gov.vn>\n"
        + "To: Phòng CNTT <cntt@hoason.gov.vn>\n"
        + "Subject: Báo cáo tiến độ chính quyền điện tử số "
        + id
        + "\n"
        + "Message-ID: <"
        + id
        + "@hoason.gov.vn>\n"
        + "Date: Mon, 19 Aug 2019 08:00:00 +0700\n"
        + "Content-Type: text/plain; charset=utf-8\n\n"
        + "Kính gửi Phòng CNTT, đề nghị báo cáo tiến độ triển khai chính quyền điện tử tỉnh Hòa Sơn"
        + " trong tháng 8 năm 2019 (thư "
        + id
        + ").\n";
  }
}
