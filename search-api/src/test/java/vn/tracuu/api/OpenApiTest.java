package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at /api/openapi.json describes what the server really answers: real
 * responses of every JSON endpoint, successes and errors, are validated (networknt JSON Schema
 * validator, OpenAPI 3.1 dialect) against the response schema the document declares for that path
 * and status.
 */
class OpenApiTest {

  /** Where the validator believes the document is; its $refs resolve inside it. */
  private static final String DOCUMENT = "https://tracuu.invalid/api/openapi.json";

  private static TestServer api;
  private static JsonNode doc;
  private static SchemaRegistry schemas;

  @BeforeAll
  static void start() throws Exception {
    api = TestServer.get();
    HttpResponse<String> served = api.get("/api/openapi.json", TestServer.STAFF);
    assertEquals(200, served.statusCode());
    doc = TestServer.JSON.readTree(served.body());
    schemas =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(), registry -> registry.schemas(Map.of(DOCUMENT, served.body())));
  }

  @Test
  void everyRouteIsDocumented() {
    Set<String> paths = new TreeSet<>();
    doc.get("paths").fieldNames().forEachRemaining(paths::add);
    assertEquals(
        new TreeSet<>(
            Set.of(
                "/api/search",
                "/api/news",
                "/api/documents/{id}",
                "/api/documents/{id}/original",
                "/api/documents/{id}/related",
                "/api/health",
                "/api/stats",
                "/api/openapi.json",
                "/metrics")),
        paths);
    assertTrue(doc.get("openapi").asText().startsWith("3."));
  }

  @Test
  void realResponsesMatchTheirSchemas() throws Exception {
    check("/api/search", "/api/search?q=chinh+quyen+dien+tu&size=100", TestServer.STAFF, 200);
    check("/api/search", "/api/search?type=attachment", TestServer.STAFF, 200);
    String cursor =
        api.json("/api/search", TestServer.STAFF, "q", "chinh quyen", "size", "2")
            .get("next_cursor")
            .asText();
    check(
        "/api/search",
        "/api/search" + TestServer.query("q", "chinh quyen", "size", "2", "cursor", cursor),
        TestServer.STAFF,
        200);
    check("/api/search", "/api/search?q=x&cursor=nope", TestServer.STAFF, 400);
    check("/api/search", "/api/search?type=document&size=100", TestServer.STAFF, 200);
    check("/api/search", "/api/search?q=%22&from=2019-02-30", TestServer.STAFF, 400);
    check("/api/search", "/api/search?q=x", TestServer.ANONYMOUS, 401);
    check("/api/news", "/api/news?date=19/8/2019", TestServer.ANONYMOUS, 200);
    check("/api/news", "/api/news?size=500", TestServer.ANONYMOUS, 400);
    String id =
        api.json("/api/search", TestServer.STAFF, "type", "email")
            .get("hits")
            .get(0)
            .get("id")
            .asText();
    String path =
        "/api/documents/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    check("/api/documents/{id}", path, TestServer.STAFF, 200);
    check(
        "/api/documents/{id}",
        "/api/documents/file:archive:1952-QD-UBND.pdf",
        TestServer.STAFF,
        200);
    check("/api/documents/{id}", "/api/documents/nope", TestServer.STAFF, 404);
    check("/api/documents/{id}", path, TestServer.ANONYMOUS, 401);
    check("/api/documents/{id}/original", "/api/documents/nope/original", TestServer.STAFF, 404);
    check("/api/documents/{id}/related", path + "/related", TestServer.STAFF, 200);
    check("/api/documents/{id}/related", "/api/documents/nope/related", TestServer.STAFF, 404);
    check("/api/documents/{id}/related", path + "/related", TestServer.ANONYMOUS, 401);
    check("/api/health", "/api/health", TestServer.ANONYMOUS, 200);
    check("/api/health", "/api/health", TestServer.STAFF, 200);
    check("/api/stats", "/api/stats", TestServer.STAFF, 200);
    check("/api/stats", "/api/stats", TestServer.ANONYMOUS, 401);
  }

  @Test
  void theCheckRejectsAnswersThatDoNotFit() throws Exception {
    ObjectNode answer =
        (ObjectNode) api.json("/api/search", TestServer.STAFF, "q", "chinh quyen", "size", "2");
    assertEquals(List.of(), errors("/api/search", 200, answer));
    ObjectNode extra = answer.deepCopy();
    extra.put("debug", "x");
    assertFalse(errors("/api/search", 200, extra).isEmpty(), "an undocumented field");
    ObjectNode missing = answer.deepCopy();
    missing.remove("total");
    assertFalse(errors("/api/search", 200, missing).isEmpty(), "a required field");
    ObjectNode wrongType = answer.deepCopy();
    ((ObjectNode) wrongType.get("hits").get(0)).put("date", 5);
    assertFalse(errors("/api/search", 200, wrongType).isEmpty(), "a hit's date as a number");
  }

  private static void check(String documented, String request, String auth, int status)
      throws Exception {
    HttpResponse<String> response = api.get(request, auth);
    assertEquals(status, response.statusCode(), request + ": " + response.body());
    assertEquals(
        List.of(), errors(documented, status, TestServer.JSON.readTree(response.body())), request);
  }

  /** What the validator finds wrong with {@code answer} as the documented answer. */
  private static List<String> errors(String documented, int status, JsonNode answer) {
    String pointer =
        "/paths/"
            + documented.replace("~", "~0").replace("/", "~1")
            + "/get/responses/"
            + status
            + "/content/application~1json/schema";
    assertTrue(!doc.at(pointer).isMissingNode(), "no schema for " + documented + " " + status);
    Schema schema =
        schemas.getSchema(
            SchemaLocation.of(DOCUMENT + "#" + pointer.replace("{", "%7B").replace("}", "%7D")));
    return schema.validate(answer).stream().map(Error::toString).toList();
  }
}
