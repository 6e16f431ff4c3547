package vn.tracuu.indexer.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.ContentHandler;

/**
 * Reads the files of a container (zip, 7z, tar, gz …) as members of their own, instead of adding
 * their text to the container's: each is parsed with its own limits and becomes a child record. A
 * member that cannot be read (encrypted, corrupt) is listed with its reason; containers nested
 * deeper than the limit are listed, not opened; and all members of one file together may expand
 * only to the zip-bomb ratio times the file's size.
 */
final class MemberCollector implements EmbeddedDocumentExtractor {

  /** Most members listed per file; the rest are summed up in one entry. */
  static final int MAX_MEMBERS = 10_000;

  private final TextExtractor extractor;
  private final ExtractionLimits limits;
  private final String parentPath;
  private final int depth;
  private final List<TextExtractor.Member> members;
  private final Budget budget;

  MemberCollector(
      TextExtractor extractor,
      ExtractionLimits limits,
      String parentPath,
      int depth,
      List<TextExtractor.Member> members,
      Budget budget) {
    this.extractor = extractor;
    this.limits = limits;
    this.parentPath = parentPath;
    this.depth = depth;
    this.members = members;
    this.budget = budget;
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    return true;
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
      throws IOException {
    String entry = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
    if (entry == null || entry.isBlank()) {
      entry = "member-" + (members.size() + 1);
    }
    String path = parentPath == null ? entry : parentPath + "/" + entry;
    String name = entry.substring(entry.lastIndexOf('/') + 1);
    if (members.size() >= MAX_MEMBERS) {
      if (members.size() == MAX_MEMBERS) {
        members.add(
            new TextExtractor.Member(
                path, parentPath, name, null, "too many members: more than " + MAX_MEMBERS));
      }
      return;
    }
    if (depth + 1 > limits.maxEmbeddedDepth()) {
      members.add(
          new TextExtractor.Member(
              path,
              parentPath,
              name,
              null,
              "too deep: containers nested more than "
                  + limits.maxEmbeddedDepth()
                  + " deep (limit)"));
      return;
    }
    try (TikaInputStream member = TikaInputStream.get(budget.count(stream))) {
      TextExtractor.Extracted content =
          extractor.parseOne(member, name, path, depth + 1, members, budget);
      members.add(new TextExtractor.Member(path, parentPath, name, content, null));
    } catch (ExtractionException e) {
      if (budget.exceeded()) {
        throw new ExpansionExceeded(budget.allowed);
      }
      members.add(new TextExtractor.Member(path, parentPath, name, null, e.getMessage()));
    }
  }

  /** Bytes all members of one file may expand to, together. */
  static final class Budget {
    private final long allowed;
    private final AtomicLong used = new AtomicLong();

    Budget(long allowed) {
      this.allowed = allowed;
    }

    boolean exceeded() {
      return used.get() > allowed;
    }

    InputStream count(InputStream in) {
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          add(b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = super.read(buf, off, len);
          add(Math.max(n, 0));
          return n;
        }

        @Override
        public void close() {
          // the container parser closes its entry streams itself
        }
      };
    }

    private void add(long n) throws ExpansionExceeded {
      if (used.addAndGet(n) > allowed) {
        throw new ExpansionExceeded(allowed);
      }
    }
  }

  /** The members expanded past the zip-bomb ratio; the whole file is refused. */
  static final class ExpansionExceeded extends IOException {
    ExpansionExceeded(long allowed) {
      super(
          "zip-bomb guard: the members expand to more than "
              + allowed
              + " bytes (ratio limit times the file size)");
    }
  }
}
