package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who sees what: anonymous callers get news and health only; a token of another group sees only
 * public records, also in facets, counts, ids and originals; staff see the archive.
 */
class AccessControlTest {

  private static final String EMAIL_ID =
      "mail:mailbox:20190218081500.1000@hoason.gov.vn"; // the first message of the mbox
  private static final String DOCUMENT_ID = "file:archive:1952-QD-UBND.pdf";

  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.get();
  }

  @Test
  void anonymousCallersReachOnlyNewsHealthAndThePage() throws Exception {
    for (String path :
        List.of(
            "/api/search?q=x",
            "/api/search",
            "/api/documents/" + EMAIL_ID,
            "/api/documents/" + DOCUMENT_ID + "/original",
            "/api/stats",
            "/api/openapi.json",
            "/metrics")) {
      HttpResponse<String> response = api.get(path, TestServer.ANONYMOUS);
      assertEquals(401, response.statusCode(), path);
      assertTrue(response.headers().firstValue("WWW-Authenticate").isPresent(), path);
      assertFalse(response.body().contains("hoason"), response.body());
    }
    // The staff page signs in with its own form: no browser login dialog for its requests.
    HttpResponse<String> fromPage =
        api.send(
            "/api/search?q=x",
            TestServer.ANONYMOUS,
            HttpResponse.BodyHandlers.ofString(),
            java.util.Map.of("X-Requested-With", "fetch"));
    assertEquals(401, fromPage.statusCode());
    assertFalse(fromPage.headers().firstValue("WWW-Authenticate").isPresent());
    JsonNode health = api.json("/api/health", TestServer.ANONYMOUS);
    assertEquals("ok", health.get("status").asText());
    assertFalse(health.has("documents"), "no counts for anonymous callers");
    assertEquals(200, api.get("/", TestServer.ANONYMOUS).statusCode());
  }

  @Test
  void newsIsPublicNewsOnlyNewestFirst() throws Exception {
    JsonNode news = api.json("/api/news", TestServer.ANONYMOUS, "size", "100");
    assertEquals(24, news.get("total").asInt());
    String previous = "9999";
    for (JsonNode hit : news.get("hits")) {
      assertEquals("news", hit.get("type").asText());
      String date = hit.get("date").asText();
      assertTrue(date.compareTo(previous) <= 0, "newest first");
      previous = date;
    }
    assertFalse(news.has("facets"));
    // A query that matches mail and documents still returns news only, also for staff.
    JsonNode day =
        api.json("/api/news", TestServer.STAFF, "q", "chính quyền điện tử", "date", "19/8/2019");
    assertTrue(day.get("total").asInt() > 0);
    day.get("hits").forEach(hit -> assertEquals("news", hit.get("type").asText()));
    assertEquals(400, api.get("/api/news?date=2019-13-01", TestServer.ANONYMOUS).statusCode());
  }

  @Test
  void anotherGroupSeesOnlyPublicRecordsEverywhere() throws Exception {
    JsonNode result =
        api.json("/api/search", TestServer.OTHER, "q", "chính quyền điện tử", "size", "100");
    result.get("hits").forEach(hit -> assertEquals("news", hit.get("type").asText()));
    JsonNode types = result.get("facets").get("type");
    assertEquals(1, types.size(), types.toString());
    assertEquals("news", types.get(0).get("value").asText());
    assertTrue(result.get("facets").get("sender").isEmpty());
    assertTrue(result.get("facets").get("doc_type").isEmpty());

    assertEquals(404, api.get("/api/documents/" + EMAIL_ID, TestServer.OTHER).statusCode());
    HttpResponse<String> original =
        api.get("/api/documents/" + DOCUMENT_ID + "/original", TestServer.OTHER);
    assertEquals(404, original.statusCode());
    assertEquals(
        "no such record: " + DOCUMENT_ID,
        TestServer.JSON.readTree(original.body()).get("error").asText(),
        "the same answer as for an id that does not exist");

    JsonNode stats = api.json("/api/stats", TestServer.OTHER);
    assertEquals(24, stats.get("records").asInt());
    assertEquals(List.of("news"), iterate(stats.get("by_type").fieldNames()));
  }

  @Test
  void staffSignInWithATokenOrAPassword() throws Exception {
    JsonNode byToken = api.json("/api/stats", TestServer.STAFF);
    assertEquals(api.report.records(), byToken.get("records").asInt());
    JsonNode byPassword =
        api.json("/api/stats", TestServer.basic(TestServer.USER, TestServer.PASSWORD));
    assertEquals(byToken.get("records"), byPassword.get("records"));

    assertEquals(401, api.get("/api/stats", TestServer.basic(TestServer.USER, "sai")).statusCode());
    assertEquals(401, api.get("/api/stats", "Bearer nope").statusCode());
    assertEquals(
        401,
        api.get("/api/news", "Bearer nope").statusCode(),
        "bad credentials are never anonymous");
    assertEquals(401, api.get("/api/stats", "Digest x").statusCode());
    assertEquals(401, api.get("/api/stats", "Basic %%%").statusCode());
  }

  @Test
  void recordsAndOriginalsForStaff() throws Exception {
    JsonNode document = api.json("/api/documents/" + DOCUMENT_ID, TestServer.STAFF);
    assertEquals("document", document.get("type").asText());
    assertTrue(document.get("text").asText().contains("Chính quyền điện tử"));
    assertFalse(document.has("locator"));

    HttpResponse<byte[]> pdf =
        api.send(
            "/api/documents/" + DOCUMENT_ID + "/original",
            TestServer.STAFF,
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    assertArrayEquals(
        Files.readAllBytes(SampleArchive.root().resolve("documents/1952-QD-UBND.pdf")), pdf.body());
    String disposition = pdf.headers().firstValue("Content-Disposition").orElseThrow();
    assertTrue(disposition.startsWith("attachment; filename=\"1952-QD-UBND.pdf\""), disposition);
    assertEquals("nosniff", pdf.headers().firstValue("X-Content-Type-Options").orElseThrow());

    HttpResponse<String> message =
        api.get("/api/documents/" + EMAIL_ID + "/original", TestServer.STAFF);
    assertEquals(200, message.statusCode());
    assertTrue(message.body().contains("Message-ID: <20190218081500.1000@hoason.gov.vn>"));
    assertFalse(
        message.body().startsWith("From "), "the mbox separator is not part of the message");
    assertTrue(message.headers().firstValue("Content-Disposition").orElseThrow().contains(".eml"));

    assertEquals(404, api.get("/api/documents/nope", TestServer.STAFF).statusCode());
  }

  @Test
  void contentDispositionIsSafeForAnyName() {
    String header = ApiServer.contentDisposition("a\"b\r\nX-Evil: 1;../Báo cáo.pdf");
    assertFalse(header.contains("\r") || header.contains("\n"));
    assertTrue(header.startsWith("attachment; filename=\"a_b__X-Evil__1_.._B_o_c_o.pdf\""), header);
    assertTrue(
        header.contains("filename*=UTF-8''a%22b%0D%0AX-Evil%3A%201%3B..%2FB%C3%A1o%20c%C3%A1o.pdf"),
        header);
  }

  @Test
  void originalsNeverLeaveTheirSourceRoot() throws Exception {
    OriginalFiles originals = new OriginalFiles(api.config.sources());
    for (String locator : List.of("../manifest.tsv", "../../README.md", "/etc/passwd")) {
      StoredRecord record =
          new StoredRecord(
              "x",
              "document",
              null,
              null,
              null,
              null,
              List.of(),
              List.of(),
              List.of(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              "archive",
              null,
              null,
              locator);
      try {
        originals.read(record);
        throw new AssertionError("read " + locator);
      } catch (OriginalFiles.Unavailable expected) {
        assertFalse(expected.getMessage().contains("/"), expected.getMessage());
      }
    }
  }

  @Test
  void corsAllowsTheConfiguredOriginOnly() throws Exception {
    var allowed =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + api.server.port() + "/api/news"))
                    .header("Origin", "https://portal.example.vn")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(
        "https://portal.example.vn",
        allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    var other =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + api.server.port() + "/api/news"))
                    .header("Origin", "https://evil.example")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    // A browser asks before sending the Authorization header to another origin.
    var preflight =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + api.server.port() + "/api/search?q=x"))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://portal.example.vn")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, preflight.statusCode(), preflight.body());
    assertEquals(
        "https://portal.example.vn",
        preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertFalse(preflight.body().contains("hoason"));
  }

  @Test
  void metricsAreExposedForStaff() {
    api.get("/api/news", TestServer.ANONYMOUS);
    HttpResponse<String> metrics = api.get("/metrics", TestServer.STAFF);
    assertEquals(200, metrics.statusCode());
    assertTrue(
        metrics.body().contains("tracuu_http_requests_seconds_count{route=\"/api/news\""),
        metrics.body());
    assertTrue(metrics.body().contains("tracuu_index_records"));
  }

  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
