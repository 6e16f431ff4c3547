package vn.tracuu.indexer.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.metadata.Metadata;

/**
 * What {@link ParserPool} and its {@link ParseWorker} processes say to each other over the child's
 * stdin/stdout: a request is a file path and a name; a reply is a status byte and either the
 * extracted text with metadata and container members, or a failure reason.
 */
final class ParseProtocol {

  /** Parsed; the extraction follows. */
  static final int OK = 0;

  /** Not parsed; the reason follows. */
  static final int FAILED = 1;

  /** Not parsed, and the worker exits (its abandoned parse may still run); the reason follows. */
  static final int FAILED_EXIT = 2;

  /** Metadata values are cut to this many characters (XMP packets can be huge). */
  private static final int MAX_METADATA_CHARS = 20_000;

  private ParseProtocol() {}

  static List<String> limitArgs(ExtractionLimits limits) {
    return List.of(
        Long.toString(limits.maxFileBytes()),
        Integer.toString(limits.maxChars()),
        Long.toString(limits.parseTimeout().toMillis()),
        Integer.toString(limits.maxEmbeddedDepth()),
        Long.toString(limits.maxCompressionRatio()),
        Integer.toString(limits.parserHeapMegabytes()));
  }

  static ExtractionLimits limits(String[] args) {
    return new ExtractionLimits(
        Long.parseLong(args[0]),
        Integer.parseInt(args[1]),
        Duration.ofMillis(Long.parseLong(args[2])),
        Integer.parseInt(args[3]),
        Long.parseLong(args[4]),
        Integer.parseInt(args[5]));
  }

  static void writeExtracted(DataOutputStream out, TextExtractor.Extracted e) throws IOException {
    writeContent(out, e);
    out.writeInt(e.members().size());
    for (TextExtractor.Member m : e.members()) {
      writeString(out, m.path());
      writeString(out, m.parentPath());
      writeString(out, m.name());
      writeString(out, m.failure());
      if (m.content() != null) {
        writeContent(out, m.content());
      }
    }
  }

  static TextExtractor.Extracted readExtracted(DataInputStream in) throws IOException {
    TextExtractor.Extracted main = readContent(in, List.of());
    int count = in.readInt();
    List<TextExtractor.Member> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String path = readString(in);
      String parent = readString(in);
      String name = readString(in);
      String failure = readString(in);
      TextExtractor.Extracted content = failure == null ? readContent(in, List.of()) : null;
      members.add(new TextExtractor.Member(path, parent, name, content, failure));
    }
    return main.withMembers(members);
  }

  private static void writeContent(DataOutputStream out, TextExtractor.Extracted e)
      throws IOException {
    writeString(out, e.text());
    out.writeBoolean(e.truncated());
    out.writeByte(e.ocr().ordinal());
    out.writeDouble(e.ocrConfidence());
    String[] names = e.metadata().names();
    out.writeInt(names.length);
    for (String name : names) {
      writeString(out, name);
      String[] values = e.metadata().getValues(name);
      out.writeInt(values.length);
      for (String value : values) {
        writeString(
            out,
            value.length() > MAX_METADATA_CHARS ? value.substring(0, MAX_METADATA_CHARS) : value);
      }
    }
  }

  private static TextExtractor.Extracted readContent(
      DataInputStream in, List<TextExtractor.Member> members) throws IOException {
    String text = readString(in);
    boolean truncated = in.readBoolean();
    TextExtractor.OcrStatus ocr = TextExtractor.OcrStatus.values()[in.readByte()];
    double confidence = in.readDouble();
    Metadata metadata = new Metadata();
    int names = in.readInt();
    for (int i = 0; i < names; i++) {
      String name = readString(in);
      int values = in.readInt();
      for (int j = 0; j < values; j++) {
        metadata.add(name, readString(in));
      }
    }
    return new TextExtractor.Extracted(text, metadata, truncated, ocr, confidence, members);
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
