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
 * Findings under review through the API, on DynamoDB Local: every served finding has a fingerprint and a review;
 * dismissing a false error takes it out of the report's counts, status and the summaries (the as-read counts keep
 * it) and withdrawing puts it back; If-Match guards a write with the report's revision.
 */
class ReviewApiTest {
  static ApiStack stack;
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @BeforeAll
  static void start() {
    stack = new ApiStack().withSeedsAndB1Errors();
  }

  /** A report with errors, and its error findings. */
  static JsonNode reportWithErrors() {
    for (JsonNode row : stack.get("/reports?status=HAS_ERRORS&limit=50").json().path("items")) {
      return stack.get("/reports/" + row.path("id").asText()).json();
    }
    throw new AssertionError("the seeds have no report with errors");
  }

  static List<JsonNode> errors(String id) {
    List<JsonNode> out = new ArrayList<>();
    stack.get("/reports/" + id + "/findings?severity=error").json().path("findings").forEach(out::add);
    return out;
  }

  static ApiStack.Call review(String id, String fingerprint, String decision, Map<String, String> headers) {
    Map<String, String> h = new java.util.HashMap<>(JSON);
    h.putAll(headers);
    return stack.call("PUT", "/reports/" + id + "/findings/" + fingerprint + "/review", h,
        "{\"decision\":\"" + decision + "\",\"reason\":\"表格读取有误，原文数字相符\"}");
  }

  @Test
  void everyServedFindingHasAFingerprintAndReadingNotesNoReview() {
    JsonNode d = reportWithErrors();
    for (JsonNode f : d.path("report").path("findings")) {
      assertTrue(f.path("fingerprint").asText().matches("[0-9a-f]{16}"), f.toString());
      assertEquals(f.path("severity").asText().equals("note"), f.path("review").isMissingNode(), f.toString());
    }
    for (JsonNode f : errors(d.path("id").asText())) {
      assertEquals("pending", f.path("review").path("state").asText());
    }
    assertNotNull(d.get("revision"));
    assertEquals(d.path("errors").asInt(), d.path("asRead").path("errors").asInt());
  }

  @Test
  void dismissingAnErrorTakesItOutOfTheCountsStatusAndSummariesAndWithdrawingPutsItBack() {
    JsonNode d = reportWithErrors();
    String id = d.path("id").asText();
    int errors = d.path("errors").asInt();
    List<JsonNode> found = errors(id);
    JsonNode summary = stack.get("/summary").json();
    String rule = found.get(0).path("rule").asText();
    String fp = found.get(0).path("fingerprint").asText();

    ApiStack.Call c = review(id, fp, "dismissed", Map.of());

    assertEquals(200, c.status(), c.body());
    assertEquals("no-store", c.header("Cache-Control"));
    JsonNode r = c.json();
    assertEquals(errors - 1, r.path("errors").asInt());
    assertEquals(errors, r.path("asRead").path("errors").asInt());
    assertEquals("dismissed", r.path("finding").path("review").path("state").asText());
    assertEquals("local", r.path("finding").path("review").path("by").asText());
    JsonNode after = stack.get("/reports/" + id).json();
    assertEquals(errors - 1, after.path("errors").asInt());
    assertEquals(errors == 1 ? "VALID" : "HAS_ERRORS", after.path("status").asText());
    assertTrue(after.path("revision").asLong() > d.path("revision").asLong());
    JsonNode summaryAfter = stack.get("/summary").json();
    assertEquals(summary.path("errors").asInt() - 1, summaryAfter.path("errors").asInt());
    assertEquals(summary.path("findingsByRule").path(rule).asInt() - 1,
        summaryAfter.path("findingsByRule").path(rule).asInt(0));
    boolean listed = false;
    for (JsonNode f : after.path("report").path("findings")) {
      if (f.path("fingerprint").asText().equals(fp)) {
        listed = true;
        assertEquals("表格读取有误，原文数字相符", f.path("review").path("reason").asText());
      }
    }
    assertTrue(listed, "a dismissed finding is still listed");

    ApiStack.Call w = stack.call("DELETE", "/reports/" + id + "/findings/" + fp + "/review", Map.of(), null);
    assertEquals(200, w.status(), w.body());
    assertEquals(errors, w.json().path("errors").asInt());
    assertEquals("pending", w.json().path("finding").path("review").path("state").asText());
    assertEquals(summary.path("errors").asInt(), stack.get("/summary").json().path("errors").asInt());
  }

  @Test
  void aStaleIfMatchIs412AndTheCurrentRevisionIsTaken() {
    JsonNode d = reportWithErrors();
    String id = d.path("id").asText();
    String fp = errors(id).get(0).path("fingerprint").asText();
    long revision = stack.get("/reports/" + id).json().path("revision").asLong();
    ApiStack.Call stale = review(id, fp, "confirmed", Map.of("If-Match", "\"" + (revision - 1) + "\""));
    assertEquals(412, stale.status(), stale.body());
    assertTrue(stale.header("Content-Type").startsWith("application/problem+json"));
    ApiStack.Call ok = review(id, fp, "confirmed", Map.of("If-Match", "\"" + revision + "\""));
    assertEquals(200, ok.status(), ok.body());
    assertEquals("confirmed", ok.json().path("finding").path("review").path("state").asText());
    assertEquals(revision + 1, ok.json().path("revision").asLong());
    stack.call("DELETE", "/reports/" + id + "/findings/" + fp + "/review", Map.of(), null);
  }

  @Test
  void badRequestsAreProblems() {
    String id = reportWithErrors().path("id").asText();
    String fp = errors(id).get(0).path("fingerprint").asText();
    assertEquals(404, review(id, "0000000000000000", "dismissed", Map.of()).status());
    assertEquals(404, review("ffffffffffffffff-2022", fp, "dismissed", Map.of()).status());
    assertEquals(404, review(id, "not-a-fingerprint", "dismissed", Map.of()).status());
    assertEquals(400, review(id, fp, "maybe", Map.of()).status());
    assertEquals(400, stack.call("PUT", "/reports/" + id + "/findings/" + fp + "/review", JSON,
        "{\"decision\":\"dismissed\"}").status(), "a reason is required");
    assertEquals(415, stack.call("PUT", "/reports/" + id + "/findings/" + fp + "/review", Map.of(), "x").status());
    String note = null;
    for (JsonNode f : stack.get("/reports/" + id + "/findings?severity=note").json().path("findings")) {
      note = f.path("fingerprint").asText();
    }
    if (note != null) {
      assertEquals(409, review(id, note, "dismissed", Map.of()).status());
    }
  }
}
