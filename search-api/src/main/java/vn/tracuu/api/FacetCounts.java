package vn.tracuu.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Counts the values of several string fields (sorted-set doc values) over the matches of a search
 * in one walk over them: each match is visited once and each field's doc values advanced to it,
 * instead of one walk and one intersection per field (Lucene's {@code StringValueFacetCounts}).
 * Counts are kept by segment ordinal and mapped to global ordinals through an ordinal map built
 * once per index view; labels are looked up only for the values returned. Same counts and order as
 * {@code StringValueFacetCounts} ({@code FacetCountsTest}).
 */
final class FacetCounts {

  /** Global ordinals of one field over one view of the index. */
  static final class Ordinals {
    final String field;

    /** Null when at most one segment has values: its ordinals are the global ones. */
    private final OrdinalMap map;

    private final long valueCount;

    Ordinals(IndexReader reader, String field) throws IOException {
      this.field = field;
      List<LeafReaderContext> leaves = reader.leaves();
      SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
      int withValues = 0;
      long count = 0;
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
        if (values[i].getValueCount() > 0) {
          withValues++;
          count = values[i].getValueCount();
        }
      }
      IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
      this.map =
          withValues > 1
              ? OrdinalMap.build(
                  helper == null ? null : helper.getKey(), values, PackedInts.DEFAULT)
              : null;
      this.valueCount = map == null ? count : map.getValueCount();
    }

    LongValues globalOrds(int leaf) {
      return map == null ? LongValues.IDENTITY : map.getGlobalOrds(leaf);
    }
  }

  private FacetCounts() {}

  /**
   * For each of {@code fields}, value → number of matches with it: every value ({@code all} true
   * for that field, in ordinal order: by UTF-8 bytes), or the {@code top} most frequent, most first
   * (ties in ordinal order).
   */
  static List<Map<String, Long>> count(
      IndexReader reader, FacetsCollector matches, List<Ordinals> fields, boolean[] all, int top)
      throws IOException {
    int n = fields.size();
    Counter[] counters = new Counter[n];
    long hits = 0;
    for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
      hits += docs.totalHits();
    }
    for (int f = 0; f < n; f++) {
      counters[f] = new Counter(fields.get(f).valueCount, hits);
    }
    SortedDocValues[] single = new SortedDocValues[n];
    SortedSetDocValues[] multi = new SortedSetDocValues[n];
    LongValues[] global = new LongValues[n];
    for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
      if (docs.totalHits() == 0) {
        continue;
      }
      LeafReaderContext leaf = docs.context();
      for (int f = 0; f < n; f++) {
        SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), fields.get(f).field);
        single[f] = DocValues.unwrapSingleton(values);
        multi[f] = single[f] == null ? values : null;
        global[f] = fields.get(f).globalOrds(leaf.ord);
      }
      DocIdSetIterator it = docs.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        for (int f = 0; f < n; f++) {
          if (single[f] != null) {
            if (single[f].advanceExact(doc)) {
              counters[f].add(global[f].get(single[f].ordValue()));
            }
          } else if (multi[f].advanceExact(doc)) {
            for (int i = multi[f].docValueCount(); i > 0; i--) {
              counters[f].add(global[f].get(multi[f].nextOrd()));
            }
          }
        }
      }
    }
    List<Map<String, Long>> out = new ArrayList<>(n);
    for (int f = 0; f < n; f++) {
      out.add(labelled(reader, fields.get(f), counters[f].result(all[f] ? 0 : top)));
    }
    return out;
  }

  /** Counts by global ordinal: an array when the field has few values for the hits, else a map. */
  private static final class Counter {
    private final int[] dense;
    private final Map<Long, long[]> sparse;

    Counter(long valueCount, long hits) {
      // As Lucene's string facets decide: dense unless the values far outnumber the hits.
      boolean useDense = valueCount < 1024 || hits > valueCount / 10;
      this.dense = useDense ? new int[(int) valueCount] : null;
      this.sparse = useDense ? null : new HashMap<>();
    }

    void add(long ord) {
      if (dense != null) {
        dense[(int) ord]++;
      } else {
        sparse.computeIfAbsent(ord, o -> new long[1])[0]++;
      }
    }

    /**
     * Every counted ordinal in ordinal order ({@code top} 0), or the {@code top} most counted, most
     * first, ties by ordinal (label order), as {@code StringValueFacetCounts} ranks them.
     */
    long[][] result(int top) {
      List<long[]> counted = new ArrayList<>();
      if (dense != null) {
        for (int ord = 0; ord < dense.length; ord++) {
          if (dense[ord] > 0) {
            counted.add(new long[] {ord, dense[ord]});
          }
        }
      } else {
        sparse.forEach((ord, count) -> counted.add(new long[] {ord, count[0]}));
        counted.sort((a, b) -> Long.compare(a[0], b[0]));
      }
      if (top > 0) {
        counted.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
        return counted.subList(0, Math.min(top, counted.size())).toArray(long[][]::new);
      }
      return counted.toArray(long[][]::new);
    }
  }

  /** Labels for counted global ordinals, read from the first segment holding each value. */
  private static Map<String, Long> labelled(IndexReader reader, Ordinals field, long[][] counted)
      throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    Map<Integer, SortedSetDocValues> segments = new HashMap<>();
    List<LeafReaderContext> leaves = reader.leaves();
    for (long[] entry : counted) {
      long ord = entry[0];
      int segment =
          field.map == null
              ? firstWithValues(leaves, field.field)
              : field.map.getFirstSegmentNumber(ord);
      long segmentOrd = field.map == null ? ord : field.map.getFirstSegmentOrd(ord);
      SortedSetDocValues values = segments.get(segment);
      if (values == null) {
        values = DocValues.getSortedSet(leaves.get(segment).reader(), field.field);
        segments.put(segment, values);
      }
      BytesRef label = values.lookupOrd(segmentOrd);
      out.put(label.utf8ToString(), entry[1]);
    }
    return out;
  }

  private static int firstWithValues(List<LeafReaderContext> leaves, String field)
      throws IOException {
    for (LeafReaderContext leaf : leaves) {
      if (DocValues.getSortedSet(leaf.reader(), field).getValueCount() > 0) {
        return leaf.ord;
      }
    }
    throw new IllegalStateException("no values of " + field);
  }
}
