package vn.tracuu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON answer of {@code /api/search}. */
public record SearchResponse(
    long total, @JsonProperty("took_ms") long tookMs, int page, int size, List<Hit> hits) {

  /** One result. Absent values are left out of the JSON. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Hit(
      String id,
      String type,
      String title,
      String date,
      @JsonProperty("date_source") String dateSource,
      String snippet,
      String sender,
      List<String> recipients,
      @JsonProperty("parent_id") String parentId,
      @JsonProperty("doc_number") String documentNumber,
      @JsonProperty("doc_type") String documentType,
      String agency,
      String signer,
      String source,
      float score) {}
}
