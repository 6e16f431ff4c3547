package vn.tracuu.indexer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an index lives on disk. The configured index path ({@code /srv/tracuu/index}) is a symbolic
 * link to the live generation, a complete Lucene index in the folder beside it ({@code
 * /srv/tracuu/index.gens/g000002}). Readers open the path as an ordinary index folder; a rebuild
 * writes a new generation and then replaces the link in one rename, which is atomic, so a reader
 * opens either the old or the new generation, never a mixture. The lock and the last run's report
 * are kept in the generations folder too.
 *
 * <p>An index made before generations existed (a plain folder at the path) is moved into the
 * generations folder on the first run, once.
 */
public final class IndexLayout {

  private static final Logger log = LoggerFactory.getLogger(IndexLayout.class);
  private static final Pattern GENERATION = Pattern.compile("g(\\d{6,})");

  private final Path link;
  private final Path generations;

  public IndexLayout(Path indexPath) {
    this.link = indexPath.toAbsolutePath().normalize();
    Path parent = link.getParent();
    if (parent == null) {
      throw new IllegalArgumentException("the index cannot be the file-system root");
    }
    this.generations = parent.resolve(link.getFileName() + ".gens");
  }

  /** The configured path (the link readers open). */
  public Path path() {
    return link;
  }

  /** The folder holding the generations, the lock and the run report. */
  public Path generationsDir() {
    return generations;
  }

  public Path lockFile() {
    return generations.resolve("indexer.lock");
  }

  public Path reportFile() {
    return generations.resolve("last-run.json");
  }

  /** The live generation's folder, if there is an index. */
  public Optional<Path> live() throws IOException {
    if (Files.isSymbolicLink(link)) {
      Path target = link.toRealPath();
      return Files.isDirectory(target) ? Optional.of(target) : Optional.empty();
    }
    return Optional.empty();
  }

  /** True when the path is a plain folder holding an index from before generations. */
  public boolean isLegacy() throws IOException {
    if (!Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (Stream<Path> files = Files.list(link)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
    }
  }

  /**
   * Moves an index from before generations into the generations folder and links it. Readers that
   * have it open keep reading (on POSIX, an open file survives the rename).
   */
  public void migrateLegacy() throws IOException {
    Files.createDirectories(generations);
    Path target = generations.resolve(name(nextNumber()));
    log.info("moving the index at {} to {} (index generations)", link, target);
    Files.move(link, target, StandardCopyOption.ATOMIC_MOVE);
    pointTo(target);
  }

  /** A new, empty generation folder (not live until {@link #pointTo}). */
  public Path newGeneration() throws IOException {
    Files.createDirectories(generations);
    Path dir = generations.resolve(name(nextNumber()));
    Files.createDirectory(dir);
    return dir;
  }

  /** Makes {@code generation} the live index, atomically (a new link renamed over the old). */
  public void pointTo(Path generation) throws IOException {
    if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
      throw new IOException(
          link + " is a folder, not the link to an index generation: move it away first");
    }
    Path relative = link.getParent().relativize(generation.toAbsolutePath());
    Path temp =
        link.resolveSibling("." + link.getFileName() + ".link-" + ProcessHandle.current().pid());
    Files.deleteIfExists(temp);
    Files.createSymbolicLink(temp, relative);
    try {
      Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw new IOException("cannot switch the index atomically on this file system", e);
    }
  }

  /**
   * Deletes every generation except the live one: the previous one after a switch, and any left by
   * a run that was killed. Only the lock holder calls this.
   */
  public void removeOldGenerations() throws IOException {
    Optional<Path> live = live();
    if (!Files.isDirectory(generations)) {
      return;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(generations)) {
      for (Path dir : dirs) {
        boolean generation = GENERATION.matcher(dir.getFileName().toString()).matches();
        if (generation
            && Files.isDirectory(dir)
            && (live.isEmpty() || !live.get().equals(dir.toRealPath()))) {
          log.info("removing old index generation {}", dir);
          deleteTree(dir);
        }
      }
    }
  }

  private long nextNumber() throws IOException {
    long max = 0;
    if (Files.isDirectory(generations)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(generations)) {
        for (Path dir : dirs) {
          Matcher m = GENERATION.matcher(dir.getFileName().toString());
          if (m.matches()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
          }
        }
      }
    }
    return max + 1;
  }

  private static String name(long number) {
    return String.format(java.util.Locale.ROOT, "g%06d", number);
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
