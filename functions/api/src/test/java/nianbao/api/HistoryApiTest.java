package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit history through the API, on DynamoDB Local: each review decision and correction is listed newest first
 * with who (the token's subject, or the local user), when, before and after, paged by sealed cursors.
 */
class HistoryApiTest {
  static ApiStack stack;
  static String id;
  static String other;
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  static final String CELL = "{\"location\":{\"section\":\"三\",\"row\":\"newReceived\",\"column\":\"naturalPerson\"},"
      + "\"value\":%d,\"reason\":\"%s\"}";

  @BeforeAll
  static void start() {
    stack = new ApiStack();
    stack.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    stack.upload("uploads/b.txt", ApiStack.seed(ApiStack.seedNames().get(0)));
    for (JsonNode row : stack.get("/reports").json().path("items")) {
      if (row.path("agency").asText().contains("新乡县")) {
        id = row.path("id").asText();
      } else {
        other = row.path("id").asText();
      }
    }
  }

  static String warning() {
    for (JsonNode f : stack.get("/reports/" + id + "/findings").json().path("findings")) {
      if (!f.path("severity").asText().equals("note")) {
        return f.path("fingerprint").asText();
      }
    }
    throw new AssertionError("no finding to review");
  }

  @Test
  void decisionsAndCorrectionsAreListedNewestFirstWithWhoAndBeforeAndAfterAndPagedBySealedCursors() {
    String fp = warning();
    String review = "/reports/" + id + "/findings/" + fp + "/review";
    assertEquals(200, stack.call("PUT", review, JSON, "{\"decision\":\"confirmed\",\"reason\":\"属实\"}").status());
    ApiStack.Call bob = stack.call("PUT", review, JSON, "{\"decision\":\"dismissed\",\"reason\":\"误报\"}", Map.of(
        "sub", "bob-sub", "cognito:username", "bob", "cognito:groups", "[reviewer]"));
    assertEquals(200, bob.status(), bob.body());
    ApiStack.Call c = stack.call("POST", "/reports/" + id + "/corrections", JSON, String.format(CELL, 14, "原文为 14"));
    assertEquals(201, c.status(), c.body());
    long revision = c.json().path("revision").asLong();
    assertEquals(200, stack.call("DELETE", "/reports/" + id + "/corrections/" + c.json().path("correction")
        .path("id").asText(), Map.of(), null).status());

    ApiStack.Call h = stack.get("/reports/" + id + "/history");
    assertEquals(200, h.status(), h.body());
    JsonNode items = h.json().path("items");
    List<String> actions = new ArrayList<>();
    items.forEach(e -> actions.add(e.path("action").asText()));
    assertEquals(List.of("correction.withdrawn", "correction", "review", "review"), actions);
    JsonNode correction = items.get(1);
    assertEquals("local", correction.path("by").asText(), "no authorizer: the one local user");
    assertEquals("三/newReceived/naturalPerson", correction.path("target").asText());
    assertTrue(correction.path("before").isNull());
    assertEquals("14", correction.path("after").path("value").asText());
    assertEquals("13", correction.path("after").path("asRead").asText());
    assertEquals(revision, correction.path("revision").asLong());
    JsonNode dismissal = items.get(2);
    assertEquals("bob-sub", dismissal.path("by").asText(), "the token's subject");
    assertEquals("confirmed", dismissal.path("before").path("decision").asText());
    assertEquals("dismissed", dismissal.path("after").path("decision").asText());
    assertEquals(fp, dismissal.path("target").asText());
    assertTrue(items.get(0).path("at").asText().compareTo(items.get(3).path("at").asText()) >= 0);

    // paged one by one, the same entries in the same order
    List<String> paged = new ArrayList<>();
    String next = "/reports/" + id + "/history?limit=1";
    while (next != null) {
      ApiStack.Call page = stack.get(next);
      assertEquals(200, page.status(), page.body());
      page.json().path("items").forEach(e -> paged.add(e.path("action").asText()));
      String cursor = page.json().path("cursor").isNull() ? null : page.json().path("cursor").asText();
      if (cursor != null) {
        assertNotNull(page.header("Link"));
        assertEquals(400, stack.get("/reports/" + other + "/history?cursor=" + ApiStack.enc(cursor)).status(),
            "a cursor of another report's history");
        assertEquals(400, stack.get("/reports/" + id + "/history?cursor=" + ApiStack.enc(cursor.substring(1)
            + "x")).status(), "an altered cursor");
      }
      next = cursor == null ? null : "/reports/" + id + "/history?limit=1&cursor=" + ApiStack.enc(cursor);
    }
    assertEquals(actions, paged);
  }

  @Test
  void aReportNobodyChangedHasAnEmptyHistoryAndAnUnknownOneIsA404() {
    assertEquals(0, stack.get("/reports/" + other + "/history").json().path("items").size());
    assertEquals(404, stack.get("/reports/ffffffffffffffff-2022/history").status());
    assertEquals(400, stack.get("/reports/" + id + "/history?limit=0").status());
  }
}
