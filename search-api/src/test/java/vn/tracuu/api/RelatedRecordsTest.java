package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/documents/{id}/related} over the indexed samples: a message's attachments and its
 * thread (the document view of the staff page lists both), under the same access rules as records.
 */
class RelatedRecordsTest {

  /** mbox message 8: the second reply in the thread started by message 6, with one attachment. */
  private static final String REPLY = "mail:mailbox:20190816154000.1259@hoason.gov.vn";

  private static final List<String> THREAD =
      List.of(
          "mail:mailbox:20190815092000.1185@hoason.gov.vn",
          "mail:mailbox:20190816100500.1222@hoason.gov.vn",
          REPLY);

  private static TestServer api;

  @BeforeAll
  static void start() {
    api = TestServer.get();
  }

  private static String path(String id) {
    return "/api/documents/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/related";
  }

  private static List<String> ids(JsonNode entries, String field) {
    List<String> ids = new ArrayList<>();
    entries.forEach(entry -> ids.add(entry.get(field).asText()));
    return ids;
  }

  @Test
  void aMessageListsItsAttachmentsAndItsThreadOldestFirst() throws Exception {
    JsonNode related = api.json(path(REPLY), TestServer.STAFF);
    assertEquals(REPLY, related.get("id").asText());
    assertEquals(List.of(REPLY + "!1"), ids(related.get("attachments"), "id"));
    assertEquals(
        List.of("Công văn 2047-UBND-VP chuẩn bị phiên họp.docx"),
        ids(related.get("attachments"), "title"));
    assertEquals(THREAD, ids(related.get("thread"), "id"));
    List<String> dates = ids(related.get("thread"), "date");
    assertEquals(dates.stream().sorted().toList(), dates);
  }

  @Test
  void anAttachmentShowsTheThreadOfItsMessage() throws Exception {
    JsonNode related = api.json(path(REPLY + "!1"), TestServer.STAFF);
    assertEquals(List.of(), ids(related.get("attachments"), "id"));
    assertEquals(THREAD, ids(related.get("thread"), "id"));
  }

  @Test
  void aDocumentHasNeitherAttachmentsNorThread() throws Exception {
    JsonNode related = api.json(path("file:archive:1952-QD-UBND.pdf"), TestServer.STAFF);
    assertEquals(0, related.get("attachments").size());
    assertEquals(0, related.get("thread").size());
  }

  @Test
  void hiddenRecordsAreNotFoundForOtherGroupsAndNeedSignInForVisitors() {
    assertEquals(404, api.get(path(REPLY), TestServer.OTHER).statusCode());
    assertEquals(401, api.get(path(REPLY), TestServer.ANONYMOUS).statusCode());
    assertEquals(404, api.get(path("nope"), TestServer.STAFF).statusCode());
  }
}
