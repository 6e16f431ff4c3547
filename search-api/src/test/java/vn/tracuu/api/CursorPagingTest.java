package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/** search_after paging with {@code cursor}: the same hits as page/size, and no deeper limit. */
class CursorPagingTest {

  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.get();
  }

  /** All hits of a search, following next_cursor with pages of {@code size}. */
  private static List<String> followCursor(String path, String auth, int size, String... params)
      throws IOException {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 1000; pages++) {
      List<String> all = new ArrayList<>(List.of(params));
      all.addAll(List.of("size", Integer.toString(size)));
      if (cursor != null) {
        all.addAll(List.of("cursor", cursor));
      }
      JsonNode page = api.json(path, auth, all.toArray(String[]::new));
      if (cursor != null) {
        assertFalse(page.has("page"), "a page asked for with a cursor has no number");
      }
      page.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
      if (!page.has("next_cursor")) {
        assertEquals(page.get("total").asInt(), ids.size(), "the last page has no next_cursor");
        return ids;
      }
      assertEquals(size, page.get("hits").size(), "only full pages have a next_cursor");
      cursor = page.get("next_cursor").asText();
    }
    throw new AssertionError("the cursor never ended");
  }

  private static List<String> onePage(String path, String auth, String... params)
      throws IOException {
    List<String> all = new ArrayList<>(List.of(params));
    all.addAll(List.of("size", "100"));
    JsonNode page = api.json(path, auth, all.toArray(String[]::new));
    assertTrue(page.get("total").asInt() <= 100, "the samples fit one page");
    assertFalse(page.has("next_cursor"));
    List<String> ids = new ArrayList<>();
    page.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  @Test
  void cursorPagesGiveTheSameHitsInTheSameOrderAsOnePage() throws Exception {
    for (String[] search :
        List.of(
            new String[] {"q", "chính quyền điện tử"},
            new String[] {"q", "chinh quyen", "sort", "oldest"},
            new String[] {"type", "email"},
            new String[] {"q", "\"thiên tai\"", "sort", "newest"})) {
      List<String> expected = onePage("/api/search", TestServer.STAFF, search);
      assertTrue(expected.size() > 3, String.join(" ", search)); // two pages at least
      assertEquals(
          expected,
          followCursor("/api/search", TestServer.STAFF, 3, search),
          String.join(" ", search));
    }
  }

  @Test
  void newsPagesByCursorForAnyone() throws Exception {
    List<String> expected = onePage("/api/news", TestServer.ANONYMOUS);
    assertEquals(24, expected.size());
    assertEquals(expected, followCursor("/api/news", TestServer.ANONYMOUS, 5));
  }

  @Test
  void aCursorOnlyContinuesItsOwnSearch() throws Exception {
    String cursor =
        api.json("/api/search", TestServer.STAFF, "q", "chính quyền", "size", "2")
            .get("next_cursor")
            .asText();
    for (String[] other :
        List.of(
            new String[] {"q", "thiên tai", "cursor", cursor},
            new String[] {"q", "chính quyền", "type", "email", "cursor", cursor},
            new String[] {"q", "chính quyền", "sort", "newest", "cursor", cursor},
            new String[] {"q", "chính quyền", "page", "2", "cursor", cursor},
            new String[] {"q", "chính quyền", "cursor", "bm90IGEgY3Vyc29y"},
            new String[] {"q", "chính quyền", "cursor", "%%%"},
            new String[] {"q", "chính quyền", "cursor", cursor.substring(1)})) {
      var response = api.get("/api/search" + TestServer.query(other), TestServer.STAFF);
      assertEquals(400, response.statusCode(), String.join(" ", other));
      assertTrue(response.body().contains("cursor"), response.body());
    }
    // The same cursor with another page size is fine: the size is not part of the search.
    assertEquals(
        200,
        api.get(
                "/api/search" + TestServer.query("q", "chính quyền", "size", "4", "cursor", cursor),
                TestServer.STAFF)
            .statusCode());
  }

  @Test
  void aCursorOfAnotherCallerShowsNothingHidden() throws Exception {
    // Staff's cursor over all records, continued by a caller who sees only public news.
    String cursor =
        api.json("/api/search", TestServer.STAFF, "q", "chính quyền điện tử", "size", "1")
            .get("next_cursor")
            .asText();
    JsonNode other =
        api.json(
            "/api/search",
            TestServer.OTHER,
            "q",
            "chính quyền điện tử",
            "size",
            "100",
            "cursor",
            cursor);
    other.get("hits").forEach(hit -> assertEquals("news", hit.get("type").asText()));
    other
        .get("facets")
        .get("type")
        .forEach(value -> assertEquals("news", value.get("value").asText()));
  }

  /**
   * Later pages read the index as it was for the first page, so a commit in between neither repeats
   * nor skips hits; a cursor whose view is gone is a clear error.
   */
  @Test
  void laterPagesReadTheFirstPagesView(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    write(index, 0, 5);
    try (SearchService service = new SearchService(index)) {
      SearchRequest first = request(null);
      SearchResponse page1 = service.search(first, Caller.ANONYMOUS);
      assertEquals(List.of("n4", "n3"), ids(page1));
      assertNotNull(page1.nextCursor());

      write(index, 5, 3); // newer records that would come first in a fresh search
      service.refreshNow();
      // The new view was warmed before it served: its facet ordinals are ready.
      for (String field : List.of(IndexSchema.KIND, IndexSchema.YEAR, IndexSchema.SENDER)) {
        assertTrue(service.facetsWarmed(field), field);
      }
      SearchResponse fresh = service.search(first, Caller.ANONYMOUS);
      assertEquals(8, fresh.total());
      assertEquals(List.of("n7", "n6"), ids(fresh));

      SearchResponse page2 = service.search(request(page1.nextCursor()), Caller.ANONYMOUS);
      assertEquals(5, page2.total(), "the first page's view");
      assertEquals(List.of("n2", "n1"), ids(page2));
      SearchResponse page3 = service.search(request(page2.nextCursor()), Caller.ANONYMOUS);
      assertEquals(List.of("n0"), ids(page3));
      assertNull(page3.nextCursor());

      // A cursor of a view that is no longer kept (here: a version that never existed).
      SearchCursor stale = SearchCursor.decode(page1.nextCursor(), first.fingerprint());
      String gone =
          new SearchCursor(
                  stale.version() + 1000,
                  stale.index(),
                  stale.byScore(),
                  stale.value(),
                  stale.doc(),
                  stale.seen(),
                  stale.fingerprint())
              .encode();
      BadRequestException expired =
          assertThrows(
              BadRequestException.class, () -> service.search(request(gone), Caller.ANONYMOUS));
      assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
    }
  }

  /**
   * Reader versions count from the start in every index: a cursor of one index must not continue on
   * another that reached the same version (a rebuild, or an index deleted and written again).
   */
  @Test
  void aCursorOfAnotherIndexAtTheSameVersionHasExpired(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    write(index, "n", 0, 5);
    String cursor;
    long version;
    try (SearchService service = new SearchService(index)) {
      SearchResponse page1 = service.search(request(null), Caller.ANONYMOUS);
      cursor = page1.nextCursor();
      version = SearchCursor.decode(cursor, request(null).fingerprint()).version();
    }
    // The same writes into a new index: other records, the same reader version.
    try (var files = Files.list(index)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    write(index, "m", 0, 5);
    try (SearchService service = new SearchService(index)) {
      try (var reader = org.apache.lucene.index.DirectoryReader.open(FSDirectory.open(index))) {
        assertEquals(version, reader.getVersion(), "the case this test is about");
      }
      BadRequestException expired =
          assertThrows(
              BadRequestException.class, () -> service.search(request(cursor), Caller.ANONYMOUS));
      assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
      // Its own cursors go on.
      SearchResponse page1 = service.search(request(null), Caller.ANONYMOUS);
      assertEquals(
          List.of("m2", "m1"), ids(service.search(request(page1.nextCursor()), Caller.ANONYMOUS)));
    }
  }

  private static SearchRequest request(String cursor) {
    Map<String, String> params =
        cursor == null ? Map.of("size", "2") : Map.of("size", "2", "cursor", cursor);
    return SearchRequest.of(params::get);
  }

  private static List<String> ids(SearchResponse response) {
    return response.hits().stream().map(SearchResponse.Hit::id).toList();
  }

  /** Public news records n{from}…, one day apart (newest last). */
  private static void write(Path index, int from, int count) throws IOException {
    write(index, "n", from, count);
  }

  /** Public news records {prefix}{from}…, one day apart (newest last). */
  private static void write(Path index, String prefix, int from, int count) throws IOException {
    Files.createDirectories(index);
    try (var directory = FSDirectory.open(index);
        var writer = new IndexWriter(directory, new IndexWriterConfig(IndexSchema.analyzer()))) {
      for (int i = from; i < from + count; i++) {
        IndexRecord record =
            IndexRecord.builder(prefix + i, Kind.NEWS)
                .source("portal")
                .isPublic(true)
                .title("Tin số " + i)
                .body("Bản tin thứ " + i + " về chính quyền điện tử.")
                .date(
                    Instant.parse("2019-08-01T02:00:00Z").plusSeconds(86_400L * i),
                    DateSource.FILE_TIME)
                .build();
        writer.addDocument(IndexSchema.toDocument(record));
      }
      writer.commit();
    }
  }
}
