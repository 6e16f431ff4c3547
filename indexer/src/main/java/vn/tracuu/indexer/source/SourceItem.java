package vn.tracuu.indexer.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * One item a source lists: a message in a mailbox, a file in an archive. Opening it is deferred so
 * that listing is cheap and extraction can run on worker threads.
 *
 * @param locator where the item is, relative to the source root ("inbox/cur/123:2,S",
 *     "archive.mbox#12", "2019/1952-QD-UBND.pdf")
 * @param folder the mail folder it is in ("INBOX", "Sent"), or null for files
 * @param size bytes, or -1 when unknown
 * @param modifiedMillis modification time of the file holding it
 * @param opener opens the item's bytes; each call returns a new stream
 */
public record SourceItem(
    String locator, String folder, long size, long modifiedMillis, Opener opener) {

  /** Opens an item's bytes. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public InputStream open() throws IOException {
    return opener.open();
  }
}
