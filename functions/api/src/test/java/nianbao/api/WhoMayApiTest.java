package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may write, through the handler with tokens of each kind as API Gateway's JWT authorizer passes them: a
 * person's (groups, optionally custom:region) and another system's (client credentials: scopes, no groups). Every
 * refusal is a problem+json 403 saying why, with CORS, and changes nothing.
 */
class WhoMayApiTest {
  static ApiStack stack;
  static String id;
  static String fingerprint;
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json", "Origin", "https://page.example");

  static Map<String, String> person(String groups, String region) {
    Map<String, String> claims = new HashMap<>(Map.of("sub", "sub-" + groups.hashCode(), "username",
        "someone@example.org", "cognito:groups", groups, "scope", "openid email profile", "token_use", "access"));
    if (region != null) {
      claims.put("custom:region", region);
    }
    return claims;
  }

  static Map<String, String> system(String scope) {
    return Map.of("sub", "7abc", "client_id", "7abc", "token_use", "access", "scope", scope);
  }

  @BeforeAll
  static void start() {
    stack = new ApiStack(c -> c.withAuth(true, false).withOrigins(java.util.List.of("https://page.example")))
        .withSeedsAndB1Errors();
    JsonNode row = stack.get("/reports?status=HAS_ERRORS").json().path("items").get(0);
    id = row.path("id").asText();
    JsonNode report = stack.get("/reports/" + id).json();
    assertEquals("新乡市", report.path("report").path("region").path("city").asText(), report.path("report")
        .path("region").toString());
    fingerprint = stack.get("/reports/" + id + "/findings?severity=error").json().path("findings").get(0)
        .path("fingerprint").asText();
  }

  static ApiStack.Call review(Map<String, String> claims) {
    return stack.call("PUT", "/reports/" + id + "/findings/" + fingerprint + "/review", JSON,
        "{\"decision\":\"confirmed\",\"reason\":\"核对原文，确有此错\"}", claims);
  }

  static ApiStack.Call withdraw(Map<String, String> claims) {
    return stack.call("DELETE", "/reports/" + id + "/findings/" + fingerprint + "/review", JSON, null, claims);
  }

  static void forbidden(ApiStack.Call c, String saying) {
    assertEquals(403, c.status(), c.body());
    assertEquals("urn:nianbao:problem:forbidden", c.json().path("type").asText());
    assertTrue(c.header("Content-Type").startsWith("application/problem+json"));
    assertEquals("https://page.example", c.header("Access-Control-Allow-Origin"), "the page can read why");
    assertTrue(c.json().path("detail").asText().contains(saying), c.json().path("detail").asText());
  }

  static long revision() {
    return stack.get("/reports/" + id).json().path("revision").asLong();
  }

  @Test
  void aReaderMayNotWrite() {
    long before = revision();
    forbidden(review(person("[reader]", null)), "reviewer");
    forbidden(stack.call("POST", "/reports/" + id + "/corrections", JSON,
        "{\"location\":{\"section\":\"三\",\"row\":\"newReceived\",\"column\":\"naturalPerson\"},\"value\":13,"
            + "\"reason\":\"原文为 13\"}", person("[reader]", null)), "只有读取权限");
    forbidden(stack.call("POST", "/uploads", JSON, "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":10}",
        person("[reader]", null)), "reviewer");
    forbidden(review(person("[]", null)), "没有任何权限");
    assertEquals(before, revision(), "nothing written");
    // a reader still gets a link to any uploaded file (a read behind the authorizer)
    assertEquals(200, stack.call("GET", "/reports/" + id + "/source-link", Map.of(), null, person("[reader]", null))
        .status());
  }

  @Test
  void aReviewerOfAnotherCityIsRefusedAndOneOfTheReportsCityWrites() {
    long before = revision();
    forbidden(review(person("[reviewer]", "河南省/郑州市")), "不在其范围内");
    forbidden(review(person("[reviewer]", "江苏省")), "限于江苏省");
    forbidden(withdraw(person("[reviewer]", "河南省/郑州市")), "郑州市");
    forbidden(stack.call("PUT", "/rosters?year=2022&province=" + ApiStack.enc("河南省"), Map.of("Content-Type",
        "text/csv"), "机关名称\n新乡县人民政府\n", person("[reviewer]", "河南省/新乡市")), "河南省的名单");
    assertEquals(before, revision(), "nothing written");

    ApiStack.Call city = review(person("[reviewer]", "河南省/新乡市"));
    assertEquals(200, city.status(), city.body());
    assertEquals("confirmed", city.json().path("finding").path("review").path("state").asText());
    assertEquals(200, withdraw(person("[reviewer]", "河南省")).status(), "the province's reviewer too");
    ApiStack.Call roster = stack.call("PUT", "/rosters?year=2022&province=" + ApiStack.enc("河南省") + "&city="
        + ApiStack.enc("新乡市"), Map.of("Content-Type", "text/csv"), "机关名称\n新乡县人民政府\n",
        person("[reviewer]", "河南省/新乡市"));
    assertEquals(200, roster.status(), roster.body());
  }

  @Test
  void aSystemWritesWithTheReviewScopeAndIsRefusedWithoutIt() {
    forbidden(review(system("nianbao/read")), "scope nianbao/review");
    forbidden(review(system("")), "令牌没有 scope");
    ApiStack.Call ok = review(system("nianbao/review"));
    assertEquals(200, ok.status(), ok.body());
    assertEquals("7abc", stack.get("/reports/" + id + "/history").json().path("items").get(0).path("by").asText(),
        "the system is named in the history");
    assertEquals(200, withdraw(system("nianbao/read nianbao/review")).status());
  }

  @Test
  void deletingIsAnAdministratorsAndARegionsAdministratorDeletesOnlyThere() {
    forbidden(stack.call("DELETE", "/reports/" + id, Map.of(), null, person("[reviewer]", null)), "admin");
    forbidden(stack.call("DELETE", "/reports/" + id, Map.of(), null, system("nianbao/review")), "nianbao/admin");
    forbidden(stack.call("DELETE", "/reports/" + id, Map.of(), null, person("[admin]", "河南省/郑州市")), "郑州市");
    assertEquals(200, stack.call("DELETE", "/reports/" + id, Map.of(), null, person("[admin]", "河南省/新乡市"))
        .status());
    // the deleted report's place is read from its tombstone
    forbidden(stack.call("POST", "/reports/" + id + "/restore", Map.of(), null, person("[admin]", "河南省/郑州市")),
        "新乡市");
    assertEquals(200, stack.call("POST", "/reports/" + id + "/restore", Map.of(), null, system("nianbao/admin"))
        .status());
  }
}
