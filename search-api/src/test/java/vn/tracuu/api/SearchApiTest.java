package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tracuu.analysis.DiacriticFolder;

/** Filters, sort, paging, facets and the query language of /api/search, over the samples. */
class SearchApiTest {

  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.get();
  }

  private static JsonNode search(String... params) throws IOException {
    return api.json("/api/search", TestServer.STAFF, params);
  }

  private static Set<String> ids(JsonNode result) {
    Set<String> ids = new TreeSet<>();
    result.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  private static List<JsonNode> hits(JsonNode result) {
    List<JsonNode> hits = new ArrayList<>();
    result.get("hits").forEach(hits::add);
    return hits;
  }

  private static String folded(String s) {
    return DiacriticFolder.fold(s).toLowerCase(java.util.Locale.ROOT);
  }

  @Test
  void facetsAreCountedUnderTheSameFiltersAsTheHits() throws Exception {
    JsonNode all = search("q", "chính quyền điện tử", "size", "100");
    long total = all.get("total").asLong();
    assertTrue(total > 10);
    long typeSum = 0;
    for (JsonNode value : all.get("facets").get("type")) {
      typeSum += value.get("count").asLong();
    }
    assertEquals(total, typeSum);
    for (String dim : List.of("type", "year", "month", "sender", "agency", "doc_type")) {
      assertTrue(all.get("facets").has(dim), dim);
    }
    assertFalse(all.get("facets").get("sender").isEmpty());
    assertFalse(all.get("facets").get("doc_type").isEmpty());

    JsonNode emails = search("q", "chính quyền điện tử", "type", "email");
    JsonNode types = emails.get("facets").get("type");
    assertEquals(1, types.size(), types.toString());
    assertEquals("email", types.get(0).get("value").asText());
    assertEquals(emails.get("total").asLong(), types.get(0).get("count").asLong());
    long months = 0;
    for (JsonNode value : emails.get("facets").get("month")) {
      months += value.get("count").asLong();
    }
    assertEquals(emails.get("total").asLong(), months);
  }

  @Test
  void senderFilterAndFromPrefixKeepOneSender() throws Exception {
    JsonNode emails = search("type", "email", "size", "1");
    String sender = emails.get("hits").get(0).get("sender").asText();
    String address = sender.replaceAll(".*<([^>]+)>.*", "$1");
    JsonNode bySender = search("sender", address, "size", "100");
    assertTrue(bySender.get("total").asInt() > 0);
    hits(bySender)
        .forEach(hit -> assertTrue(hit.get("sender").asText().contains(address), hit.toString()));
    assertEquals(ids(bySender), ids(search("q", "from:" + address, "size", "100")));
    // Facet values are accepted back as filters (drill-down).
    String facetValue =
        search("type", "email").get("facets").get("sender").get(0).get("value").asText();
    JsonNode drilled = search("sender", facetValue, "size", "100");
    hits(drilled)
        .forEach(hit -> assertEquals(folded(facetValue), folded(hit.get("sender").asText())));
    // Excluding the sender removes exactly those records.
    JsonNode without = search("q", "-from:" + address, "type", "email", "size", "100");
    assertFalse(ids(without).stream().anyMatch(ids(bySender)::contains));
  }

  @Test
  void recipientFilterAndToPrefix() throws Exception {
    JsonNode email = search("type", "email", "size", "1").get("hits").get(0);
    String recipient = email.get("recipients").get(0).asText().replaceAll(".*<([^>]+)>.*", "$1");
    JsonNode byRecipient = search("recipient", recipient, "size", "100");
    assertTrue(ids(byRecipient).contains(email.get("id").asText()));
    assertEquals(ids(byRecipient), ids(search("q", "to:" + recipient, "size", "100")));
  }

  @Test
  void documentNumberTypeAgencyAndSignerFilters() throws Exception {
    String id = "file:archive:1952-QD-UBND.pdf";
    for (String q : List.of("số:1952/QĐ-UBND", "so:1952/qd-ubnd", "số:\"1952/QĐ-UBND\"")) {
      assertEquals(Set.of(id), ids(search("q", q)), q);
    }
    assertEquals(Set.of(id), ids(search("doc_number", "1952 / QĐ-UBND")));

    JsonNode decisions = search("q", "loai:\"quyet dinh\"", "size", "100");
    assertTrue(decisions.get("total").asInt() >= 2);
    hits(decisions)
        .forEach(hit -> assertEquals("quyet dinh", folded(hit.get("doc_type").asText())));
    assertEquals(ids(decisions), ids(search("doc_type", "Quyết định", "size", "100")));

    JsonNode document = api.json("/api/documents/" + id, TestServer.STAFF);
    assertEquals("1952/QĐ-UBND", document.get("doc_number").asText());
    JsonNode signed =
        hits(search("type", "document", "size", "100")).stream()
            .filter(hit -> hit.has("signer") && hit.has("agency"))
            .findFirst()
            .orElseThrow();
    String signedId = signed.get("id").asText();
    String signer = signed.get("signer").asText();
    JsonNode bySigner = search("signer", signer, "size", "100");
    assertTrue(ids(bySigner).contains(signedId));
    hits(bySigner)
        .forEach(hit -> assertTrue(folded(hit.get("signer").asText()).contains(folded(signer))));
    String agency = signed.get("agency").asText();
    JsonNode byAgency = search("agency", agency, "size", "100");
    assertTrue(ids(byAgency).contains(signedId));
    hits(byAgency)
        .forEach(hit -> assertTrue(folded(hit.get("agency").asText()).contains(folded(agency))));
  }

  @Test
  void folderAndSourceFilters() throws Exception {
    JsonNode portal = search("source", "portal", "size", "100");
    assertEquals(24, portal.get("total").asInt());
    hits(portal).forEach(hit -> assertEquals("news", hit.get("type").asText()));
    JsonNode inbox = search("folder", "INBOX", "size", "100");
    assertTrue(inbox.get("total").asInt() > 0);
    for (JsonNode hit : hits(inbox)) {
      List<String> folders = new ArrayList<>();
      hit.get("folders").forEach(f -> folders.add(f.asText()));
      assertTrue(folders.contains("INBOX"), hit.toString());
    }
  }

  @Test
  void datesTypedIntoTheQueryAreFilters() throws Exception {
    Set<String> day = ids(search("q", "chính quyền điện tử", "date", "2019-08-19", "size", "100"));
    assertFalse(day.isEmpty());
    assertEquals(day, ids(search("q", "chính quyền điện tử ngày 19/8/2019", "size", "100")));
    assertEquals(day, ids(search("q", "chinh quyen dien tu ngay:19/8/2019", "size", "100")));
    assertEquals(
        day, ids(search("q", "ngày 19 tháng 8 năm 2019 chính quyền điện tử", "size", "100")));

    Set<String> august =
        ids(
            search(
                "q",
                "chính quyền điện tử",
                "from",
                "2019-08-01",
                "to",
                "2019-08-31",
                "size",
                "100"));
    assertTrue(august.containsAll(day) && august.size() > day.size());
    assertEquals(august, ids(search("q", "chính quyền điện tử tháng 8/2019", "size", "100")));
    assertEquals(august, ids(search("q", "chính quyền điện tử ngay:8/2019", "size", "100")));
    assertEquals(
        400, api.get("/api/search?q=" + enc("ngay:31/2/2019"), TestServer.STAFF).statusCode());
  }

  @Test
  void subjectPrefixSearchesTitlesOnly() throws Exception {
    JsonNode result = search("q", "subject:\"thiên tai\"", "size", "100");
    assertTrue(result.get("total").asInt() > 0);
    hits(result)
        .forEach(
            hit ->
                assertTrue(
                    folded(hit.get("title").asText()).contains("thien tai"), hit.toString()));
  }

  @Test
  void sortNewestAndOldest() throws Exception {
    List<String> newest = new ArrayList<>();
    hits(search("q", "chính quyền điện tử", "sort", "newest", "size", "50"))
        .forEach(hit -> newest.add(hit.get("date").asText()));
    assertEquals(newest.stream().sorted(Comparator.reverseOrder()).toList(), newest);
    List<String> oldest = new ArrayList<>();
    hits(search("q", "chính quyền điện tử", "sort", "oldest", "size", "50"))
        .forEach(hit -> oldest.add(hit.get("date").asText()));
    assertEquals(oldest.stream().sorted().toList(), oldest);
    assertEquals(400, api.get("/api/search?sort=random", TestServer.STAFF).statusCode());
  }

  @Test
  void pagesFollowEachOtherAndSizeIsCapped() throws Exception {
    List<String> ten = new ArrayList<>();
    hits(search("q", "chính quyền điện tử", "size", "10"))
        .forEach(h -> ten.add(h.get("id").asText()));
    List<String> paged = new ArrayList<>();
    for (String page : List.of("1", "2")) {
      hits(search("q", "chính quyền điện tử", "size", "5", "page", page))
          .forEach(h -> paged.add(h.get("id").asText()));
    }
    assertEquals(ten, paged);
    assertEquals(400, api.get("/api/search?size=101", TestServer.STAFF).statusCode());
    assertEquals(400, api.get("/api/search?size=100&page=101", TestServer.STAFF).statusCode());
  }

  @Test
  void attachmentsNameTheirMessage() throws Exception {
    JsonNode attachments = search("type", "attachment", "size", "100");
    assertEquals(6, attachments.get("total").asInt());
    for (JsonNode hit : hits(attachments)) {
      JsonNode parent = hit.get("parent");
      assertNotNull(parent, hit.toString());
      assertEquals(hit.get("parent_id").asText(), parent.get("id").asText());
      assertFalse(parent.get("title").asText().isBlank());
      assertTrue(parent.get("date").asText().endsWith("+07:00"));
    }
  }

  @Test
  void snippetsEscapeEverythingButOurMark() throws Exception {
    Set<String> seen = new HashSet<>();
    for (JsonNode hit : hits(search("q", "chính quyền", "size", "100"))) {
      String snippet = hit.get("snippet").asText();
      String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
      assertFalse(withoutMarks.contains("<") || withoutMarks.contains(">"), snippet);
      seen.add(hit.get("type").asText());
    }
    assertTrue(seen.size() >= 3);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
