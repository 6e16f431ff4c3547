package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tracuu.indexer.IndexReport;

/**
 * The whole path: the indexer reads samples/ (mbox, Maildir, PDF/DOCX/ODT/HTML documents, news
 * pages) into an index, the API serves it on a free port, and real HTTP requests search it. The
 * expected answers come from samples/manifest.tsv.
 */
class EndToEndTest {

  private static final ObjectMapper JSON = TestServer.JSON;
  private static TestServer api;
  private static IndexReport report;
  private static List<SampleArchive.Item> manifest;

  @BeforeAll
  static void start() throws IOException {
    api = TestServer.get();
    report = api.report;
    manifest = SampleArchive.manifest();
  }

  /** As staff: the archive's mail and documents are visible to the "staff" group. */
  private static HttpResponse<String> get(String pathAndQuery) {
    return api.get(pathAndQuery, TestServer.STAFF);
  }

  private static JsonNode search(String... params) throws IOException {
    String[] all = new String[params.length + 2];
    all[0] = "size";
    all[1] = "100";
    System.arraycopy(params, 0, all, 2, params.length);
    return api.json("/api/search", TestServer.STAFF, all);
  }

  /** Hit keys comparable with {@link SampleArchive.Item#key()}. */
  private static Set<String> keys(JsonNode result) {
    Set<String> keys = new TreeSet<>();
    for (JsonNode hit : result.get("hits")) {
      keys.add(
          hit.get("type").asText().equals("attachment")
              ? hit.get("parent_id").asText() + "!" + hit.get("title").asText()
              : hit.get("id").asText());
    }
    assertEquals(keys.size(), result.get("total").asInt(), "all hits fit on the page");
    return keys;
  }

  private static Set<String> expected(String day, boolean mentionsOnly) {
    return manifest.stream()
        .filter(item -> item.date().equals(day) && (!mentionsOnly || item.mentionsCqdt()))
        .map(SampleArchive.Item::key)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void indexesEveryManifestItemWithoutFailures() {
    assertEquals(List.of(), report.failures());
    assertEquals(manifest.size(), report.records());
  }

  @Test
  void phraseWithOneDayFindsExactlyThatDaysItems() throws Exception {
    Set<String> expected = expected("2019-08-19", true);
    assertTrue(expected.size() >= 5, "the samples have several items that day: " + expected);
    assertEquals(
        expected,
        keys(search("q", "\"chính quyền điện tử\"", "from", "2019-08-19", "to", "2019-08-19")));
  }

  @Test
  void withoutDiacriticsTheSameItemsAreFound() throws Exception {
    assertEquals(
        expected("2019-08-19", true),
        keys(search("q", "\"chinh quyen dien tu\"", "date", "19/8/2019")));
  }

  @Test
  void keywordSearchFindsEmailsDocumentsAndNews() throws Exception {
    JsonNode result = search("q", "chính quyền điện tử");
    Set<String> types = new HashSet<>();
    result.get("hits").forEach(hit -> types.add(hit.get("type").asText()));
    assertTrue(types.containsAll(Set.of("email", "document", "news")), types.toString());
    JsonNode first = result.get("hits").get(0);
    assertTrue(first.get("snippet").asText().contains("<mark>"), first.toString());
    assertTrue(first.get("date").asText().endsWith("+07:00"), first.toString());
  }

  @Test
  void aDateRangeAloneListsThatDayNewestFirst() throws Exception {
    JsonNode result = search("from", "2019-08-19", "to", "2019-08-19");
    assertEquals(expected("2019-08-19", false), keys(result));
    List<String> dates = result.get("hits").findValuesAsText("date");
    List<String> sorted = dates.stream().sorted(java.util.Comparator.reverseOrder()).toList();
    assertEquals(sorted, dates);
  }

  @Test
  void dayBoundariesAreVietnamTime() throws Exception {
    // Sent 23:30 UTC on the 19th: the 20th in Vietnam.
    Set<String> day20 = keys(search("q", "\"chính quyền điện tử\"", "date", "2019-08-20"));
    assertEquals(expected("2019-08-20", true), day20);
    assertFalse(keys(search("date", "2019-08-19")).stream().anyMatch(day20::contains));
  }

  @Test
  void typeFilterKeepsOneKind() throws Exception {
    JsonNode result = search("q", "chính quyền điện tử", "type", "news");
    assertTrue(result.get("total").asInt() > 0);
    result.get("hits").forEach(hit -> assertEquals("news", hit.get("type").asText()));
  }

  @Test
  void badDatesAreRejectedWithAClearMessage() throws Exception {
    HttpResponse<String> impossible = get("/api/search?q=x&from=2019-02-30");
    assertEquals(400, impossible.statusCode());
    assertEquals(
        "parameter 'from': impossible date '2019-02-30': Invalid date 'FEBRUARY 30'",
        JSON.readTree(impossible.body()).get("error").asText());

    HttpResponse<String> unreadable = get("/api/search?to=hôm-qua".replace("ô", "%C3%B4"));
    assertEquals(400, unreadable.statusCode());
    assertTrue(
        JSON.readTree(unreadable.body())
            .get("error")
            .asText()
            .contains("use YYYY-MM-DD or DD/MM/YYYY"));

    HttpResponse<String> reversed = get("/api/search?from=2019-08-20&to=2019-08-19");
    assertEquals(400, reversed.statusCode());
  }

  @Test
  void hostileQueriesNeverFail() throws Exception {
    for (String q :
        List.of("\"", "(((", "*:*", "a\\", "-", "<script>alert(1)</script>", "x".repeat(1001))) {
      HttpResponse<String> response =
          get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      assertTrue(
          response.statusCode() == 200 || response.statusCode() == 400,
          q + " -> " + response.body());
      assertFalse(response.body().contains("Exception"), response.body());
    }
  }

  @Test
  void healthAndPageAreServed() throws Exception {
    JsonNode health = JSON.readTree(get("/api/health").body());
    assertEquals("ok", health.get("status").asText());
    assertEquals(manifest.size(), health.get("documents").asInt());
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<form id=\"search\""));
    assertEquals(404, get("/api/nothing").statusCode());
  }
}
