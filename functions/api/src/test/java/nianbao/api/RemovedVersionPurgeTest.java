package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * A version a reviewer removed keeps its file for the retention period of deleted reports, then the daily purge
 * deletes its file from the bucket and its items from the table, and says so in the report's history; the report
 * and its other versions stay as they were. A version brought back by uploading its bytes again is left alone.
 * On DynamoDB Local and s3proxy.
 */
class RemovedVersionPurgeTest {
  static final String PURGE = "{\"version\":\"2.0\",\"routeKey\":\"" + DeletionPurge.EVENT + "\"}";

  private static byte[] corrected() {
    return (ApiStack.seedText(ApiStack.XINXIANG_2022) + "\n（更正版）\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String purgeAfter(ApiStack stack, int days) {
    ApiHandler later = ApiHandler.create(stack.config, stack.s3, stack.presigner, stack.dynamo,
        Clock.offset(Clock.systemUTC(), Duration.ofDays(days)));
    return later.handleRequest(ApiStack.eventOf(PURGE), null).getBody();
  }

  private static List<ObjectVersion> objects(ApiStack stack, String key) {
    return stack.s3.listObjectVersions(r -> r.bucket(stack.bucket).prefix(key)).versions().stream()
        .filter(v -> v.key().equals(key)).toList();
  }

  private static List<String> shas(ApiStack stack, String id) {
    JsonNode versions = stack.get("/reports/" + id + "/versions").json().path("versions");
    return StreamSupport.stream(versions.spliterator(), false).map(v -> v.path("sha256").asText()).toList();
  }

  /** A report with two versions (a.txt, then b.txt) whose first a reviewer removed. */
  record Removed(String id, String v1, String v2) {}

  private static Removed removeFirstOfTwoVersions(ApiStack stack) {
    stack.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    String id = stack.get("/reports").json().path("items").get(0).path("id").asText();
    String v1 = stack.get("/reports/" + id).json().path("upload").path("sha256").asText();
    stack.upload("uploads/b.txt", corrected());
    String v2 = stack.get("/reports/" + id).json().path("upload").path("sha256").asText();
    assertEquals(200, stack.call("DELETE", "/reports/" + id + "/versions/" + v1, Map.of(), null).status());
    return new Removed(id, v1, v2);
  }

  @Test
  void aRemovedVersionsFileAndItemsArePurgedAfterTheRetentionPeriodAndTheHistorySaysSo() {
    ApiStack stack = new ApiStack();
    Removed r = removeFirstOfTwoVersions(stack);
    String id = r.id();
    String v1 = r.v1();
    String v2 = r.v2();
    JsonNode summaryBefore = stack.get("/summary").json();
    long revision = stack.get("/reports/" + id).json().path("revision").asLong();

    String early = purgeAfter(stack, 29);
    assertTrue(early.contains("\"versions\":0") && early.contains("\"objects\":0"), "kept until then: " + early);
    assertEquals(1, objects(stack, "uploads/a.txt").size());
    assertEquals(200, stack.get("/reports/" + id + "/versions/" + v1).status(), "still viewable");

    String answer = purgeAfter(stack, 31);
    assertTrue(answer.contains("\"purged\":0") && answer.contains("\"versions\":1") && answer.contains(
        "\"objects\":1"), answer);
    assertTrue(objects(stack, "uploads/a.txt").isEmpty(), "the removed version's file is gone from the bucket");
    assertEquals(1, objects(stack, "uploads/b.txt").size(), "the current version's file stays");
    assertEquals(404, stack.get("/reports/" + id + "/versions/" + v1).status(), "its items are gone");
    assertEquals(List.of(v2), shas(stack, id));
    JsonNode report = stack.get("/reports/" + id).json();
    assertEquals(v2, report.path("upload").path("sha256").asText());
    assertEquals(revision + 1, report.path("revision").asLong(), "an If-Match from before the purge is stale");
    assertEquals(summaryBefore.path("reports"), stack.get("/summary").json().path("reports"));
    assertEquals(summaryBefore.path("errors"), stack.get("/summary").json().path("errors"));
    JsonNode entry = stack.get("/reports/" + id + "/history").json().path("items").get(0);
    assertEquals("version.purged", entry.path("action").asText(), entry.toString());
    assertEquals("purge", entry.path("by").asText());
    assertEquals(v1, entry.path("target").asText());
    assertEquals(v1, entry.path("before").path("sha256").asText());
    assertEquals("REMOVED", stack.get("/uploads/status?key=" + ApiStack.enc("uploads/a.txt")).json().path("state")
        .asText());

    String again = purgeAfter(stack, 32);
    assertTrue(again.contains("\"versions\":0") && again.contains("\"objects\":0"), "done once: " + again);
  }

  @Test
  void aVersionWhoseBytesAreUploadedAgainBeforeItsPurgeIsKept() {
    ApiStack stack = new ApiStack();
    Removed r = removeFirstOfTwoVersions(stack);
    String id = r.id();
    String v1 = r.v1();
    stack.upload("uploads/c.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    assertEquals(v1, stack.get("/reports/" + id).json().path("upload").path("sha256").asText(), "back, and current");

    String answer = purgeAfter(stack, 31);
    assertTrue(answer.contains("\"versions\":0") && answer.contains("\"objects\":0"), answer);
    assertEquals(1, objects(stack, "uploads/a.txt").size());
    assertEquals(1, objects(stack, "uploads/c.txt").size());
    assertEquals(200, stack.get("/reports/" + id + "/versions/" + v1).status());
    assertFalse(stack.get("/reports/" + id + "/history").json().path("items").toString().contains("version.purged"));
  }
}
