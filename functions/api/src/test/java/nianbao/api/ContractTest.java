package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nianbao.api.http.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is true: every route of the router is in it, and every answer the routes really give — each
 * status a route documents, success and error — has the documented media type, headers and a body that validates
 * against the documented schema (JSON Schema 2020-12, networknt). At the end, every route and every documented
 * status (but 304, checked on a few) has been seen.
 */
class ContractTest {
  static ApiStack stack;
  static ApiStack guarded;
  static ApiStack smallExports;
  static ApiStack slowExports;
  static ApiStack.Held held = new ApiStack.Held();
  static JsonNode doc;
  static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  static final Map<String, JsonSchema> SCHEMAS = new HashMap<>();
  static final Set<String> SEEN = new TreeSet<>();
  static String id;
  static String rejectedId;
  static String agencyKey;

  @BeforeAll
  static void start() {
    stack = new ApiStack().withSeeds();
    guarded = new ApiStack(c -> c.withAuth(true, false));
    smallExports = new ApiStack(c -> c.withInlineExportBytes(200));
    smallExports.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    // every export too slow for a request: a background job, held until released
    slowExports = new ApiStack(c -> c.withExportTimeBudget(java.time.Duration.ZERO), held);
    slowExports.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    slowExports.upload("uploads/b.txt", ApiStack.seed(ApiStack.seedNames().get(0)));
    ApiStack.Call c = stack.get("/openapi.json");
    assertEquals(200, c.status());
    doc = c.json();
    JsonNode items = stack.get("/reports?agency=" + ApiStack.enc("新乡县") + "&year=2022").json().path("items");
    id = items.get(0).path("id").asText();
    rejectedId = stack.get("/reports?status=REJECTED").json().path("items").get(0).path("id").asText();
    agencyKey = stack.get("/reports/" + id).json().path("agencyKey").asText();
  }

