package vn.tracuu.indexer.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tika parsing in separate JVMs ({@link ParseWorker}), so that a parser that hangs, spins or
 * exhausts its heap costs one file, not the batch. Each process has the configured heap ({@code
 * -Xmx}, exiting on the first {@code OutOfMemoryError}); each parse gets the parse timeout (plus a
 * grace period for the process to report it itself); a process that dies or times out is replaced
 * by a fresh one on the next file. Reasons: "timeout: …", "out of memory: …", "parser crashed: …".
 *
 * <p>Why our own small pool rather than Tika's ForkParser or tika-pipes: ForkParser ships classes
 * to a bootstrap JVM over the pipe and does not tell an out-of-memory death from other crashes, and
 * the pipes server configures parsers from a tika-config file and emits RMETA JSON, which would
 * lose our content handlers (hOCR confidence, container members, guards). This pool runs exactly
 * the in-process {@link TextExtractor} in the child, from the same classpath (the shaded jar).
 */
final class ParserPool implements AutoCloseable {

  /** Time a worker gets beyond the parse timeout to start and report a timeout itself. */
  private static final long GRACE_MILLIS = 30_000;

  /** ExitOnOutOfMemoryError makes the JVM exit with this status. */
  private static final int OUT_OF_MEMORY_EXIT = 3;

  private final ExtractionLimits limits;

  /** Whether the parser processes run Tesseract. */
  private final boolean ocr;

  private final Semaphore slots;
  private final LinkedBlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
  private final Set<Worker> all = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger started =
      new java.util.concurrent.atomic.AtomicInteger();
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  private final Path spool;
  private volatile boolean closed;

  ParserPool(ExtractionLimits limits, boolean ocr, int processes) {
    this.limits = limits;
    this.ocr = ocr;
    this.slots = new Semaphore(Math.max(1, processes));
    try {
      this.spool = Files.createTempDirectory("tracuu-parse");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary folder for parsing", e);
    }
  }

  TextExtractor.Extracted extract(InputStream in, String fileName) throws ExtractionException {
    if (closed) {
      throw new IllegalStateException("parser pool is closed");
    }
    Path file = spool(in);
    try {
      slots.acquireUninterruptibly();
      Worker worker = idle.poll();
      try {
        if (worker == null) {
          worker = new Worker();
        }
        return worker.parse(file, fileName);
      } finally {
        if (worker != null && worker.alive()) {
          idle.add(worker);
        } else if (worker != null) {
          worker.destroy();
        }
        slots.release();
      }
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the temporary folder is removed on close
      }
    }
  }

  /** Copies the input to a file the child can open; refuses files over the size limit. */
  private Path spool(InputStream in) throws ExtractionException {
    Path file;
    try {
      file = Files.createTempFile(spool, "item", ".bin");
    } catch (IOException e) {
      throw new ExtractionException("cannot write temporary file: " + e.getMessage(), e);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      long copied = in.transferTo(new LimitedOutputStream(out, limits.maxFileBytes()));
      assert copied >= 0;
      return file;
    } catch (TooLarge e) {
      deleteQuietly(file);
      throw new ExtractionException(
          "too large: more than " + limits.maxFileBytes() + " bytes (limit)");
    } catch (IOException e) {
      deleteQuietly(file);
      throw new ExtractionException("unreadable: " + TextExtractor.firstLine(e), e);
    }
  }

  /** Parser processes started so far. */
  int processesStarted() {
    return started.get();
  }

  @Override
  public void close() {
    closed = true;
    for (Worker w : all) {
      w.stop();
    }
    readers.shutdownNow();
    try (var files = Files.list(spool)) {
      files.forEach(ParserPool::deleteQuietly);
    } catch (IOException ignored) {
      // nothing left to clean
    }
    deleteQuietly(spool);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort
    }
  }

  /** One parser process. */
  private final class Worker {
    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream replies;
    private volatile boolean dead;

    Worker() throws ExtractionException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + limits.parserHeapMegabytes() + "m");
      command.add("-XX:+ExitOnOutOfMemoryError");
      command.add("-XX:+UseSerialGC");
      command.add("-Djava.awt.headless=true");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ParseWorker.class.getName());
      command.addAll(ParseProtocol.limitArgs(limits));
      command.add(Boolean.toString(ocr));
      try {
        process =
            new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      } catch (IOException e) {
        throw new ExtractionException("cannot start a parser process: " + e.getMessage(), e);
      }
      all.add(this);
      started.incrementAndGet();
      requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 12));
      replies = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    boolean alive() {
      return !dead && process.isAlive();
    }

    TextExtractor.Extracted parse(Path file, String fileName) throws ExtractionException {
      Future<Object> reply;
      try {
        ParseProtocol.writeString(requests, file.toString());
        ParseProtocol.writeString(requests, fileName);
        requests.flush();
        reply = readers.submit(this::readReply);
      } catch (IOException e) {
        throw died();
      }
      try {
        Object answer =
            reply.get(limits.parseTimeout().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        if (answer instanceof TextExtractor.Extracted extracted) {
          return extracted;
        }
        throw new ExtractionException((String) answer);
      } catch (TimeoutException e) {
        destroy();
        throw new ExtractionException(
            TextExtractor.TIMEOUT
                + " no answer after "
                + limits.parseTimeout().toSeconds()
                + " s (limit); parser process stopped");
      } catch (ExecutionException e) {
        throw died();
      } catch (InterruptedException e) {
        destroy();
        Thread.currentThread().interrupt();
        throw new ExtractionException("interrupted");
      }
    }

    /** The reply: an {@link TextExtractor.Extracted}, or a failure reason. */
    private Object readReply() throws IOException {
      int status = replies.readByte();
      return switch (status) {
        case ParseProtocol.OK -> ParseProtocol.readExtracted(replies);
        case ParseProtocol.FAILED_EXIT -> {
          dead = true;
          yield ParseProtocol.readString(replies);
        }
        case ParseProtocol.FAILED -> ParseProtocol.readString(replies);
        // e.g. the JVM's own "Terminating due to java.lang.OutOfMemoryError" on stdout
        default -> throw new IOException("parser process wrote outside the protocol");
      };
    }

    /** The process ended without answering: say why. */
    private ExtractionException died() {
      dead = true;
      int exit;
      try {
        exit = process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exit = -1;
      }
      destroy();
      if (exit == OUT_OF_MEMORY_EXIT) {
        return new ExtractionException(
            "out of memory: the parser needed more than "
                + limits.parserHeapMegabytes()
                + " MB (parser heap limit)");
      }
      return new ExtractionException(
          "parser crashed: its process ended (exit status " + exit + ")");
    }

    void stop() {
      try {
        requests.close(); // the worker ends at end of input
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          destroy();
        }
      } catch (IOException e) {
        destroy();
      } catch (InterruptedException e) {
        destroy();
        Thread.currentThread().interrupt();
      }
      all.remove(this);
    }

    void destroy() {
      dead = true;
      process.destroyForcibly();
      all.remove(this);
    }
  }

  private static final class TooLarge extends IOException {
    TooLarge() {
      super("too large");
    }
  }

  /** Fails once more than {@code limit} bytes are written. */
  private static final class LimitedOutputStream extends OutputStream {
    private final OutputStream out;
    private final long limit;
    private long written;

    LimitedOutputStream(OutputStream out, long limit) {
      this.out = out;
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      check(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check(len);
      out.write(b, off, len);
    }

    private void check(int len) throws TooLarge {
      written += len;
      if (written > limit) {
        throw new TooLarge();
      }
    }
  }
}
