package vn.tracuu.api;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The documents a first pass over a reader collected, as a query for a second pass over the same
 * reader: the second pass then reads the first pass's bit sets instead of evaluating the matching
 * query (a conjunction of words in four fields, or phrases over positions) again. Matches with a
 * constant score; used as a filter. Valid only for the reader it was collected from.
 */
final class CollectedDocsQuery extends Query {

  private final LeafReader[] readers;
  private final DocIdSet[] docs;

  CollectedDocsQuery(IndexReader reader, FacetsCollector collected) {
    List<LeafReaderContext> leaves = reader.leaves();
    this.readers = new LeafReader[leaves.size()];
    this.docs = new DocIdSet[leaves.size()];
    for (FacetsCollector.MatchingDocs matching : collected.getMatchingDocs()) {
      int ord = matching.context().ord;
      if (ord >= leaves.size() || leaves.get(ord).reader() != matching.context().reader()) {
        throw new IllegalArgumentException("documents collected from another reader");
      }
      readers[ord] = matching.context().reader();
      docs[ord] = matching.bits();
    }
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        int ord = context.ord;
        if (ord >= docs.length || docs[ord] == null) {
          return null;
        }
        if (readers[ord] != context.reader()) {
          throw new IllegalStateException("documents collected from another reader");
        }
        DocIdSetIterator iterator = docs[ord].iterator();
        if (iterator == null) {
          return null;
        }
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, iterator));
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false; // one search's documents
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "CollectedDocs";
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
