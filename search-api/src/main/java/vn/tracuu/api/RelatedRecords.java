package vn.tracuu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * What the document view shows beside a record: its attachments (child records) and the messages of
 * its thread. Both lists are narrowed to what the caller may see, like every other answer.
 *
 * @param attachments the record's child records (attachments, forwarded messages, container
 *     members), in the order the indexer numbered them
 * @param thread the e-mails of the record's thread, oldest first (the record itself included);
 *     empty when the record belongs to no thread
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelatedRecords(String id, List<Entry> attachments, List<Entry> thread) {

  /** Enough to list a record and open it. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Entry(
      String id,
      String type,
      String title,
      String sender,
      String date,
      @JsonProperty("content_type") String contentType) {

    static Entry of(Document doc) {
      return new Entry(
          doc.get(IndexSchema.ID),
          doc.get(IndexSchema.KIND),
          doc.get(IndexSchema.TITLE),
          doc.get(IndexSchema.SENDER),
          SearchService.isoDate(doc),
          doc.get(IndexSchema.CONTENT_TYPE));
    }
  }

  /** More than any real thread or message has; keeps one answer bounded. */
  static final int MAX_ENTRIES = 500;

  /** The related records of {@code id}, or empty when {@code caller} may not see {@code id}. */
  static Optional<RelatedRecords> find(IndexSearcher searcher, String id, Caller caller)
      throws IOException {
    Document doc = first(searcher, IndexQueries.term(IndexSchema.ID, id), caller);
    if (doc == null) {
      return Optional.empty();
    }
    List<Entry> attachments =
        entries(searcher, IndexQueries.term(IndexSchema.PARENT_ID, id), caller, null);
    // Children are numbered "<parent id>!<n>"; order by n, not by the id's text (!10 < !2).
    attachments = new ArrayList<>(attachments);
    attachments.sort(Comparator.comparingLong(e -> childNumber(e.id())));
    String threadId = doc.get(IndexSchema.THREAD_ID);
    List<Entry> thread =
        threadId == null
            ? List.of()
            : entries(
                searcher,
                new BooleanQuery.Builder()
                    .add(
                        IndexQueries.term(IndexSchema.THREAD_ID, threadId),
                        BooleanClause.Occur.FILTER)
                    .add(
                        IndexQueries.term(IndexSchema.KIND, Kind.EMAIL.id()),
                        BooleanClause.Occur.FILTER)
                    .build(),
                caller,
                new Sort(new SortField(IndexSchema.DATE, SortField.Type.LONG)));
    return Optional.of(new RelatedRecords(id, List.copyOf(attachments), thread));
  }

  private static Document first(IndexSearcher searcher, Query query, Caller caller)
      throws IOException {
    TopDocs top = searcher.search(visible(query, caller), 1);
    return top.scoreDocs.length == 0
        ? null
        : searcher.storedFields().document(top.scoreDocs[0].doc);
  }

  private static List<Entry> entries(IndexSearcher searcher, Query query, Caller caller, Sort sort)
      throws IOException {
    Query visible = visible(query, caller);
    TopDocs top =
        sort == null
            ? searcher.search(visible, MAX_ENTRIES)
            : searcher.search(visible, MAX_ENTRIES, sort);
    StoredFields stored = searcher.storedFields();
    List<Entry> entries = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc scoreDoc : top.scoreDocs) {
      entries.add(Entry.of(stored.document(scoreDoc.doc)));
    }
    return List.copyOf(entries);
  }

  private static Query visible(Query query, Caller caller) {
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(IndexQueries.visibleTo(caller), BooleanClause.Occur.FILTER)
        .build();
  }

  private static long childNumber(String id) {
    int bang = id.lastIndexOf('!');
    try {
      return bang < 0 ? Long.MAX_VALUE : Long.parseLong(id.substring(bang + 1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
