package vn.tracuu.indexer.source;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tracuu.indexer.config.ImapAccount;

/**
 * Lists the messages of an IMAP or IMAPS account, folder by folder in UID order, read-only (no flag
 * changes). A dropped connection is reopened and the folder resumed after the last UID read, as
 * long as its UIDVALIDITY did not change. Each message is fetched whole and handed on as an item
 * whose locator names folder, UIDVALIDITY and UID (RFC 5092 style).
 *
 * <p>Incremental: given where each folder stood after the last run (UIDVALIDITY and last UID), only
 * messages with a higher UID are fetched; the UIDs of the older ones still there are only listed
 * (one UID FETCH), so that a message deleted on the server leaves the index. A folder whose
 * UIDVALIDITY changed is read again from the start (its old UIDs mean nothing any more).
 */
public final class ImapReader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ImapReader.class);
  private static final int RECONNECTS = 3;
  private static final int BATCH = 200;

  /** Where a folder stands after a run: its UIDVALIDITY and the highest UID read. */
  public record FolderState(long uidValidity, long lastUid) {
    @Override
    public String toString() {
      return uidValidity + ":" + lastUid;
    }
  }

  private final ImapAccount account;
  private final Session session;
  Store store; // package-private: tests drop the connection through it

  public ImapReader(ImapAccount account) {
    this.account = account;
    Properties props = new Properties();
    String protocol = account.ssl() ? "imaps" : "imap";
    props.setProperty("mail.store.protocol", protocol);
    // Never wait for ever on a silent server; a timeout counts as a dropped connection.
    props.setProperty("mail." + protocol + ".connectiontimeout", "20000");
    props.setProperty("mail." + protocol + ".timeout", "120000");
    props.setProperty("mail." + protocol + ".partialfetch", "false");
    props.setProperty("mail.mime.address.strict", "false");
    this.session = Session.getInstance(props);
  }

  private void connect() throws MessagingException {
    if (store != null && store.isConnected()) {
      return;
    }
    store = session.getStore(account.ssl() ? "imaps" : "imap");
    store.connect(account.host(), account.port(), account.user(), account.password());
  }

  /**
   * Lists every message of the wanted folders; returns each folder's state. A folder that fails
   * beyond the reconnects goes to {@code skipped} with the reason and the others go on.
   */
  public Map<String, FolderState> list(Consumer<SourceItem> sink, MailboxReader.SkipSink skipped)
      throws IOException {
    return list(sink, skipped, Map.of(), locator -> false);
  }

  /**
   * Lists the messages of the wanted folders that are new since {@code previous} (folder full name
   * → its state after the last run); the locators of older messages still on the server go to
   * {@code known}, which says whether the index has them (an older message it lacks, because it
   * failed last time, is fetched again). Returns each folder's state. A folder that fails beyond
   * the reconnects goes to {@code skipped} (with its label, "/"-separated) and the others go on.
   */
  public Map<String, FolderState> list(
      Consumer<SourceItem> sink,
      MailboxReader.SkipSink skipped,
      Map<String, FolderState> previous,
      java.util.function.Predicate<String> known)
      throws IOException {
    Map<String, FolderState> states = new LinkedHashMap<>();
    try {
      connect();
      for (String name : folderNames()) {
        try {
          states.put(name, readFolder(name, sink, previous.get(name), known));
        } catch (MessagingException | IOException e) {
          skipped.skipped(labelOf(name), "IMAP folder not read: " + e.getMessage());
        }
      }
    } catch (MessagingException e) {
      throw new IOException("IMAP " + account + ": " + e.getMessage(), e);
    }
    return states;
  }

  private List<String> folderNames() throws MessagingException {
    List<String> names = new ArrayList<>();
    for (Folder folder : store.getDefaultFolder().list("*")) {
      if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
        continue;
      }
      String name = label(folder);
      if (account.wants(name)) {
        names.add(folder.getFullName());
      }
    }
    return names;
  }

  private static String label(Folder folder) throws MessagingException {
    char separator = folder.getSeparator();
    String name = folder.getFullName();
    return separator == '/' ? name : name.replace(separator, '/');
  }

  private String labelOf(String fullName) {
    try {
      return label(store.getFolder(fullName));
    } catch (MessagingException | RuntimeException e) {
      return fullName;
    }
  }

  private FolderState readFolder(
      String fullName,
      Consumer<SourceItem> sink,
      FolderState before,
      java.util.function.Predicate<String> known)
      throws MessagingException, IOException {
    long validity = -1;
    long lastUid = 0;
    boolean listedOld = false;
    int attempts = 0;
    while (true) {
      Folder folder = null;
      try {
        connect();
        folder = store.getFolder(fullName);
        folder.open(Folder.READ_ONLY);
        UIDFolder uids = (UIDFolder) folder;
        long current = uids.getUIDValidity();
        if (validity != -1 && current != validity) {
          throw new MessagingException(
              "UIDVALIDITY changed from " + validity + " to " + current + " while reading");
        }
        validity = current;
        String label = label(folder);
        if (before != null && before.uidValidity() == validity && !listedOld) {
          // Known folder: the old messages are only listed (UIDs), never fetched again.
          long last = before.lastUid();
          if (last > 0) {
            Message[] old = uids.getMessagesByUID(1, last);
            FetchProfile uidsOnly = new FetchProfile();
            uidsOnly.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(old, uidsOnly);
            for (Message message : old) {
              long uid = uids.getUID(message);
              if (uid >= 1 && uid <= last && !known.test(locator(label, validity, uid))) {
                sink.accept(item(label, validity, uid, message));
              }
            }
          }
          lastUid = Math.max(lastUid, last);
          listedOld = true;
        } else if (before != null && before.uidValidity() != validity && lastUid == 0) {
          log.info(
              "IMAP {} {}: UIDVALIDITY changed from {} to {}; reading the folder again",
              account,
              label,
              before.uidValidity(),
              validity);
        }
        Message[] messages = uids.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
        for (int from = 0; from < messages.length; from += BATCH) {
          Message[] batch =
              java.util.Arrays.copyOfRange(messages, from, Math.min(messages.length, from + BATCH));
          FetchProfile profile = new FetchProfile();
          profile.add(UIDFolder.FetchProfileItem.UID);
          profile.add(FetchProfile.Item.SIZE);
          folder.fetch(batch, profile);
          for (Message message : batch) {
            long uid = uids.getUID(message);
            if (uid <= lastUid) {
              continue; // "n:*" returns the last message even when n is past it
            }
            sink.accept(item(label, validity, uid, message));
            lastUid = uid;
          }
        }
        folder.close(false);
        return new FolderState(validity, lastUid);
      } catch (FolderClosedException | StoreClosedException | IllegalStateException e) {
        // IllegalStateException: Jakarta Mail's answer on a folder whose store was closed.
        if (++attempts > RECONNECTS) {
          throw new MessagingException("connection lost " + attempts + " times", e);
        }
        log.warn(
            "IMAP connection to {} dropped in {} after UID {}; reconnecting ({}/{})",
            account,
            fullName,
            lastUid,
            attempts,
            RECONNECTS);
        closeQuietly();
        sleep(attempts);
      } finally {
        if (folder != null && folder.isOpen()) {
          try {
            folder.close(false);
          } catch (MessagingException e) {
            // Closing a folder of a dead connection: nothing left to release.
          }
        }
      }
    }
  }

  private static SourceItem item(String label, long validity, long uid, Message message)
      throws MessagingException, IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
    message.writeTo(raw);
    byte[] bytes = raw.toByteArray();
    long received = message.getReceivedDate() == null ? 0 : message.getReceivedDate().getTime();
    return new SourceItem(
        locator(label, validity, uid),
        label,
        bytes.length,
        received,
        () -> new ByteArrayInputStream(bytes));
  }

  /** Where a message is: folder, UIDVALIDITY and UID (RFC 5092 style). */
  static String locator(String label, long validity, long uid) {
    return label + "/;UIDVALIDITY=" + validity + "/;UID=" + uid;
  }

  /** Parses a {@link FolderState#toString()} ("UIDVALIDITY:last UID"), or null. */
  public static FolderState parseState(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    try {
      return new FolderState(
          Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeQuietly() {
    try {
      if (store != null) {
        store.close();
      }
    } catch (MessagingException e) {
      // Already gone.
    }
    store = null;
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
