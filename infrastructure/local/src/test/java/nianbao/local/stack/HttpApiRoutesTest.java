package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route selection as API Gateway's HTTP API does it: the most specific route wins, $default takes the rest. */
class HttpApiRoutesTest {
  private static LocalFunction function(String name) {
    return new LocalFunction(new FunctionSpec(name, name, "x.Y::handleRequest", "java21", 128, 3, 1, "arn", Map.of(),
        2, null, List.of(), List.of()), Map.of(), "", line -> { });
  }

  private final LocalFunction api = function("api");

  private HttpApiRoutes routes(String... keys) {
    HttpApiRoutes routes = new HttpApiRoutes();
    for (String key : keys) {
      routes.add(new FunctionSpec.Route(key, key.startsWith("POST") || key.startsWith("DELETE") ? "JWT" : "NONE"), api);
    }
    return routes;
  }

  @Test
  void explicitRoutesWinOverTheCatchAllAndCarryTheirAuthorization() {
    HttpApiRoutes routes = routes("$default", "OPTIONS /{proxy+}", "POST /uploads", "DELETE /reports/{id}");
    assertEquals("POST /uploads", routes.match("POST", "/uploads").routeKey());
    assertEquals("JWT", routes.match("POST", "/uploads").authorization());
    assertEquals("$default", routes.match("GET", "/uploads").routeKey());
    assertEquals("NONE", routes.match("GET", "/uploads").authorization());
    var delete = routes.match("DELETE", "/reports/abc-2022");
    assertEquals("DELETE /reports/{id}", delete.routeKey());
    assertEquals(Map.of("id", "abc-2022"), delete.pathParameters());
    assertEquals("$default", routes.match("DELETE", "/reports/abc-2022/versions").routeKey());
    assertEquals("OPTIONS /{proxy+}", routes.match("OPTIONS", "/reports/abc/findings").routeKey());
    assertEquals(Map.of("proxy", "reports/abc/findings"), routes.match("OPTIONS", "/reports/abc/findings")
        .pathParameters());
  }

  @Test
  void literalSegmentsBeatParametersAndNamedMethodsBeatAny() {
    HttpApiRoutes routes = routes("ANY /reports/{id}", "GET /reports/{id}", "GET /reports/summary", "ANY /{proxy+}");
    assertEquals("GET /reports/summary", routes.match("GET", "/reports/summary").routeKey());
    assertEquals("GET /reports/{id}", routes.match("GET", "/reports/x").routeKey());
    assertEquals("ANY /reports/{id}", routes.match("PUT", "/reports/x").routeKey());
    assertEquals("ANY /{proxy+}", routes.match("GET", "/a/b/c").routeKey());
  }

  @Test
  void withoutADefaultRouteAnUnmatchedRequestHasNoRoute() {
    HttpApiRoutes routes = routes("GET /reports");
    assertNull(routes.match("GET", "/summary"));
    assertNull(routes.match("POST", "/reports"));
  }
}
