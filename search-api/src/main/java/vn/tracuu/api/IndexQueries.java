package vn.tracuu.api;

import java.util.List;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import vn.tracuu.schema.IndexSchema;

/** Small Lucene queries the API builds over the schema. */
final class IndexQueries {

  private IndexQueries() {}

  static Query days(QueryLanguage.DayRange range) {
    return IntPoint.newRangeQuery(IndexSchema.DAY, range.from(), range.to());
  }

  /** Any of {@code ranges}. */
  static Query anyDay(List<QueryLanguage.DayRange> ranges) {
    if (ranges.size() == 1) {
      return days(ranges.getFirst());
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (QueryLanguage.DayRange range : ranges) {
      any.add(days(range), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  /**
   * What {@code caller} may see: public records, and records of a group the caller belongs to.
   * Added by the server to every query; never a client parameter.
   */
  static Query visibleTo(Caller caller) {
    Query isPublic = term(IndexSchema.PUBLIC, "true");
    if (caller.groups().isEmpty()) {
      return isPublic;
    }
    return new BooleanQuery.Builder()
        .add(isPublic, BooleanClause.Occur.SHOULD)
        .add(
            new TermInSetQuery(
                IndexSchema.GROUPS, caller.groups().stream().map(BytesRef::new).toList()),
            BooleanClause.Occur.SHOULD)
        .build();
  }
}
