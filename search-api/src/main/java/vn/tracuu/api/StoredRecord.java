package vn.tracuu.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.apache.lucene.document.Document;
import vn.tracuu.schema.IndexSchema;

/**
 * One record as {@code /api/documents/{id}} shows it: metadata and the extracted text. Where the
 * original bytes are ({@code source} + {@code locator}) is kept for {@code /original} but not
 * shown.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StoredRecord(
    String id,
    String type,
    String title,
    String date,
    @JsonProperty("date_source") String dateSource,
    String sender,
    List<String> recipients,
    List<String> folders,
    @JsonProperty("attachment_names") List<String> attachmentNames,
    @JsonProperty("parent_id") String parentId,
    @JsonProperty("thread_id") String threadId,
    @JsonProperty("doc_number") String documentNumber,
    @JsonProperty("doc_type") String documentType,
    String agency,
    String signer,
    String summary,
    String source,
    @JsonProperty("content_type") String contentType,
    String text,
    @JsonIgnore String locator) {

  static StoredRecord of(Document doc) {
    return new StoredRecord(
        doc.get(IndexSchema.ID),
        doc.get(IndexSchema.KIND),
        doc.get(IndexSchema.TITLE),
        SearchService.isoDate(doc),
        doc.get(IndexSchema.DATE_SOURCE),
        doc.get(IndexSchema.SENDER),
        List.of(doc.getValues(IndexSchema.RECIPIENTS)),
        List.of(doc.getValues(IndexSchema.FOLDERS)),
        List.of(doc.getValues(IndexSchema.ATTACHMENT_NAMES)),
        doc.get(IndexSchema.PARENT_ID),
        doc.get(IndexSchema.THREAD_ID),
        doc.get(IndexSchema.DOC_NUMBER),
        doc.get(IndexSchema.DOC_TYPE),
        doc.get(IndexSchema.AGENCY),
        doc.get(IndexSchema.SIGNER),
        doc.get(IndexSchema.SUMMARY),
        doc.get(IndexSchema.SOURCE),
        doc.get(IndexSchema.CONTENT_TYPE),
        doc.get(IndexSchema.BODY),
        doc.get(IndexSchema.LOCATOR));
  }
}
