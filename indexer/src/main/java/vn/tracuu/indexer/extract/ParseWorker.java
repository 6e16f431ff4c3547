package vn.tracuu.indexer.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.tika.io.TikaInputStream;

/**
 * The parser process that {@link ParserPool} starts: reads requests on stdin, parses each file with
 * an in-process {@link TextExtractor}, answers on stdout. It ends when stdin closes (the indexer is
 * gone), after a timeout (the abandoned parse may still hold a thread), or when its heap runs out
 * (the JVM is started with {@code -XX:+ExitOnOutOfMemoryError}).
 */
public final class ParseWorker {

  private ParseWorker() {}

  public static void main(String[] args) throws IOException {
    ExtractionLimits limits = ParseProtocol.limits(args);
    // stdout carries the protocol; anything a library prints goes to stderr instead
    PrintStream protocol = System.out;
    System.setOut(System.err);
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(protocol, 1 << 16));
    // The argument after the limits: whether to run Tesseract (absent: yes).
    boolean ocr = args.length < 7 || Boolean.parseBoolean(args[6]);
    TextExtractor extractor = new TextExtractor(limits, ocr);
    while (true) {
      String path;
      String name;
      try {
        path = ParseProtocol.readString(in);
        name = ParseProtocol.readString(in);
      } catch (EOFException e) {
        return;
      }
      boolean exit = false;
      try (InputStream file = TikaInputStream.get(Path.of(path))) {
        TextExtractor.Extracted extracted = extractor.extract(file, name);
        out.writeByte(ParseProtocol.OK);
        ParseProtocol.writeExtracted(out, extracted);
      } catch (ExtractionException e) {
        exit = e.getMessage().startsWith(TextExtractor.TIMEOUT);
        out.writeByte(exit ? ParseProtocol.FAILED_EXIT : ParseProtocol.FAILED);
        ParseProtocol.writeString(out, e.getMessage());
      } catch (IOException | RuntimeException e) {
        out.writeByte(ParseProtocol.FAILED);
        ParseProtocol.writeString(out, "unreadable: " + TextExtractor.firstLine(e));
      }
      out.flush();
      if (exit) {
        System.exit(0);
      }
    }
  }
}
