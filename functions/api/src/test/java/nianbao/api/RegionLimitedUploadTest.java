package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Uploads by a reviewer limited to a region (custom:region 河南省/新乡市), end to end on DynamoDB Local and s3proxy:
 * {@code POST /uploads} signs the uploader and region into the PUT as object metadata, ingest reads them back, and
 * a report of another place is a rejected upload saying why — replacing nothing — while one of the region is stored.
 * A reviewer not limited uploads the same file and it is stored.
 */
class RegionLimitedUploadTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String JIA_XIAN = "004_966a26715276eb9e.txt"; // 郏县, 平顶山市

  static Map<String, String> reviewer(String region) {
    Map<String, String> claims = new java.util.HashMap<>(WhoMayApiTest.person("reviewer", region));
    claims.put("sub", "reviewer-" + (region == null ? "all" : region.hashCode()));
    return claims;
  }

  /** POST /uploads as {@code claims}, then the PUT as the page makes it (every header returned); the status after. */
  static JsonNode upload(ApiStack stack, Map<String, String> claims, String fileName, byte[] bytes) throws Exception {
    String body = "{\"fileName\":\"" + fileName + "\",\"contentType\":\"text/plain\",\"size\":" + bytes.length + "}";
    ApiStack.Call c = stack.call("POST", "/uploads", Map.of("Content-Type", "application/json"), body, claims);
    assertEquals(200, c.status(), c.body());
    JsonNode u = c.json();
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(u.path("url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    u.path("headers").fields().forEachRemaining(h -> {
      if (!h.getKey().equalsIgnoreCase("content-length")) {
        put.header(h.getKey(), h.getValue().asText());
      }
    });
    assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    JsonNode status = stack.get("/uploads/status?key=" + ApiStack.enc(u.path("key").asText())).json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) status).set("upload", u);
    return status;
  }

  @Test
  void aLimitedReviewersUploadStoresReportsOfTheRegionOnlyAndSaysWhyNot() throws Exception {
    ApiStack stack = new ApiStack(c -> c.withAuth(true, false));
    Map<String, String> xinxiang = reviewer("河南省/新乡市");

    JsonNode inside = upload(stack, xinxiang, "新乡县.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    assertEquals("河南省/新乡市", inside.path("upload").path("region").asText());
    JsonNode headers = inside.path("upload").path("headers");
    assertTrue(headers.has("x-amz-meta-uploader-region") && headers.has("x-amz-meta-uploaded-by"), headers.toString());
    assertEquals("INGESTED", inside.path("state").asText(), inside.toString());
    assertEquals("河南省/新乡市", inside.path("uploaderRegion").asText());
    JsonNode summaryBefore = stack.get("/summary").json();

    JsonNode outside = upload(stack, xinxiang, "郏县.txt", ApiStack.seed(JIA_XIAN));
    assertEquals("REJECTED", outside.path("state").asText(), outside.toString());
    assertTrue(outside.path("reason").asText().startsWith("上传者的权限限于河南省/新乡市，而这份报告属于河南省平顶山市郏县，未存入"),
        outside.path("reason").asText());
    assertEquals("REJECTED", stack.get("/reports/" + outside.path("reportId").asText()).json().path("status")
        .asText(), "a rejected upload, as any, and no report of its figures");
    assertEquals(0, stack.get("/reports?agency=" + ApiStack.enc("郏县")).json().path("items").size());
    JsonNode summary = stack.get("/summary").json();
    assertEquals(summaryBefore.path("errors"), summary.path("errors"), "no report's figures counted");
    assertEquals(summaryBefore.path("applications"), summary.path("applications"));
    assertEquals(summaryBefore.path("byStatus").path("REJECTED").asInt() + 1, summary.path("byStatus")
        .path("REJECTED").asInt(), "counted as a rejected upload, as any");

    // a reviewer not limited: the same file is stored, and the earlier refusal stays the other upload's
    JsonNode unlimited = upload(stack, reviewer(null), "郏县.txt", ApiStack.seed(JIA_XIAN));
    assertNull(unlimited.path("upload").path("region").textValue());
    assertFalse(unlimited.path("upload").path("headers").has("x-amz-meta-uploader-region"));
    assertEquals("INGESTED", unlimited.path("state").asText(), unlimited.toString());
    assertFalse(unlimited.has("uploaderRegion"));
    assertEquals(1, stack.get("/reports?agency=" + ApiStack.enc("郏县")).json().path("items").size());

    // the limited reviewer uploading it again (another file, same bytes) replaces nothing
    String id = unlimited.path("reportId").asText();
    long revision = stack.get("/reports/" + id).json().path("revision").asLong();
    JsonNode again = upload(stack, xinxiang, "郏县-更正.txt", (ApiStack.seedText(JIA_XIAN) + "\n（更正）\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("REJECTED", again.path("state").asText());
    JsonNode report = stack.get("/reports/" + id).json();
    assertEquals(revision, report.path("revision").asLong(), "the stored report is untouched");
    assertEquals(1, stack.get("/reports/" + id + "/versions").json().path("versions").size());
  }
}
