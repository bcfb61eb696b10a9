package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Review states through the API, on DynamoDB Local: every readable report has a {@code reviewState} on its list
 * row and its detail; {@code review=} filters lists combined with the other filters and every order; the summary
 * counts reports per state; deciding every error moves a report from PENDING to REVIEWED.
 */
class ReviewStatesApiTest {
  static ApiStack stack;
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @BeforeAll
  static void start() {
    stack = new ApiStack().withSeedsAndB1Errors();
  }

  static List<String> ids(String query) {
    List<String> out = new ArrayList<>();
    String next = "/reports?" + query;
    for (int pages = 0; next != null; pages++) {
      assertTrue(pages < 100, "a list that never ends: " + query);
      JsonNode page = stack.get(next).json();
      page.path("items").forEach(row -> out.add(row.path("id").asText()));
      String cursor = page.path("cursor").isNull() ? null : page.path("cursor").asText();
      next = cursor == null ? null : "/reports?" + query + "&cursor=" + java.net.URLEncoder.encode(cursor,
          java.nio.charset.StandardCharsets.UTF_8);
    }
    return out;
  }

  static String withErrors() {
    return stack.get("/reports?status=HAS_ERRORS&limit=1").json().path("items").get(0).path("id").asText();
  }

  @Test
  void rowsAndDetailCarryTheStateAndTheFilterCombinesWithTheOthers() {
    String id = withErrors();
    JsonNode d = stack.get("/reports/" + id).json();
    assertEquals("PENDING", d.path("reviewState").asText(), "errors nobody decided on");
    int year = d.path("year").asInt();
    for (JsonNode row : stack.get("/reports?limit=200").json().path("items")) {
      String expected = row.path("status").asText().equals("REJECTED") ? null
          : row.path("status").asText().equals("HAS_ERRORS") ? "PENDING" : "REVIEWED";
      assertEquals(expected, row.path("reviewState").isNull() ? null : row.path("reviewState").asText(),
          row.toString());
    }
    for (String sort : List.of("newest", "errors", "agency")) {
      List<String> pending = ids("review=PENDING&sort=" + sort + "&limit=1");
      assertTrue(pending.contains(id), sort);
      assertEquals(ids("status=HAS_ERRORS&sort=" + sort), pending, "only reports with errors wait");
      assertEquals(List.of(), ids("review=PENDING&status=VALID&sort=" + sort));
      assertTrue(ids("review=PENDING&year=" + year + "&province=河南省&sort=" + sort).contains(id));
      assertFalse(ids("review=REVIEWED&sort=" + sort).contains(id));
    }
    assertTrue(ids("review=PENDING&rule=B1").contains(id), "a list by rule (rule items) filters too");
    assertEquals(List.of(), ids("review=NOTIFIED"));
    assertEquals(400, stack.get("/reports?review=DONE").status());
  }

  @Test
  void decidingEveryErrorMakesTheReportReviewedInListsAndSummaries() {
    String id = withErrors();
    JsonNode before = stack.get("/summary").json().path("byReviewState");
    List<JsonNode> errors = new ArrayList<>();
    stack.get("/reports/" + id + "/findings?severity=error").json().path("findings").forEach(errors::add);
    for (JsonNode f : errors) {
      ApiStack.Call c = stack.call("PUT", "/reports/" + id + "/findings/" + f.path("fingerprint").asText()
          + "/review", JSON, "{\"decision\":\"confirmed\",\"reason\":\"核对原文，确有此误\"}");
      assertEquals(200, c.status(), c.body());
    }
    assertEquals("REVIEWED", stack.get("/reports/" + id).json().path("reviewState").asText());
    assertTrue(ids("review=REVIEWED&sort=errors").contains(id));
    assertFalse(ids("review=PENDING").contains(id));
    JsonNode after = stack.get("/summary").json().path("byReviewState");
    assertEquals(before.path("PENDING").asInt() - 1, after.path("PENDING").asInt());
    assertEquals(before.path("REVIEWED").asInt() + 1, after.path("REVIEWED").asInt());
    for (JsonNode f : errors) {
      stack.call("DELETE", "/reports/" + id + "/findings/" + f.path("fingerprint").asText() + "/review", Map.of(),
          null);
    }
    assertEquals("PENDING", stack.get("/reports/" + id).json().path("reviewState").asText());
    assertEquals(before, stack.get("/summary").json().path("byReviewState"));
  }
}
