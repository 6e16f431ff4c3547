package vn.tracuu.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import vn.tracuu.indexer.eval.SyntheticArchive;

/**
 * An index of 3,000 generated records (the scale benchmark's generator, two writer threads, so
 * several segments), written once per test JVM for the tests that need many matches per query.
 */
final class GeneratedIndex {

  private static Path path;

  private GeneratedIndex() {}

  static synchronized Path get() {
    if (path == null) {
      try {
        Path dir = Files.createTempDirectory("tracuu-generated");
        new SyntheticArchive(7).write(dir.resolve("index"), 3_000, 2);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        path = dir.resolve("index");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return path;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: left to the system
    }
  }
}
