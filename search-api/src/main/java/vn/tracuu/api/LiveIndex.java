package vn.tracuu.api;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tracuu.schema.AnalysisFingerprint;

/**
 * The live index behind the server. The index path is a link to the live generation (the indexer
 * replaces it atomically after a rebuild) or a plain index folder. {@link #refresh()} picks up new
 * commits of the same generation and switches to a new generation when the link moved. Searchers
 * are reference-counted: a request that acquired one before a switch keeps reading its generation
 * until it releases it, and the old generation's files stay readable until then (on POSIX, an open
 * file outlives its deletion).
 */
final class LiveIndex implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);

  private record Generation(Path folder, Directory directory, SearcherManager searchers) {}

  private final Path path;
  private final SearcherFactory factory;
  private volatile Generation current;

  /** Counts switches to another generation. */
  private volatile long generation;

  /**
   * @param factory makes (and warms) the searcher of each new view, or null for plain searchers
   * @throws IOException when there is no index at {@code path} (with a message that says so)
   */
  LiveIndex(Path path, SearcherFactory factory) throws IOException {
    this.path = path;
    this.factory = factory;
    this.current = open();
  }

  private Generation open() throws IOException {
    if (!Files.isDirectory(path)) {
      throw new IOException("no index at " + path.toAbsolutePath() + ": run 'tracuu index' first");
    }
    Path folder = path.toRealPath();
    Directory directory = FSDirectory.open(folder);
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      throw new IOException("no index at " + path.toAbsolutePath() + ": run 'tracuu index' first");
    }
    try {
      Generation g = new Generation(folder, directory, new SearcherManager(directory, factory));
      warnIfAnalysedOtherwise(folder, directory);
      return g;
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Queries are analysed by this server's chain; an index built by another (older word list, other
   * segmenter) keeps other tokens, and words are missed until the indexer rebuilds it, which its
   * next run does by itself.
   */
  private static void warnIfAnalysedOtherwise(Path folder, Directory directory) throws IOException {
    String analysis =
        DirectoryReader.listCommits(directory).getLast().getUserData().get(AnalysisFingerprint.KEY);
    if (!AnalysisFingerprint.current().equals(analysis)) {
      log.warn(
          "the index at {} was analysed as {} and this server analyses queries as {}: some words"
              + " will not be found until 'tracuu index' rebuilds it (its next run does)",
          folder,
          analysis == null ? "before analysis fingerprints" : analysis,
          AnalysisFingerprint.current());
    }
  }

  /** How many times the server switched to another generation (reader versions restart). */
  long generation() {
    return generation;
  }

  /** A searcher over the latest view; give it back with {@link #release}. */
  IndexSearcher acquire() throws IOException {
    while (true) {
      Generation g = current;
      try {
        return g.searchers().acquire();
      } catch (AlreadyClosedException e) {
        if (current == g) {
          throw e; // closed for good
        }
        // switched between reading the field and acquiring: take the new generation
      }
    }
  }

  /** Gives back a searcher from {@link #acquire}, whichever generation it belongs to. */
  void release(IndexSearcher searcher) throws IOException {
    searcher.getIndexReader().decRef();
  }

  /** Follows the link to a new generation, or picks up the latest commit of the current one. */
  void refresh() throws IOException {
    refresh(false);
  }

  /** As {@link #refresh()}, but waits for a refresh another thread is doing. */
  void refreshBlocking() throws IOException {
    refresh(true);
  }

  private void refresh(boolean blocking) throws IOException {
    Generation g = current;
    Path folder;
    try {
      folder = path.toRealPath();
    } catch (IOException e) {
      return; // the link is being replaced this instant: next time
    }
    if (folder.equals(g.folder())) {
      if (blocking) {
        g.searchers().maybeRefreshBlocking();
      } else {
        g.searchers().maybeRefresh();
      }
      return;
    }
    Generation next = open();
    current = next;
    generation++;
    log.info("switched to index generation {}", folder);
    // In-flight searches hold their own references; the old readers close when they are released.
    g.searchers().close();
    g.directory().close();
  }

  @Override
  public void close() throws IOException {
    Generation g = current;
    g.searchers().close();
    g.directory().close();
  }
}
