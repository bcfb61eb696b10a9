package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import nianbao.api.http.Problem;
import nianbao.servers.FreePorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Each error case gives the documented problem+json: its status, its type with the type's Chinese title, a detail
 * that names what was wrong, the request path as instance, CORS headers, no caching, and nothing internal.
 */
class ErrorCasesTest {
  static ApiStack stack;
  static String otherListCursor;

  @BeforeAll
  static void start() {
    stack = new ApiStack();
    stack.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    stack.upload("uploads/b.txt", ApiStack.seed(ApiStack.seedNames().get(0)));
    otherListCursor = stack.get("/reports?limit=1&year=2022").json().path("cursor").asText();
    assertFalse(otherListCursor.isEmpty());
  }

  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  static Stream<Arguments> cases() {
    return Stream.of(
        // method, target, headers, body, status, type, a word the detail must contain
        Arguments.of("GET", "/reports?limit=500", Map.of(), null, 400, "bad-parameter", "limit"),
        Arguments.of("GET", "/reports?limit=0", Map.of(), null, 400, "bad-parameter", "1 到 200"),
        Arguments.of("GET", "/reports?limit=ten", Map.of(), null, 400, "bad-parameter", "整数"),
        Arguments.of("GET", "/reports?year=1999", Map.of(), null, 400, "bad-parameter", "超出范围"),
        Arguments.of("GET", "/reports?year=2999", Map.of(), null, 400, "bad-parameter", "超出范围"),
        Arguments.of("GET", "/reports?year=20x2", Map.of(), null, 400, "bad-parameter", "四位年份"),
        Arguments.of("GET", "/reports?status=BROKEN", Map.of(), null, 400, "bad-parameter", "HAS_ERRORS"),
        Arguments.of("GET", "/reports?rule=Z9", Map.of(), null, 400, "bad-parameter", "B1"),
        Arguments.of("GET", "/reports?cursor=%21%21%21", Map.of(), null, 400, "bad-parameter", "cursor"),
        Arguments.of("GET", "/reports?cursor=bm90LWEtY3Vyc29y", Map.of(), null, 400, "bad-parameter", "cursor"),
        Arguments.of("GET", "/reports?yaer=2022", Map.of(), null, 400, "bad-parameter", "yaer"),
        Arguments.of("GET", "/reports?year=2022&year=2021", Map.of(), null, 400, "bad-parameter", "只能给出一次"),
        Arguments.of("GET", "/reports?agency=", Map.of(), null, 400, "bad-parameter", "agency"),
        Arguments.of("GET", "/reports?q=%E4%B8", Map.of(), null, 400, "bad-parameter", "URL 编码"),
        Arguments.of("GET", "/reports?county=" + ApiStack.enc("新乡县"), Map.of(), null, 400, "unsupported-filter",
            "province"),
        Arguments.of("GET", "/reports?sort=oldest", Map.of(), null, 400, "bad-parameter", "sort"),
        Arguments.of("GET", "/reports?level=TOWN", Map.of(), null, 400, "bad-parameter", "level"),
        Arguments.of("GET", "/reports?city=" + ApiStack.enc("新乡市"), Map.of(), null, 400, "unsupported-filter",
            "province"),
        Arguments.of("GET", "/export/reports.csv?rule=B1&county=x", Map.of(), null, 400, "unsupported-filter",
            "province"),
        Arguments.of("GET", "/summary?city=" + ApiStack.enc("新乡市"), Map.of(), null, 400, "bad-parameter",
            "province"),
        Arguments.of("GET", "/summary?year=2007", Map.of(), null, 400, "bad-parameter", "2008"),
        Arguments.of("GET", "/agencies/0123456789abcdef/reports?from=2021", Map.of(), null, 400, "bad-parameter",
            "同时"),
        Arguments.of("GET", "/uploads/status", Map.of(), null, 400, "bad-parameter", "key"),
        // issue 17.9: a key never uploaded is not PENDING for ever; * is "every place" in the store's keys; a
        // range that runs backwards is the caller's mistake, not a missing agency
        Arguments.of("GET", "/uploads/status?key=uploads%2Fnever-uploaded.txt", Map.of(), null, 404, "not-found",
            "uploads/never-uploaded.txt"),
        Arguments.of("GET", "/summary?province=*", Map.of(), null, 400, "bad-parameter", "地名"),
        Arguments.of("GET", "/summary?province=" + ApiStack.enc("河南省") + "&city=*", Map.of(), null, 400,
            "bad-parameter", "地名"),
        Arguments.of("GET", "/reports?province=*&status=HAS_ERRORS", Map.of(), null, 400, "bad-parameter", "地名"),
        Arguments.of("GET", "/trends?province=*", Map.of(), null, 400, "bad-parameter", "地名"),
        Arguments.of("GET", "/rankings?year=2022&province=*", Map.of(), null, 400, "bad-parameter", "地名"),
        Arguments.of("GET", "/rosters?year=2022&province=*", Map.of(), null, 400, "bad-parameter", "地名"),
        Arguments.of("GET", "/agencies/0123456789abcdef/reports?from=2023&to=2021", Map.of(), null, 400,
            "bad-parameter", "早于"),
        Arguments.of("GET", "/reports/ffffffffffffffff-2022", Map.of(), null, 404, "not-found",
            "ffffffffffffffff-2022"),
        Arguments.of("GET", "/reports/bad%24id/findings", Map.of(), null, 404, "not-found", "bad$id"),
        Arguments.of("GET", "/agencies/0123456789abcdef/reports", Map.of(), null, 404, "not-found",
            "0123456789abcdef"),
        Arguments.of("GET", "/nowhere", Map.of(), null, 404, "not-found", "/nowhere"),
        Arguments.of("GET", "/reports/", Map.of(), null, 404, "not-found", "/reports/"),
        Arguments.of("PUT", "/reports", Map.of(), null, 405, "method-not-allowed", "GET"),
        Arguments.of("GET", "/uploads", Map.of(), null, 405, "method-not-allowed", "POST"),
        Arguments.of("POST", "/uploads", JSON, "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\","
            + "\"size\":20971521}", 413, "payload-too-large", "20 MB"),
        Arguments.of("POST", "/uploads", Map.of("Content-Type", "text/plain"), "fileName=a", 415,
            "unsupported-media-type", "JSON"),
        Arguments.of("POST", "/uploads", JSON, "{not json", 400, "bad-body", "JSON"),
        Arguments.of("POST", "/uploads", JSON, "[1,2]", 400, "bad-body", "对象"),
        Arguments.of("POST", "/uploads", JSON, "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\"}", 400,
            "bad-body", "size"),
        Arguments.of("POST", "/uploads", JSON, "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":0}",
            400, "bad-body", "size"),
        Arguments.of("POST", "/uploads", JSON, "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":1.5}",
            400, "bad-body", "size"),
        Arguments.of("POST", "/uploads", JSON, "{\"contentType\":\"text/plain\",\"size\":10}", 400, "bad-body",
            "fileName"),
        Arguments.of("POST", "/uploads", JSON, "{\"fileName\":\"a.doc\",\"contentType\":\"application/msword\","
            + "\"size\":10}", 400, "unsupported-file-type", ".docx"),
        Arguments.of("POST", "/uploads", JSON, "{\"fileName\":\"a.exe\",\"contentType\":\"application/x-msdownload\","
            + "\"size\":10}", 400, "unsupported-file-type", "PDF"));
  }

  @ParameterizedTest(name = "{0} {1} → {4} {5}")
  @MethodSource("cases")
  void eachErrorIsTheDocumentedProblem(String method, String target, Map<String, String> headers, String body,
      int status, String type, String detailMentions) {
    ApiStack.Call c = stack.call(method, target, headers, body);
    assertProblem(c, status, type, target.contains("?") ? target.substring(0, target.indexOf('?')) : target);
    assertTrue(c.json().path("detail").asText().contains(detailMentions),
        "detail should mention “" + detailMentions + "”: " + c.json().path("detail").asText());
  }

  @Test
  void aCursorOfAnotherListIsRefused() {
    ApiStack.Call c = stack.get("/reports?limit=1&cursor=" + otherListCursor);
    assertProblem(c, 400, "bad-parameter", "/reports");
    assertTrue(c.json().path("detail").asText().contains("另一组筛选条件"), c.body());
  }

  /**
   * A cursor carries DynamoDB's LastEvaluatedKey: changing or dropping a key attribute made DynamoDB refuse the
   * query (a 500). Cursors are sealed now; a forged one is a 400, whether its MAC is kept or it is built the
   * old way (filter fingerprint + store cursor, which anyone could compute).
   */
  @Test
  void aForgedCursorIsA400NeverA500() {
    String sealed = stack.get("/reports?limit=1").json().path("cursor").asText();
    String payload = new String(java.util.Base64.getUrlDecoder().decode(sealed.substring(0, sealed.lastIndexOf('.'))),
        java.nio.charset.StandardCharsets.UTF_8);
    String fingerprint = payload.substring(0, payload.indexOf('.'));
    String storeCursor = payload.substring(payload.indexOf('.') + 1);
    String storeJson = new String(java.util.Base64.getUrlDecoder().decode(storeCursor),
        java.nio.charset.StandardCharsets.UTF_8);
    // the list's position moved (lists' cursors are {f: family, p: position}, nianbao.store.lists.ListCursor)
    String alteredJson = storeJson.replaceFirst("\"p\":\"[^\"]*\"", "\"p\":\"0000\"");
    assertNotEquals(storeJson, alteredJson);
    String altered = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(alteredJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String keptMac = b64.encodeToString((fingerprint + "." + altered).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + sealed.substring(sealed.lastIndexOf('.'));
    String oldWay = b64.encodeToString((fingerprint + "." + altered).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (String forged : new String[] {keptMac, oldWay}) {
      ApiStack.Call c = stack.get("/reports?limit=1&cursor=" + forged);
      assertProblem(c, 400, "bad-parameter", "/reports");
      assertTrue(c.json().path("detail").asText().contains("被改动"), c.body());
    }
    assertEquals(200, stack.get("/reports?limit=1&cursor=" + sealed).status());
  }

  @Test
  void anUnsupportedCombinationSaysWhatTheListsNeed() {
    // any combination is answered (issue 15); only a city or county without its province is not
    assertEquals(200, stack.get("/reports?rule=B1&province=" + ApiStack.enc("河南省")).status());
    JsonNode p = stack.get("/reports?rule=B1&city=" + ApiStack.enc("新乡市")).json();
    assertTrue(p.path("supported").isArray() && p.path("supported").size() > 0, p.toString());
    assertTrue(p.path("detail").asText().contains("any combination"), p.toString());
  }

  @Test
  void aWriteWithoutTheAuthorizersPrincipalIs401WhenAuthIsRequired() {
    ApiStack guarded = new ApiStack(c -> c.withAuth(true, false));
    ApiStack.Call c = guarded.call("POST", "/uploads", JSON, "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\","
        + "\"size\":10}");
    assertProblem(c, 401, "unauthorized", "/uploads");
  }

  @Test
  void anInternalFailureIs500WithARequestIdAndNothingInternal() {
    // a table that does not exist: DynamoDB answers ResourceNotFoundException
    ApiHandler broken = ApiHandler.create(ApiConfig.local("no-such-table", stack.bucket, stack.exportBucket),
        stack.s3, stack.presigner, stack.dynamo);
    var response = broken.handleRequest(ApiStack.event("GET", "/summary", Map.of(), null, null), null);
    ApiStack.Call c = new ApiStack.Call(response.getStatusCode(), new java.util.TreeMap<>(response.getHeaders()),
        response.getBody());
    assertProblem(c, 500, "internal", "/summary");
    assertTrue(c.json().path("requestId").asText().startsWith("req-"), c.body());
    assertFalse(c.body().contains("no-such-table"), c.body());
  }

  @Test
  void anUnreachableStoreIs503WithRetryAfter() {
    DynamoDbClient nowhere = DynamoDbClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + FreePorts.loopback())).region(ApiStack.REGION)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(
            software.amazon.awssdk.core.retry.RetryMode.STANDARD).build()).build();
    ApiHandler down = ApiHandler.create(stack.config, stack.s3, stack.presigner, nowhere);
    var response = down.handleRequest(ApiStack.event("GET", "/reports", Map.of(), null, null), null);
    ApiStack.Call c = new ApiStack.Call(response.getStatusCode(), new java.util.TreeMap<>(response.getHeaders()),
        response.getBody());
    assertProblem(c, 503, "unavailable", "/reports");
    assertEquals("1", c.header("Retry-After"));
  }

  static void assertProblem(ApiStack.Call c, int status, String type, String instance) {
    assertEquals(status, c.status(), c.body());
    assertTrue(c.header("Content-Type").startsWith("application/problem+json"), c.headers().toString());
    assertEquals("*", c.header("Access-Control-Allow-Origin"));
    assertEquals("no-store", c.header("Cache-Control"));
    JsonNode p = c.json();
    assertEquals("urn:nianbao:problem:" + type, p.path("type").asText());
    Problem.Type t = java.util.Arrays.stream(Problem.Type.values()).filter(x -> x.slug.equals(type)).findFirst()
        .orElseThrow();
    assertEquals(t.title, p.path("title").asText());
    assertEquals(status, p.path("status").asInt());
    assertNotNull(p.path("detail").textValue());
    assertFalse(p.path("detail").asText().isBlank());
    assertTrue(p.path("title").asText().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp)
        == Character.UnicodeScript.HAN), p.path("title").asText());
    assertEquals(instance, p.path("instance").asText());
    for (String leak : new String[] {"Exception", "at nianbao", "java.", "software.amazon", "Dynamo"}) {
      assertFalse(c.body().contains(leak), "leaks “" + leak + "”: " + c.body());
    }
  }
}
