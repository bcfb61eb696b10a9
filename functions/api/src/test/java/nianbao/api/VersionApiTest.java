package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Versions through the API, on DynamoDB Local and s3proxy: one version's report, choosing the current version
 * (设为当前版本), removing one, re-uploading an earlier file, and the upload status of each file's own version with
 * the current version it replaced.
 */
class VersionApiTest {
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Test
  void chooseViewRemoveAndUploadAgainOneReportsVersions() {
    ApiStack stack = new ApiStack();
    stack.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    String id = stack.get("/reports").json().path("items").get(0).path("id").asText();
    String v1 = stack.get("/reports/" + id).json().path("upload").path("sha256").asText();
    byte[] second = (ApiStack.seedText(ApiStack.XINXIANG_2022) + "\n（更正版）\n").getBytes(StandardCharsets.UTF_8);
    stack.upload("uploads/b.txt", second);
    JsonNode head = stack.get("/reports/" + id).json();
    String v2 = head.path("upload").path("sha256").asText();
    assertFalse(v1.equals(v2));

    // the second upload's status: its own version, current, and what it replaced
    JsonNode status = stack.get("/uploads/status?key=" + ApiStack.enc("uploads/b.txt")).json();
    assertEquals(v2, status.path("sha256").asText(), status.toString());
    assertTrue(status.path("current").asBoolean());
    assertEquals(v1, status.path("replaced").path("sha256").asText());
    assertEquals("a.txt", status.path("replaced").path("name").asText());
    assertFalse(stack.get("/uploads/status?key=" + ApiStack.enc("uploads/a.txt")).json().has("replaced"));

    // one version's report, in the shape of GET /reports/{id}
    ApiStack.Call one = stack.get("/reports/" + id + "/versions/" + v1);
    assertEquals(200, one.status(), one.body());
    assertEquals(v1, one.json().path("upload").path("sha256").asText());
    assertFalse(one.json().path("version").path("current").asBoolean());
    assertEquals(13, one.json().path("report").path("applications").path("rows").path("newReceived").get(0).asInt());
    assertEquals(404, stack.get("/reports/" + id + "/versions/" + "0".repeat(64)).status());

    // 设为当前版本
    long revision = head.path("revision").asLong();
    assertEquals(412, stack.call("PUT", "/reports/" + id + "/current", Map.of("Content-Type", "application/json",
        "If-Match", Long.toString(revision - 1)), "{\"version\":\"" + v1 + "\"}").status());
    ApiStack.Call chosen = stack.call("PUT", "/reports/" + id + "/current", Map.of("Content-Type", "application/json",
        "If-Match", "\"" + revision + "\""), "{\"version\":\"" + v1 + "\"}");
    assertEquals(200, chosen.status(), chosen.body());
    assertEquals(v1, chosen.json().path("current").asText());
    assertTrue(chosen.json().path("changed").asBoolean());
    assertEquals(v1, stack.get("/reports/" + id).json().path("upload").path("sha256").asText());
    assertEquals(1, stack.get("/summary").json().path("reports").asInt());
    JsonNode own = stack.get("/uploads/status?key=" + ApiStack.enc("uploads/b.txt")).json();
    assertEquals(v2, own.path("sha256").asText(), "the status answers for the file's own version");
    assertFalse(own.path("current").asBoolean());
    JsonNode entry = stack.get("/reports/" + id + "/history").json().path("items").get(0);
    assertEquals("version.current", entry.path("action").asText());
    assertEquals(v2, entry.path("before").path("sha256").asText());
    assertEquals(400, stack.call("PUT", "/reports/" + id + "/current", JSON, "{\"version\":\"v1\"}").status());

    // re-uploading the second file makes it current again, and says what it replaced
    stack.upload("uploads/c.txt", second);
    assertEquals(v2, stack.get("/reports/" + id).json().path("upload").path("sha256").asText());
    assertEquals(v1, stack.get("/uploads/status?key=" + ApiStack.enc("uploads/c.txt")).json().path("replaced")
        .path("sha256").asText());

    // removing the current version: the newest remaining is current; the last cannot go
    ApiStack.Call removed = stack.call("DELETE", "/reports/" + id + "/versions/" + v2, Map.of(), null);
    assertEquals(200, removed.status(), removed.body());
    assertEquals(v1, removed.json().path("current").asText());
    JsonNode versions = stack.get("/reports/" + id + "/versions").json().path("versions");
    assertEquals(2, versions.size(), "a removed version stays listed, withdrawn");
    for (JsonNode v : versions) {
      assertEquals(v.path("sha256").asText().equals(v2), v.path("withdrawn").asBoolean());
    }
    ApiStack.Call last = stack.call("DELETE", "/reports/" + id + "/versions/" + v1, Map.of(), null);
    assertEquals(409, last.status(), last.body());
    assertTrue(last.json().path("detail").asText().contains("仅剩"));
    assertEquals(409, stack.call("PUT", "/reports/" + id + "/current", JSON, "{\"version\":\"" + v2 + "\"}").status(),
        "a removed version cannot be current");
    assertEquals(200, stack.get("/reports/" + id + "/versions/" + v2).status(), "still viewable");
    assertEquals(1, stack.get("/summary").json().path("reports").asInt());
  }
}
