package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, the answer is 200 or 400 with a message: never 500, never a stack trace.
 * Random queries are generated from a fixed seed (so a failure can be replayed) out of operators,
 * Vietnamese letters, regex and wildcard syntax, field prefixes and random code points.
 */
class HostileInputTest {

  private static final long SEED = 20190819L;
  private static final Caller STAFF = Caller.staff("fuzz", Set.of("staff"));
  private static final List<String> PIECES =
      List.of(
          "\"",
          "(",
          ")",
          "-",
          "|",
          " OR ",
          " AND ",
          "*",
          "?",
          "~",
          "~2",
          "^3",
          "\\",
          "/",
          ":",
          "[",
          "]",
          "{",
          "}",
          "+",
          "!",
          "&&",
          "/.*/",
          "a*",
          "*ng",
          "chính",
          "quyền",
          "điện",
          "tử",
          "chinh",
          "ĐẢNG",
          "ngày",
          "tháng",
          "năm",
          "19/8/2019",
          "31/2/2019",
          "8/2019",
          "13/2019",
          "from:",
          "to:",
          "subject:",
          "số:",
          "so:",
          "loai:",
          "ngay:",
          "ngay:x",
          "số:\"",
          "type:",
          "<script>",
          "&amp;",
          "%00",
          "\u0000",
          "\uFEFF",
          "\u200B",
          "\uD800",
          "\uDFFF",
          "😀",
          "̀",
          "ﷺ",
          "\t",
          "\n",
          " ",
          "  ",
          "NaN",
          "-1",
          "9999999999",
          "$(rm)",
          "'",
          "`");

  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.get();
  }

  private static String randomQuery(Random random) {
    StringBuilder q = new StringBuilder();
    int parts = 1 + random.nextInt(12);
    for (int i = 0; i < parts; i++) {
      if (random.nextInt(5) == 0) {
        q.appendCodePoint(randomCodePoint(random));
      } else {
        q.append(PIECES.get(random.nextInt(PIECES.size())));
      }
    }
    return q.toString();
  }

  private static int randomCodePoint(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> random.nextInt(0x80);
      case 1 -> 0x80 + random.nextInt(0x2FF80);
      default -> 0x1E00 + random.nextInt(0x100); // Vietnamese letters with marks
    };
  }

  @Test
  void randomQueriesAreAnsweredOrRejectedWithAMessage() throws Exception {
    Random random = new Random(SEED);
    int answered = 0;
    int rejected = 0;
    for (int i = 0; i < 3_000; i++) {
      String q = randomQuery(random);
      try {
        api.search.search(SearchRequest.of(q), STAFF);
        answered++;
      } catch (BadRequestException e) {
        assertFalse(e.getMessage().isBlank(), q);
        rejected++;
      } catch (RuntimeException e) {
        throw new AssertionError("query " + escape(q) + " failed: " + e, e);
      }
    }
    assertTrue(answered > 1_000, "most random queries are answerable: " + answered);
    assertTrue(rejected > 0, "some are rejected (impossible dates, empty prefixes): " + rejected);
  }

  @Test
  void overHttpTheAnswerIs200Or400WithoutInternals() throws Exception {
    Random random = new Random(SEED + 1);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      queries.add(randomQuery(random));
    }
    queries.addAll(
        List.of(
            "\"unbalanced",
            "((((((((((",
            "))))",
            "*",
            "*:*",
            "?ng",
            "/[a-z]+/",
            "a\\",
            "x".repeat(1_001),
            "a ".repeat(900), // too long
            manyDistinctWords(), // short enough, but too many clauses for one search
            "(a|b|c|d|e|f|g|h) ".repeat(20),
            "ngay:",
            "số:",
            "from:\"\""));
    for (String q : queries) {
      HttpResponse<String> response =
          api.get(
              "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), TestServer.STAFF);
      int status = response.statusCode();
      assertTrue(
          status == 200 || status == 400, escape(q) + " -> " + status + " " + response.body());
      assertFalse(response.body().contains("Exception"), response.body());
      assertFalse(response.body().contains("\tat "), response.body());
      if (status == 400) {
        assertFalse(TestServer.JSON.readTree(response.body()).get("error").asText().isBlank());
      }
    }
    // Bad values in every other parameter, too.
    for (String param :
        List.of(
            "page=-1",
            "page=x",
            "size=0",
            "size=1e9",
            "type=mail",
            "sort=%00",
            "from=%FF",
            "date=2019-02-29",
            "to=99/99/9999",
            "sender=" + "x".repeat(400))) {
      HttpResponse<String> response = api.get("/api/search?" + param, TestServer.STAFF);
      assertEquals(400, response.statusCode(), param + " -> " + response.body());
    }
  }

  @Test
  void tooManyClausesIsAClientError() {
    BadRequestException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            BadRequestException.class,
            () -> api.search.search(SearchRequest.of(manyDistinctWords()), STAFF));
    assertTrue(e.getMessage().contains("too many words"), e.getMessage());
  }

  @Test
  void hugeRequestsAreRefusedBeforeSearching() {
    HttpResponse<String> huge = api.get("/api/search?q=" + "a".repeat(20_000), TestServer.STAFF);
    // Jetty refuses request lines larger than its header buffer (8 KB) with 414 or 431.
    assertTrue(Set.of(400, 414, 431).contains(huge.statusCode()), "status " + huge.statusCode());
    assertFalse(huge.body().contains("Exception"), huge.body());
  }

  @Test
  void aSearchOverItsTimeBudgetSaysItIsPartial() throws Exception {
    try (SearchService slow = new SearchService(api.search.indexDir(), Duration.ZERO)) {
      SearchResponse response = slow.search(SearchRequest.of("chính quyền điện tử"), STAFF);
      assertTrue(response.partial(), "a zero budget cannot finish");
    }
    JsonNode normal = api.json("/api/search", TestServer.STAFF, "q", "chính quyền điện tử");
    assertFalse(normal.get("partial").asBoolean());
  }

  /** 330 different two-letter words (under the length limit), each searched in four fields. */
  private static String manyDistinctWords() {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 330; i++) {
      q.append((char) ('a' + i / 26)).append((char) ('a' + i % 26)).append(' ');
    }
    return q.toString();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u{%X}", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
