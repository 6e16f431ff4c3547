package vn.tracuu.indexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
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
 * modification time.
 */
public final class DocumentExtractor {

  private final TextExtractor textExtractor;
  private final OfficialDocumentParser officialParser = new OfficialDocumentParser();

  public DocumentExtractor(TextExtractor textExtractor) {
    this.textExtractor = textExtractor;
  }

  public List<IndexRecord> extract(SourceConfig source, SourceItem item)
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
      throw new ExtractionException("cannot read file: " + TextExtractor.firstLine(e), e);
    }
    // Old DOC/PDF files typed in TCVN3 (.VnTime) or VNI fonts come out as mojibake: convert them.
    LegacyVietnamese.Repair repair = LegacyVietnamese.repair(extracted.text());
    String text = repair.text();
    OfficialMetadata official = officialParser.parse(text);

    IndexRecord.Builder record =
        IndexRecord.builder(documentId(source, item), Kind.DOCUMENT)
            .source(source.name())
            .locator(item.locator())
            .groups(source.groups())
            .isPublic(source.isPublic())
            .body(text)
            .legacyEncoding(repair.repaired() ? repair.encoding().id() : null)
            .contentType(extracted.contentType())
            .changeMarker(item.size() + ":" + item.modifiedMillis())
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
    record.title(title(official, extracted, item));

    if (official.issueDate() != null) {
      record.date(
          official.issueDate().atStartOfDay(IndexSchema.ZONE).toInstant(), DateSource.ISSUE_DATE);
    } else if (extracted.metadataDate().isPresent()) {
      record.date(extracted.metadataDate().get(), DateSource.METADATA);
    } else {
      record.date(Instant.ofEpochMilli(item.modifiedMillis()), DateSource.FILE_TIME);
    }
    return List.of(record.build());
  }

  static String documentId(SourceConfig source, SourceItem item) {
    return "file:" + source.name() + ":" + item.locator();
  }

  private static String title(
      OfficialMetadata official, TextExtractor.Extracted extracted, SourceItem item) {
    if (official.type() != null && official.summary() != null) {
      String number = official.number() == null ? "" : " " + official.number();
      return official.type() + number + ": " + official.summary();
    }
    return extracted
        .title()
        .map(t -> LegacyVietnamese.repair(t).text())
        .orElse(fileName(item.locator()));
  }

  private static String fileName(String locator) {
    int slash = locator.lastIndexOf('/');
    return slash < 0 ? locator : locator.substring(slash + 1);
  }
}
