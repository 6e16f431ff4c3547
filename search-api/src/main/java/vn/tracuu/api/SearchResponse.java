package vn.tracuu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The JSON answer of {@code /api/search} and {@code /api/news}.
 *
 * @param partial true when the time budget ran out: hits, total and facets cover only part of the
 *     index
 * @param page the page number; absent when the page was asked for with a cursor
 * @param facets counts per dimension under the same filters as the hits (empty for news)
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(
    long total,
    @JsonProperty("took_ms") long tookMs,
    boolean partial,
    Integer page,
    int size,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    @JsonProperty("next_cursor") String nextCursor) {

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
      List<String> folders,
      @JsonProperty("parent_id") String parentId,
      Parent parent,
      @JsonProperty("doc_number") String documentNumber,
      @JsonProperty("doc_type") String documentType,
      String agency,
      String signer,
      String summary,
      String source,
      float score) {}

  /** The message an attachment came with. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Parent(String id, String title, String sender, String date) {}

  /** One facet value and how many hits have it. */
  public record FacetValue(String value, long count) {}
}
