package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deleting a report (issue 17.5) through the API, on DynamoDB Local and s3proxy: administrators only, a soft delete
 * that leaves lists and summaries at once and keeps the files, restored exactly, in the history — and purged for
 * good, files included, once the retention period is over.
 */
class DeletionApiTest {
  static final Map<String, String> ADMIN = Map.of("sub", "admin-sub", "cognito:groups", "[admin reviewer]");
  static final Map<String, String> REVIEWER = Map.of("sub", "reviewer-sub", "cognito:groups", "[reviewer]");

  /** The summary without its time of update. */
  static JsonNode summary(ApiStack stack) {
    com.fasterxml.jackson.databind.node.ObjectNode s = (com.fasterxml.jackson.databind.node.ObjectNode)
        stack.get("/summary").json();
    s.remove("updatedAt");
    return s;
  }

  @Test
  void onlyAnAdministratorDeletesAndRestoresAndTheReportComesBackExactly() {
    ApiStack stack = new ApiStack(c -> c.withAuth(true, false));
    stack.upload("uploads/x.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    stack.upload("uploads/y.txt", ApiStack.seed(ApiStack.seedNames().get(0)));
    String id = stack.get("/reports?agency=" + ApiStack.enc("新乡县")).json().path("items").get(0).path("id").asText();
    JsonNode before = stack.get("/reports/" + id).json();
    JsonNode summaryBefore = summary(stack);
    assertEquals(2, summaryBefore.path("reports").asInt());

    assertEquals(401, stack.call("DELETE", "/reports/" + id, Map.of(), null).status());
    ApiStack.Call refused = stack.call("DELETE", "/reports/" + id, Map.of(), null, REVIEWER);
    assertEquals(403, refused.status(), refused.body());
    assertEquals("urn:nianbao:problem:forbidden", refused.json().path("type").asText());

    ApiStack.Call d = stack.call("DELETE", "/reports/" + id, Map.of(), null, ADMIN);
    assertEquals(200, d.status(), d.body());
    assertTrue(d.json().path("deleted").asBoolean());
    assertEquals(0, d.json().path("sources").size(), "no file is deleted now");
    Instant expires = Instant.parse(d.json().path("expiresAt").asText());
    assertTrue(Duration.between(Instant.now(), expires).toDays() >= 29, "kept 30 days by default");
    assertEquals(404, stack.get("/reports/" + id).status());
    assertEquals(1, stack.get("/summary").json().path("reports").asInt());
    assertEquals(1, stack.get("/reports").json().path("items").size());
    assertFalse(stack.s3.listObjectVersions(r -> r.bucket(stack.bucket).prefix("uploads/x.txt")).versions().isEmpty(),
        "the file is kept");
    ApiStack.Call again = stack.call("DELETE", "/reports/" + id, Map.of(), null, ADMIN);
    assertEquals(404, again.status());
    assertTrue(again.json().path("detail").asText().contains("可在"), again.body());
    JsonNode deleted = stack.get("/reports/" + id + "/history").json().path("items").get(0);
    assertEquals("deleted", deleted.path("action").asText());
    assertEquals("admin-sub", deleted.path("by").asText());

    assertEquals(403, stack.call("POST", "/reports/" + id + "/restore", Map.of(), null, REVIEWER).status());
    ApiStack.Call restored = stack.call("POST", "/reports/" + id + "/restore", Map.of(), null, ADMIN);
    assertEquals(200, restored.status(), restored.body());
    JsonNode after = stack.get("/reports/" + id).json();
    assertEquals(before.path("report"), after.path("report"), "the report exactly as before");
    assertEquals(before.path("status"), after.path("status"));
    assertEquals(summaryBefore, summary(stack), "the summaries exactly as before");
    assertEquals("restored", stack.get("/reports/" + id + "/history").json().path("items").get(0).path("action")
        .asText());
    assertEquals(409, stack.call("POST", "/reports/" + id + "/restore", Map.of(), null, ADMIN).status());
  }

  @Test
  void theLocalUserIsAnAdministratorAndThePurgeRemovesEverythingAfterTheRetentionPeriod() {
    ApiStack stack = new ApiStack();
    stack.upload("uploads/x.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    stack.upload("uploads/x.txt", (ApiStack.seedText(ApiStack.XINXIANG_2022) + "\n更正\n")
        .getBytes(StandardCharsets.UTF_8));
    stack.upload("uploads/y.txt", ApiStack.seed(ApiStack.seedNames().get(0)));
    String id = stack.get("/reports?agency=" + ApiStack.enc("新乡县")).json().path("items").get(0).path("id").asText();
    assertEquals(200, stack.call("DELETE", "/reports/" + id, Map.of(), null).status(), "the one local user");

    String purge = "{\"version\":\"2.0\",\"routeKey\":\"" + DeletionPurge.EVENT + "\"}";
    assertTrue(stack.invoke(purge).getBody().contains("\"purged\":0"), "nothing expired yet");
    ApiHandler later = ApiHandler.create(stack.config, stack.s3, stack.presigner, stack.dynamo,
        Clock.offset(Clock.systemUTC(), Duration.ofDays(31)));
    String answer = later.handleRequest(ApiStack.eventOf(purge), null).getBody();
    assertTrue(answer.contains("\"purged\":1") && answer.contains("\"objects\":2"), answer);

    assertTrue(stack.s3.listObjectVersions(r -> r.bucket(stack.bucket).prefix("uploads/x.txt")).versions().isEmpty(),
        "every version of its file is gone from the bucket");
    assertEquals(404, stack.get("/reports/" + id + "/history").status(), "and every item of it");
    assertEquals(404, stack.call("POST", "/reports/" + id + "/restore", Map.of(), null).status());
    assertEquals("REMOVED", stack.get("/uploads/status?key=" + ApiStack.enc("uploads/x.txt")).json().path("state")
        .asText());
    assertEquals(1, stack.get("/summary").json().path("reports").asInt(), "the other report is untouched");
  }
}
