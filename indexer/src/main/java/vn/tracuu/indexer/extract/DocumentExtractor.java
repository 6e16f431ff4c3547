package vn.tracuu.indexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.tracuu.analysis.legacy.LegacyVietnamese;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.enrich.OfficialDocumentParser;
import vn.tracuu.indexer.enrich.OfficialDocumentParser.OfficialMetadata;
import vn.tracuu.indexer.source.SourceItem;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * One archive file (PDF, Office, HTML…) as a document record: text through Tika, official-document
 * metadata from the text, and the best date: issue date, else the file's metadata, else its
 * modification time. The files of a container (zip, 7z, tar, gz) become member records whose parent
 * is the container (or the member container they are in).
 */
public final class DocumentExtractor {

  /** Where members that could not be read are reported: locator and reason. */
  @FunctionalInterface
  public interface MemberFailures {
    void failed(String locator, String reason);
  }

  private final TextExtractor textExtractor;
  private final OfficialDocumentParser officialParser = new OfficialDocumentParser();

  public DocumentExtractor(TextExtractor textExtractor) {
    this.textExtractor = textExtractor;
  }

  /** Extracts without reporting unreadable members (they are left out). */
  public List<IndexRecord> extract(SourceConfig source, SourceItem item)
      throws ExtractionException {
    return extract(source, item, (locator, reason) -> {});
  }

  public List<IndexRecord> extract(SourceConfig source, SourceItem item, MemberFailures failures)
      throws ExtractionException {
    long maxBytes = textExtractor.limits().maxFileBytes();
    if (item.size() > maxBytes) {
      throw new ExtractionException(
          "too large: " + item.size() + " bytes (limit " + maxBytes + ")");
    }
    TextExtractor.Extracted extracted;
    try (InputStream in = item.open()) {
      extracted = textExtractor.extract(in, fileName(item.locator()));
    } catch (IOException e) {
      throw new ExtractionException("unreadable: " + TextExtractor.firstLine(e), e);
    }
    String id = documentId(source, item);
    List<String> names = new ArrayList<>();
    for (TextExtractor.Member m : extracted.members()) {
      if (m.parentPath() == null) {
        names.add(m.name());
      }
    }
    IndexRecord container =
        record(
                source,
                id,
                Kind.DOCUMENT,
                item.locator(),
                fileName(item.locator()),
                extracted,
                Instant.ofEpochMilli(item.modifiedMillis()),
                DateSource.FILE_TIME)
            .changeMarker(item.size() + ":" + item.modifiedMillis())
            .attachmentNames(names)
            .build();
    List<IndexRecord> records = new ArrayList<>();
    records.add(container);
    for (TextExtractor.Member m : extracted.members()) {
      String locator = item.locator() + "!" + m.path();
      if (m.content() == null) {
        failures.failed(locator, m.failure());
        continue;
      }
      // A member without a date of its own takes the container's.
      records.add(
          record(
                  source,
                  id + "!" + m.path(),
                  Kind.MEMBER,
                  locator,
                  m.name(),
                  m.content(),
                  container.date(),
                  container.dateSource())
              .parentId(m.parentPath() == null ? id : id + "!" + m.parentPath())
              .build());
    }
    return records;
  }

  private IndexRecord.Builder record(
      SourceConfig source,
      String id,
      Kind kind,
      String locator,
      String name,
      TextExtractor.Extracted extracted,
      Instant fallbackDate,
      DateSource fallbackSource) {
    // Old DOC/PDF files typed in TCVN3 (.VnTime) or VNI fonts come out as mojibake: convert them.
    LegacyVietnamese.Repair repair = LegacyVietnamese.repair(extracted.text());
    String text = repair.text();
    OfficialMetadata official = officialParser.parse(text);
    IndexRecord.Builder record =
        IndexRecord.builder(id, kind)
            .source(source.name())
            .locator(locator)
            .groups(source.groups())
            .isPublic(source.isPublic())
            .body(text)
            .legacyEncoding(repair.repaired() ? repair.encoding().id() : null)
            .contentType(extracted.contentType())
            .documentNumber(official.number())
            .documentType(official.type())
            .agency(official.agency())
            .signer(official.signer())
            .summary(official.summary())
            .truncated(extracted.truncated());
    switch (extracted.ocr()) {
      case USED -> record.ocr("used", (float) extracted.ocrConfidence());
      case UNAVAILABLE -> record.ocr("unavailable", null);
      case NONE -> {}
    }
    record.title(title(official, extracted, name));
    if (official.issueDate() != null) {
      record.date(
          official.issueDate().atStartOfDay(IndexSchema.ZONE).toInstant(), DateSource.ISSUE_DATE);
    } else if (extracted.metadataDate().isPresent()) {
      record.date(extracted.metadataDate().get(), DateSource.METADATA);
    } else {
      record.date(fallbackDate, fallbackSource);
    }
    return record;
  }

  static String documentId(SourceConfig source, SourceItem item) {
    return "file:" + source.name() + ":" + item.locator();
  }

  private static String title(
      OfficialMetadata official, TextExtractor.Extracted extracted, String name) {
    if (official.type() != null && official.summary() != null) {
      String number = official.number() == null ? "" : " " + official.number();
      return official.type() + number + ": " + official.summary();
    }
    return extracted.title().map(t -> LegacyVietnamese.repair(t).text()).orElse(name);
  }

  private static String fileName(String locator) {
    int slash = locator.lastIndexOf('/');
    return slash < 0 ? locator : locator.substring(slash + 1);
  }
}
