package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nianbao.api.access.Access;
import nianbao.api.http.Route;
import nianbao.servers.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the router: every route the function protects is an explicit JWT route with the scopes its
 * role needs and throttling of its own, and the pool has the groups, the scopes and the client those roles name.
 */
class WriteRoutesTemplateTest {
  static final SamTemplate TEMPLATE = SamTemplate.read(ApiStack.TEMPLATE, Map.of(), "nianbao", "us-east-1");

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> templateRoutes() {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    TEMPLATE.resources("AWS::ApiGatewayV2::Route").keySet().forEach(id -> {
      Map<String, Object> p = (Map<String, Object>) TEMPLATE.resolve(TEMPLATE.properties(id));
      out.put(String.valueOf(p.get("RouteKey")), p);
    });
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyProtectedRouteIsAnExplicitJwtRouteWithItsRolesScopesAndThrottling() {
    Map<String, Map<String, Object>> routes = templateRoutes();
    Map<String, Object> stage = (Map<String, Object>) TEMPLATE.resolve(TEMPLATE.properties("ApiStage"));
    Map<String, Object> throttled = (Map<String, Object>) stage.get("RouteSettings");
    List<Route> protectedRoutes = new ApiStack().api.router().routes().stream().filter(Route::protectedRoute).toList();
    assertTrue(protectedRoutes.size() >= 12, protectedRoutes.toString());
    for (Route r : protectedRoutes) {
      String key = r.method() + " " + r.path();
      Map<String, Object> t = routes.get(key);
      assertTrue(t != null, key + " is no explicit route of template.yaml: it would reach the function unauthorised");
      assertEquals("JWT", t.get("AuthorizationType"), key);
      assertTrue(t.get("Target") != null, key + " has no target: API Gateway would answer it without the function");
      assertTrue(t.get("AuthorizerId") != null, key + " has no authorizer");
      assertEquals(Access.gatewayScopes(r.role()), t.get("AuthorizationScopes"), key);
      Map<String, Object> limits = (Map<String, Object>) throttled.get(key);
      assertTrue(limits != null && limits.get("ThrottlingRateLimit") != null && limits.get("ThrottlingBurstLimit") != null,
          key + " is not throttled apart from the reads");
    }
    Set<String> explicit = protectedRoutes.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
    routes.keySet().stream().filter(k -> !k.equals("$default") && !k.startsWith("OPTIONS "))
        .forEach(k -> assertTrue(explicit.contains(k), k + " is a JWT route the function does not protect"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePoolHasAGroupPerRoleAScopePerRoleAndAClientCredentialsClientTheAuthorizerAccepts() {
    Set<String> groups = TEMPLATE.resources("AWS::Cognito::UserPoolGroup").keySet().stream()
        .map(id -> String.valueOf(TEMPLATE.properties(id).get("GroupName"))).collect(Collectors.toSet());
    Map<String, Object> server = TEMPLATE.properties("ApiResourceServer");
    Set<String> scopes = ((List<Map<String, Object>>) server.get("Scopes")).stream()
        .map(s -> server.get("Identifier") + "/" + s.get("ScopeName")).collect(Collectors.toSet());
    for (Access.Role role : Access.Role.values()) {
      assertTrue(groups.contains(role.group), "no group " + role.group);
      assertTrue(scopes.contains(role.scope), "no scope " + role.scope);
    }
    Map<String, Object> system = TEMPLATE.properties("SystemClient");
    assertEquals(List.of("client_credentials"), system.get("AllowedOAuthFlows"));
    Map<String, Object> authorizer = TEMPLATE.properties("ApiAuthorizer");
    assertTrue(String.valueOf(authorizer.get("JwtConfiguration")).contains("SystemClient"),
        "the authorizer accepts the system client's tokens");
    // a person cannot give themself a region
    List<String> writable = (List<String>) TEMPLATE.properties("UserPoolClient").get("WriteAttributes");
    assertTrue(!writable.contains("custom:region"), writable.toString());
    assertTrue(String.valueOf(TEMPLATE.properties("UserPool").get("LambdaConfig")).contains("TokenRegionFunction"));
  }
}
