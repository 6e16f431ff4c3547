package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at /api/openapi.json describes what the server really answers: real
 * responses of every JSON endpoint, successes and errors, are checked against the response schema
 * the document declares for that path and status. The checker below covers the JSON Schema keywords
 * the document uses ($ref, type, required, properties, additionalProperties, items, enum, pattern,
 * minimum, maximum) and fails on any other keyword, so the document cannot drift beyond what is
 * checked.
 */
class OpenApiTest {

  private static final Set<String> KNOWN =
      Set.of(
          "$ref",
          "type",
          "required",
          "properties",
          "additionalProperties",
          "items",
          "enum",
          "pattern",
          "minimum",
          "maximum",
          "description",
          "default",
          "format");

  private static TestServer api;
  private static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    api = TestServer.get();
    doc = api.json("/api/openapi.json", TestServer.STAFF);
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
    check("/api/health", "/api/health", TestServer.ANONYMOUS, 200);
    check("/api/health", "/api/health", TestServer.STAFF, 200);
    check("/api/stats", "/api/stats", TestServer.STAFF, 200);
    check("/api/stats", "/api/stats", TestServer.ANONYMOUS, 401);
  }

  private static void check(String documented, String request, String auth, int status)
      throws Exception {
    HttpResponse<String> response = api.get(request, auth);
    assertEquals(status, response.statusCode(), request + ": " + response.body());
    JsonNode schema =
        doc.at(
            "/paths/"
                + documented.replace("~", "~0").replace("/", "~1")
                + "/get/responses/"
                + status
                + "/content/application~1json/schema");
    assertTrue(!schema.isMissingNode(), "no schema for " + documented + " " + status);
    List<String> errors = new ArrayList<>();
    validate(schema, TestServer.JSON.readTree(response.body()), "$", errors);
    assertEquals(List.of(), errors, request);
  }

  private static void validate(JsonNode schema, JsonNode value, String at, List<String> errors) {
    schema
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!KNOWN.contains(k)) {
                errors.add(at + ": schema keyword '" + k + "' is not checked by this test");
              }
            });
    if (schema.has("$ref")) {
      validate(doc.at(schema.get("$ref").asText().substring(1)), value, at, errors);
      return;
    }
    if (schema.has("type")) {
      List<String> types = new ArrayList<>();
      if (schema.get("type").isArray()) {
        schema.get("type").forEach(t -> types.add(t.asText()));
      } else {
        types.add(schema.get("type").asText());
      }
      if (types.stream().noneMatch(t -> hasType(value, t))) {
        errors.add(at + ": expected " + types + ", got " + value.getNodeType());
        return;
      }
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode option : schema.get("enum")) {
        listed |= option.equals(value);
      }
      if (!listed) {
        errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (schema.has("pattern")
        && value.isTextual()
        && !java.util.regex.Pattern.compile(schema.get("pattern").asText())
            .matcher(value.asText())
            .find()) {
      errors.add(at + ": '" + value.asText() + "' does not match " + schema.get("pattern"));
    }
    if (schema.has("minimum")
        && value.isNumber()
        && value.asDouble() < schema.get("minimum").asDouble()) {
      errors.add(at + ": " + value + " < minimum");
    }
    if (schema.has("maximum")
        && value.isNumber()
        && value.asDouble() > schema.get("maximum").asDouble()) {
      errors.add(at + ": " + value + " > maximum");
    }
    if (value.isObject()) {
      if (schema.has("required")) {
        for (JsonNode name : schema.get("required")) {
          if (!value.has(name.asText())) {
            errors.add(at + ": missing required '" + name.asText() + "'");
          }
        }
      }
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.get("additionalProperties");
      value
          .fields()
          .forEachRemaining(
              field -> {
                String child = at + "." + field.getKey();
                if (properties.has(field.getKey())) {
                  validate(properties.get(field.getKey()), field.getValue(), child, errors);
                } else if (additional != null
                    && additional.isBoolean()
                    && !additional.asBoolean()) {
                  errors.add(child + ": not in the schema");
                } else if (additional != null && additional.isObject()) {
                  validate(additional, field.getValue(), child, errors);
                }
              });
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        validate(schema.get("items"), value.get(i), at + "[" + i + "]", errors);
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> false;
    };
  }
}