  /** Checks one real answer against the document; {@code pattern} is the route's path template. */
  static ApiStack.Call check(String method, String pattern, ApiStack.Call c) {
    JsonNode op = doc.path("paths").path(pattern).path(method.toLowerCase(Locale.ROOT));
    if (op.isMissingNode()) {
      fail(method + " " + pattern + " is not in the OpenAPI document");
    }
    String status = Integer.toString(c.status());
    JsonNode response = op.path("responses").has(status) ? op.path("responses").path(status)
        : op.path("responses").path("default");
    if (response.isMissingNode() || (c.status() < 400 && !op.path("responses").has(status))) {
      fail(method + " " + pattern + " answered " + status + ", which the document does not list: " + c.body());
    }
    SEEN.add(method + " " + pattern + " " + (op.path("responses").has(status) ? status : "default"));
    response.path("headers").fieldNames().forEachRemaining(h ->
        assertNotNull(c.header(h), method + " " + pattern + " " + status + " lacks header " + h));
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      assertTrue(c.body() == null || c.body().isEmpty(), method + " " + pattern + " " + status + " has a body");
      return c;
    }
    String type = c.header("Content-Type");
    assertNotNull(type, method + " " + pattern + " " + status + " has no Content-Type");
    String media = type.split(";")[0].strip();
    JsonNode mediaDoc = content.path(media);
    if (mediaDoc.isMissingNode()) {
      fail(method + " " + pattern + " " + status + " answered " + media + "; the document says " + content);
    }
    String ref = mediaDoc.path("schema").path("$ref").asText();
    JsonNode body = media.endsWith("json") ? c.json() : new TextNode(c.body());
    Set<ValidationMessage> errors = schema(ref).validate(body);
    assertTrue(errors.isEmpty(), method + " " + pattern + " " + status + " does not match " + ref + ": " + errors
        + "\n" + (c.body().length() > 3000 ? c.body().substring(0, 3000) : c.body()));
    return c;
  }

  static JsonSchema schema(String ref) {
    return SCHEMAS.computeIfAbsent(ref, r -> {
      String defs = doc.path("components").path("schemas").toString().replace("#/components/schemas/", "#/$defs/");
      ObjectNode root = Json.object();
      root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      try {
        root.set("$defs", Json.MAPPER.readTree(defs));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      root.put("$ref", r.replace("#/components/schemas/", "#/$defs/"));
      return FACTORY.getSchema(root);
    });
  }

  static ApiStack.Call get(String pattern, String target) {
    return check("GET", pattern, stack.get(target));
  }

  @Test
  void everyRouteOfTheRouterIsInTheDocumentWithItsMethodAndHead() {
    for (Route r : stack.api.router().routes()) {
      JsonNode item = doc.path("paths").path(r.path());
      assertTrue(item.has(r.method().toLowerCase(Locale.ROOT)), r.method() + " " + r.path());
      if (r.method().equals("GET")) {
        assertTrue(item.has("head"), "HEAD " + r.path());
      }
      if (r.protectedRoute()) {
        assertEquals("cognito", item.path(r.method().toLowerCase(Locale.ROOT)).path("security").get(0)
            .fieldNames().next());
      }
    }
    assertEquals("3.1.0", doc.path("openapi").asText());
    // every $ref resolves
    String text = doc.toString();
    int at = 0;
    while ((at = text.indexOf("#/components/schemas/", at)) >= 0) {
      int end = text.indexOf('"', at);
      String name = text.substring(at + "#/components/schemas/".length(), end);
      assertTrue(doc.path("components").path("schemas").has(name), "dangling $ref " + name);
      at = end;
    }
  }

  @Test
  void everyAnswerOfEveryRouteMatchesTheDocument() throws Exception {
    // reports
    get("/reports", "/reports");
    get("/reports", "/reports?year=2022&limit=1");
    get("/reports", "/reports?status=REJECTED");
    get("/reports", "/reports?rule=S2");
    get("/reports", "/reports?province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市") + "&status=VALID");
    get("/reports", "/reports?province=" + ApiStack.enc("河南省") + "&status=VALID");
    get("/reports", "/reports?province=" + ApiStack.enc("河南省") + "&status=HAS_ERRORS&sort=errors&level=COUNTY");
    get("/reports", "/reports?limit=500");
    get("/reports/{id}", "/reports/" + id);
    get("/reports/{id}", "/reports/" + rejectedId);
    get("/reports/{id}", "/reports/ffffffffffffffff-2022");
    get("/reports/{id}/findings", "/reports/" + id + "/findings");
    get("/reports/{id}/findings", "/reports/" + rejectedId + "/findings");
    get("/reports/{id}/findings", "/reports/nope-2022/findings");
    get("/reports/{id}/findings", "/reports/" + id + "/findings?severity=note");
    get("/reports/{id}/findings", "/reports/" + id + "/findings?severity=info");
    get("/reports/{id}/versions", "/reports/" + id + "/versions");
    get("/reports/{id}/versions", "/reports/nope-2022/versions");
    get("/reports/{id}/source", "/reports/" + id + "/source");
    get("/reports/{id}/source", "/reports/" + id + "/source?version=" + "0".repeat(64));
    get("/reports/{id}/source", "/reports/" + rejectedId + "/source");
    get("/reports/{id}/sections/{section}", "/reports/" + id + "/sections/overview");
    get("/reports/{id}/sections/{section}", "/reports/" + id + "/sections/problems?from=-1");
    get("/reports/{id}/sections/{section}", "/reports/" + id + "/sections/nope");
    get("/reports/{id}/sections/{section}", "/reports/nope-2022/sections/other");
    get("/reports/{id}/source-link", "/reports/" + id + "/source-link");
    get("/reports/{id}/source-link", "/reports/" + rejectedId + "/source-link");
    get("/reports/{id}/source-link", "/reports/nope-2022/source-link");
    check("GET", "/reports/{id}/source-link", guarded.call("GET", "/reports/" + rejectedId + "/source-link", Map.of(),
        null));
    get("/reports/{id}/source", "/reports/" + id + "/source?redirect=false");
    get("/reports/{id}/source", "/reports/" + id + "/source?redirect=maybe");
    // agencies
    get("/agencies/{agency}/reports", "/agencies/" + agencyKey + "/reports");
    get("/agencies/{agency}/reports", "/agencies/" + agencyKey + "/reports?from=2021&to=2022");
    get("/agencies/{agency}/reports", "/agencies/" + agencyKey + "/reports?from=2021");
    get("/agencies/{agency}/reports", "/agencies/" + agencyKey + "/reports?from=2019&to=2022");
    // summary
    get("/summary", "/summary");
    get("/summary", "/summary?year=2022&province=" + ApiStack.enc("河南省"));
    get("/summary", "/summary?year=2031");
    // rankings and trends
    get("/rankings", "/rankings?year=2022");
    get("/rankings", "/rankings?year=2022&province=" + ApiStack.enc("河南省") + "&by=disclosure&order=asc&limit=1");
    get("/rankings", "/rankings?by=errors");
    get("/rankings", "/rankings?year=2022&by=nonsense");
    get("/rankings/regions", "/rankings/regions?year=2022");
    get("/rankings/regions", "/rankings/regions?year=2022&province=" + ApiStack.enc("河南省") + "&by=disclosure");
    get("/rankings/regions", "/rankings/regions?by=errors");
    get("/rankings/regions", "/rankings/regions?year=2022&province=" + ApiStack.enc("河南省") + "&city="
        + ApiStack.enc("新乡市") + "&by=dispute");
    get("/export/region-rankings.csv", "/export/region-rankings.csv?year=2022&province=" + ApiStack.enc("河南省"));
    get("/export/region-rankings.csv", "/export/region-rankings.csv?year=2022&format=xlsx");
    get("/export/region-rankings.csv", "/export/region-rankings.csv?year=2022&format=ods");
    get("/trends", "/trends");
    get("/trends", "/trends?province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市"));
    get("/trends", "/trends?agencyKey=" + agencyKey);
    get("/trends", "/trends?agencyKey=ffffffffffffffff");
    get("/trends", "/trends?city=" + ApiStack.enc("新乡市"));
    // rosters
    String rosterScope = "?year=2022&province=" + ApiStack.enc("河南省");
    Map<String, String> csv = Map.of("content-type", "text/csv");
    check("PUT", "/rosters", stack.callBytes("PUT", "/rosters" + rosterScope, csv,
        "机关名称\n新乡县人民政府\n卫辉市教育局\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    check("PUT", "/rosters", stack.callBytes("PUT", "/rosters" + rosterScope, csv,
        "名字\n某局\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    check("PUT", "/rosters", guarded.call("PUT", "/rosters" + rosterScope, csv, "机关名称\n某局\n"));
    get("/rosters", "/rosters" + rosterScope);
    get("/rosters", "/rosters?year=2022");
    get("/rosters", "/rosters?year=2021&province=" + ApiStack.enc("湖南省"));
    get("/export/rankings.csv", "/export/rankings.csv?year=2022&by=disclosure");
    get("/export/rankings.csv", "/export/rankings.csv?by=errors");
    get("/export/rankings.csv", "/export/rankings.csv?year=2022&format=xlsx");
    get("/export/roster.csv", "/export/roster.csv" + rosterScope);
    get("/export/roster.csv", "/export/roster.csv" + rosterScope + "&format=xlsx");
    get("/export/roster.csv", "/export/roster.csv?year=2022");
    get("/export/roster.csv", "/export/roster.csv?year=2021&province=" + ApiStack.enc("湖南省"));
    // exports
    get("/export/reports.csv", "/export/reports.csv");
    get("/export/findings.csv", "/export/findings.csv?year=2022");
    get("/export/findings.csv", "/export/findings.csv?year=2022&severity=note");
    get("/export/reports.csv", "/export/reports.csv?year=2022&format=xlsx");
    get("/export/findings.csv", "/export/findings.csv?format=XLSX");
    get("/export/reports.csv", "/export/reports.csv?status=bogus");
    get("/export/findings.csv", "/export/findings.csv?county=x&rule=B1");
    check("GET", "/export/reports.csv", smallExports.get("/export/reports.csv"));
    check("GET", "/export/findings.csv", smallExports.get("/export/findings.csv"));
    ApiStack.Call accepted = check("GET", "/export/reports.csv", slowExports.get("/export/reports.csv?limit=1"
        .replace("?limit=1", "")));
    check("GET", "/export/findings.csv", slowExports.get("/export/findings.csv"));
    String job = accepted.header("Location");
    check("GET", "/export/jobs/{id}", slowExports.get(job));
    held.release();
    check("GET", "/export/jobs/{id}", slowExports.get(job));
    check("GET", "/export/jobs/{id}", slowExports.get("/export/jobs/" + java.util.UUID.randomUUID()));
    // uploads
    Map<String, String> json = Map.of("Content-Type", "application/json");
    ApiStack.Call up = check("POST", "/uploads", stack.call("POST", "/uploads", json,
        "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":10}"));
    check("POST", "/uploads", stack.call("POST", "/uploads", json,
        "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"size\":30000000}"));
    check("POST", "/uploads", stack.call("POST", "/uploads", json,
        "{\"fileName\":\"a.doc\",\"contentType\":\"application/msword\",\"size\":10}"));
    check("POST", "/uploads", stack.call("POST", "/uploads", Map.of("Content-Type", "text/plain"), "x"));
    check("POST", "/uploads", guarded.call("POST", "/uploads", json,
        "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":10}"));
    get("/uploads/status", "/uploads/status?key=" + ApiStack.enc(up.json().path("key").asText()));
    get("/uploads/status", "/uploads/status?key=" + ApiStack.enc("uploads/" + ApiStack.XINXIANG_2022));
    get("/uploads/status", "/uploads/status?key=" + ApiStack.enc("uploads/not-a-report.txt"));
    get("/uploads/status", "/uploads/status");
    // reviews (a warning: the seeds have no errors; a reading note is not reviewed)
    reviews(json);
    corrections(json);
    // the history those writes left
    ApiStack.Call page = get("/reports/{id}/history", "/reports/" + id + "/history?limit=1");
    assertTrue(page.json().path("items").size() == 1 && !page.json().path("cursor").isNull(), page.body());
    get("/reports/{id}/history", "/reports/" + id + "/history?cursor=forged");
    get("/reports/{id}/history", "/reports/nope-2022/history");
    notices(json);
    versions(json);
    // every protected route refuses a person of no group, before reading anything (403, saying why)
    Map<String, String> nobody = Map.of("sub", "n", "username", "n", "cognito:groups", "[]");
    for (Route r : stack.api.router().routes()) {
      if (r.protectedRoute()) {
        String concrete = r.path().replace("{id}", id).replace("{fingerprint}", "0123456789abcdef")
            .replace("{correctionId}", "c1").replace("{sha256}", "0".repeat(64));
        check(r.method(), r.path(), guarded.call(r.method(), concrete, Map.of(), null, nobody));
      }
    }
    // deletes (administrators only) and restores
    Map<String, String> reviewer = Map.of("sub", "r", "cognito:groups", "[reviewer]");
    check("DELETE", "/reports/{id}", guarded.call("DELETE", "/reports/" + id, Map.of(), null));
    check("DELETE", "/reports/{id}", guarded.call("DELETE", "/reports/" + id, Map.of(), null, reviewer));
    check("DELETE", "/reports/{id}", stack.call("DELETE", "/reports/nope-2022", Map.of(), null));
    check("DELETE", "/reports/{id}", stack.call("DELETE", "/reports/" + id, Map.of("If-Match", "1"), null));
    check("DELETE", "/reports/{id}", stack.call("DELETE", "/reports/" + rejectedId, Map.of(), null));
    String restore = "/reports/{id}/restore";
    check("POST", restore, guarded.call("POST", "/reports/" + rejectedId + "/restore", Map.of(), null));
    check("POST", restore, guarded.call("POST", "/reports/" + rejectedId + "/restore", Map.of(), null, reviewer));
    check("POST", restore, stack.call("POST", "/reports/nope-2022/restore", Map.of(), null));
    check("POST", restore, stack.call("POST", "/reports/" + rejectedId + "/restore", Map.of(), null));
    check("POST", restore, stack.call("POST", "/reports/" + rejectedId + "/restore", Map.of(), null));
    // agencies merged and split (administrators only; the local user is one)
    String weihui = stack.get("/reports?agency=" + ApiStack.enc("卫辉市商务局")).json().path("items").get(0)
        .path("agencyKey").asText();
    String weibin = stack.get("/reports?agency=" + ApiStack.enc("卫滨区")).json().path("items").get(0)
        .path("agencyKey").asText();
    String luhe = stack.get("/reports?year=2021&agency=" + ApiStack.enc("科技和工业信息化局")).json().path("items")
        .get(0).path("agencyKey").asText();
    Map<String, String> asJson = Map.of("Content-Type", "application/json");
    String merges = "/agencies/merges";
    check("POST", merges, guarded.call("POST", merges, asJson, "{}"));
    check("POST", merges, stack.call("POST", merges, Map.of(), "{}"));
    check("POST", merges, stack.call("POST", merges, asJson, "{\"from\":\"" + weihui + "\",\"into\":\"" + weihui
        + "\"}"));
    check("POST", merges, stack.call("POST", merges, asJson, "{\"from\":\"0123456789abcdef\",\"into\":\"" + weihui
        + "\"}"));
    check("POST", merges, stack.call("POST", merges, asJson, "{\"from\":\"" + weibin + "\",\"into\":\"" + weihui
        + "\"}"));
    ApiStack.Call merged = check("POST", merges, stack.call("POST", merges, asJson, "{\"from\":\"" + luhe
        + "\",\"into\":\"" + weihui + "\",\"reason\":\"合同测试\"}"));
    assertEquals(200, merged.status(), merged.body());
    get("/agencies/{agency}/merges", "/agencies/" + weihui + "/merges");
    get("/agencies/{agency}/merges", "/agencies/" + luhe + "/merges");
    get("/agencies/{agency}/merges", "/agencies/nope/merges");
    String split = "/agencies/merges/{from}";
    check("DELETE", split, guarded.call("DELETE", "/agencies/merges/" + luhe, Map.of(), null));
    check("DELETE", split, stack.call("DELETE", "/agencies/merges/" + luhe, Map.of(), null));
    check("DELETE", split, stack.call("DELETE", "/agencies/merges/" + luhe, Map.of(), null));
    // the document describes itself
    get("/openapi.json", "/openapi.json");
    // HEAD and 304 on a few reads
    check("HEAD", "/summary", stack.call("HEAD", "/summary", Map.of(), null));
    String etag = stack.get("/reports/" + id).header("ETag");
    check("GET", "/reports/{id}", stack.call("GET", "/reports/" + id, Map.of("If-None-Match", etag), null));

    // a method no route of the path has: 405, answered with the documented default (problem+json) of each route
    for (Route r : stack.api.router().routes()) {
      String concrete = r.path().replace("{agency}", agencyKey)
          .replace("{id}", r.path().startsWith("/export/jobs") ? java.util.UUID.randomUUID().toString() : id);
      ApiStack.Call c = stack.call("PATCH", concrete, Map.of(), null);
      assertEquals(405, c.status(), concrete);
      assertTrue(c.header("Allow").contains(r.method()), c.header("Allow"));
      assertTrue(c.header("Content-Type").startsWith("application/problem+json"));
      Set<ValidationMessage> errors = schema(doc.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT))
          .path("responses").path("default").path("content").path("application/problem+json").path("schema")
          .path("$ref").asText()).validate(c.json());
      assertTrue(errors.isEmpty(), errors.toString());
      SEEN.add(r.method() + " " + r.path() + " default");
    }

    Set<String> missing = new TreeSet<>();
    for (Route r : stack.api.router().routes()) {
      for (String status : r.responses().keySet()) {
        if (!SEEN.contains(r.method() + " " + r.path() + " " + status)) {
          missing.add(r.method() + " " + r.path() + " " + status);
        }
      }
    }
    assertTrue(missing.isEmpty(), "documented answers never exercised: " + missing);
  }

  static void reviews(Map<String, String> json) {
    String review = "/reports/{id}/findings/{fingerprint}/review";
    String fp = null;
    String note = null;
    for (JsonNode f : stack.get("/reports/" + id + "/findings").json().path("findings")) {
      if (f.path("severity").asText().equals("note")) {
        note = f.path("fingerprint").asText();
      } else {
        fp = f.path("fingerprint").asText();
      }
    }
    assertNotNull(fp, "a finding to review");
    assertNotNull(note, "a reading note");
    String path = "/reports/" + id + "/findings/" + fp + "/review";
    String body = "{\"decision\":\"dismissed\",\"reason\":\"误报\"}";
    check("PUT", review, stack.call("PUT", path, json, body));
    check("PUT", review, stack.call("PUT", path, json, "{\"decision\":\"perhaps\",\"reason\":\"x\"}"));
    check("PUT", review, guarded.call("PUT", path, json, body));
    check("PUT", review, stack.call("PUT", "/reports/" + id + "/findings/" + "0".repeat(16) + "/review", json, body));
    check("PUT", review, stack.call("PUT", "/reports/" + id + "/findings/" + note + "/review", json, body));
    check("PUT", review, stack.call("PUT", path, Map.of("Content-Type", "application/json", "If-Match", "\"1\""),
        body));
    check("PUT", review, stack.call("PUT", path, Map.of("Content-Type", "text/plain"), body));
    check("DELETE", review, stack.call("DELETE", path, Map.of("If-Match", "\"1\""), null));
    check("DELETE", review, guarded.call("DELETE", path, Map.of(), null));
    check("DELETE", review, stack.call("DELETE", "/reports/nope-2022/findings/" + fp + "/review", Map.of(), null));
    check("DELETE", review, stack.call("DELETE", path, Map.of(), null));
  }

  static void corrections(Map<String, String> json) {
    String post = "/reports/{id}/corrections";
    String one = "/reports/{id}/corrections/{correctionId}";
    String body = "{\"location\":{\"section\":\"三\",\"row\":\"newReceived\",\"column\":\"naturalPerson\"},"
        + "\"value\":%d,\"reason\":\"原文\"}";
    String target = "/reports/" + id + "/corrections";
    long read = stack.get("/reports/" + id).json().path("report").path("applications").path("rows")
        .path("newReceived").get(0).asLong();
    check("POST", post, stack.call("POST", target, json, String.format(body, read)));
    ApiStack.Call made = check("POST", post, stack.call("POST", target, json, String.format(body, read + 1)));
    check("GET", "/reports/{id}", stack.get("/reports/" + id));
    check("POST", post, stack.call("POST", target, json, "{\"location\":{\"section\":\"一\"},\"value\":1,"
        + "\"reason\":\"x\"}"));
    check("POST", post, guarded.call("POST", target, json, String.format(body, read + 1)));
    check("POST", post, stack.call("POST", "/reports/nope-2022/corrections", json, String.format(body, 1)));
    check("POST", post, stack.call("POST", target, Map.of("Content-Type", "application/json", "If-Match", "1"),
        String.format(body, read + 2)));
    check("POST", post, stack.call("POST", target, Map.of("Content-Type", "text/plain"), "x"));
    String cid = made.json().path("correction").path("id").asText();
    check("DELETE", one, stack.call("DELETE", target + "/" + cid, Map.of("If-Match", "1"), null));
    check("DELETE", one, guarded.call("DELETE", target + "/" + cid, Map.of(), null));
    check("DELETE", one, stack.call("DELETE", target + "/" + cid, Map.of(), null));
    check("DELETE", one, stack.call("DELETE", target + "/" + cid, Map.of(), null));
  }

  static void notices(Map<String, String> json) {
    String one = "/reports/{id}/notice";
    String target = "/reports/" + id + "/notice";
    check("GET", one, stack.get(target));
    check("POST", one, stack.call("POST", target, json, "{}"));
    String fp = null;
    for (JsonNode f : stack.get("/reports/" + id + "/findings?severity=warning").json().path("findings")) {
      fp = f.path("fingerprint").asText();
    }
    assertNotNull(fp, "a warning to confirm");
    assertEquals(200, stack.call("PUT", "/reports/" + id + "/findings/" + fp + "/review", json,
        "{\"decision\":\"confirmed\",\"reason\":\"核对原文\"}").status());
    check("GET", one, stack.get(target + "?note=" + ApiStack.enc("请于期限内整改")));
    check("GET", one, stack.get(target + "?format=docx"));
    check("GET", one, stack.get(target + "?deadline=tomorrow"));
    check("GET", one, stack.get("/reports/nope-2022/notice"));
    String body = "{\"deadline\":\"2027-03-31\",\"note\":\"请核对\"}";
    check("POST", one, stack.call("POST", target, Map.of("Content-Type", "application/json", "If-Match", "1"), body));
    check("POST", one, stack.call("POST", target, Map.of("Content-Type", "text/plain"), body));
    check("POST", one, guarded.call("POST", target, json, body));
    check("POST", one, stack.call("POST", "/reports/nope-2022/notice", json, body));
    check("POST", one, stack.call("POST", target, json, "{\"deadline\":\"soon\"}"));
    check("POST", one, stack.call("POST", target, json, body));
    String many = "/notices";
    get(many, many + "?agency=" + ApiStack.enc("新乡县"));
    get(many, many + "?agency=" + ApiStack.enc("新乡县") + "&format=docx");
    get(many, many + "?year=2009");
    get(many, many + "?review=DONE");
  }

  /** A second version of the report: view one, choose the current one, remove one; the uploads' status. */
  static void versions(Map<String, String> json) {
    String v1 = stack.get("/reports/" + id).json().path("upload").path("sha256").asText();
    stack.upload("uploads/second.txt", (ApiStack.seedText(ApiStack.XINXIANG_2022) + "\n（第二版）\n")
        .getBytes(StandardCharsets.UTF_8));
    String v2 = stack.get("/reports/" + id).json().path("upload").path("sha256").asText();
    assertNotEquals(v1, v2);
    get("/uploads/status", "/uploads/status?key=" + ApiStack.enc("uploads/second.txt"));
    String one = "/reports/{id}/versions/{sha256}";
    get(one, "/reports/" + id + "/versions/" + v1);
    get(one, "/reports/" + id + "/versions/" + "0".repeat(64));
    String current = "/reports/{id}/current";
    String target = "/reports/" + id + "/current";
    String body = "{\"version\":\"%s\"}";
    check("PUT", current, stack.call("PUT", target, json, String.format(body, v1)));
    check("PUT", current, stack.call("PUT", target, json, String.format(body, "v1")));
    check("PUT", current, guarded.call("PUT", target, json, String.format(body, v2)));
    check("PUT", current, stack.call("PUT", target, json, String.format(body, "0".repeat(64))));
    check("PUT", current, stack.call("PUT", target, Map.of("Content-Type", "application/json", "If-Match", "1"),
        String.format(body, v2)));
    check("PUT", current, stack.call("PUT", target, Map.of("Content-Type", "text/plain"), String.format(body, v2)));
    String path = "/reports/" + id + "/versions/";
    check("DELETE", one, guarded.call("DELETE", path + v2, Map.of(), null));
    check("DELETE", one, stack.call("DELETE", path + v2, Map.of("If-Match", "1"), null));
    check("DELETE", one, stack.call("DELETE", path + "0".repeat(64), Map.of(), null));
    check("DELETE", one, stack.call("DELETE", path + v2, Map.of(), null));
    check("DELETE", one, stack.call("DELETE", path + v1, Map.of(), null));
    check("PUT", current, stack.call("PUT", target, json, String.format(body, v2)));
    get(one, "/reports/" + id + "/versions/" + v2);
    get("/reports/{id}/versions", "/reports/" + id + "/versions");
  }

  @AfterAll
  static void report() {
    System.out.println("contract checked: " + SEEN.size() + " (route, status) pairs: " + SEEN);
    assertTrue(new String(doc.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("报告"));
  }
}
