package vn.tracuu.indexer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the walk of a source folder starts. */
public final class SourceRoots {

  private SourceRoots() {}

  /**
   * {@code root}, or the folder it links to when it is a symbolic link (such as /srv/mail pointing
   * at a data disk). A walk does not follow links by default, so from the link itself it would find
   * nothing at all; links inside the folder are still not followed (no loops, no escaping it).
   * Locators relative to the returned path are the same as relative to the link.
   */
  public static Path walkStart(Path root) throws IOException {
    return Files.isSymbolicLink(root) ? root.toRealPath() : root;
  }
}
