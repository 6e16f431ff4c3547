package vn.tracuu.indexer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One indexer at a time per index. The lock is an operating-system lock on a file that names the
 * holder (pid, start time, host): the system releases it when the holder dies, even by kill -9, so
 * a lock file left behind by a dead process is recognised as stale, reported and taken over.
 */
public final class IndexLock implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IndexLock.class);

  /** Another indexer holds the lock. */
  public static final class HeldException extends IOException {
    public HeldException(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;
  private final Path file;

  private IndexLock(FileChannel channel, FileLock lock, Path file) {
    this.channel = channel;
    this.lock = lock;
    this.file = file;
  }

  /**
   * Takes the lock at {@code file}.
   *
   * @throws HeldException when a live process holds it (the message names it)
   */
  public static IndexLock acquire(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM
    }
    String holder = read(channel);
    if (lock == null) {
      channel.close();
      throw new HeldException(
          "another indexer is running on this index ("
              + (holder.isBlank() ? "holder unknown" : holder)
              + "; lock "
              + file
              + ")");
    }
    if (!holder.isBlank()) {
      log.warn("recovered a stale lock left by a process that is gone ({})", holder);
    }
    ProcessHandle self = ProcessHandle.current();
    String me =
        "pid "
            + self.pid()
            + ", started "
            + self.info().startInstant().orElse(Instant.now())
            + ", host "
            + hostName();
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
    return new IndexLock(channel, lock, file);
  }

  /** Who holds the lock at {@code file} now, if anyone (for status; takes nothing). */
  public static java.util.Optional<String> holder(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock probe;
      try {
        probe = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        probe = null;
      }
      if (probe != null) {
        probe.release();
        return java.util.Optional.empty();
      }
      String holder = read(channel);
      return java.util.Optional.of(holder.isBlank() ? "holder unknown" : holder);
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Releases the lock and empties the file (an empty lock file means nobody holds it). */
  @Override
  public void close() throws IOException {
    try {
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
    }
    log.debug("released {}", file);
  }
}
