package vn.tracuu.query;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * A small in-memory index of records written with the production schema, and a searcher that ranks
 * as the search API does.
 */
final class SmallIndex implements AutoCloseable {

  /** Adds records to the index being written. */
  interface Writer {
    /** A document record; {@code title} may be null. */
    void add(String id, String title, String body) throws IOException;
  }

  /** What writes the records. */
  interface Records {
    void write(Writer writer) throws IOException;
  }

  private final Directory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  final IndexSearcher searcher;

  SmallIndex(Records records) throws IOException {
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(IndexSchema.analyzer()))) {
      records.write(
          (id, title, body) ->
              writer.addDocument(
                  IndexSchema.toDocument(
                      IndexRecord.builder(id, Kind.DOCUMENT)
                          .source("t")
                          .title(title)
                          .body(body)
                          .build())));
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(IndexSchema.similarity());
  }

  /** Ids and scores of the first {@code n} hits of {@code query}, best first. */
  Map<String, Float> hits(Query query, int n) throws IOException {
    Map<String, Float> out = new LinkedHashMap<>();
    for (ScoreDoc hit : searcher.search(query, n).scoreDocs) {
      out.put(searcher.storedFields().document(hit.doc).get(IndexSchema.ID), hit.score);
    }
    return out;
  }

  /** The id of the first hit of {@code query}. */
  String first(Query query) throws IOException {
    return hits(query, 1).keySet().iterator().next();
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
