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
    Map<String, FolderState> states = new LinkedHashMap<>();
    try {
      connect();
      for (String name : folderNames()) {
        try {
          states.put(name, readFolder(name, sink));
        } catch (MessagingException | IOException e) {
          skipped.skipped(name, "IMAP folder not read: " + e.getMessage());
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

  private FolderState readFolder(String fullName, Consumer<SourceItem> sink)
      throws MessagingException, IOException {
    long validity = -1;
    long lastUid = 0;
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
        label + "/;UIDVALIDITY=" + validity + "/;UID=" + uid,
        label,
        bytes.length,
        received,
        () -> new ByteArrayInputStream(bytes));
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
