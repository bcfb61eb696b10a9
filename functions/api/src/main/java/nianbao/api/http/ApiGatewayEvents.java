package nianbao.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nianbao.api.access.Caller;

/** API Gateway HTTP API events (payload format 2.0) to {@link Request}s, and {@link Response}s back to its answers. */
public final class ApiGatewayEvents {
  private ApiGatewayEvents() {}

  /**
   * The request as the router sees it: method from the request context (else the route key), the raw path,
   * lower-case header names, the decoded query, the body as bytes, and who the authorizer let in.
   *
   * @throws Problem when the query string is malformed
   */
  public static Request request(APIGatewayV2HTTPEvent event) {
    var rc = event.getRequestContext();
    String method = rc != null && rc.getHttp() != null && rc.getHttp().getMethod() != null
        ? rc.getHttp().getMethod() : routeKeyMethod(event.getRouteKey());
    String path = event.getRawPath() != null ? event.getRawPath()
        : rc != null && rc.getHttp() != null ? rc.getHttp().getPath() : "/";
    Map<String, String> query;
    if (event.getRawQueryString() != null) {
      query = Params.parse(event.getRawQueryString());
    } else {
      query = event.getQueryStringParameters() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(event.getQueryStringParameters());
    }
    byte[] body = new byte[0];
    if (event.getBody() != null) {
      body = event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
          : event.getBody().getBytes(StandardCharsets.UTF_8);
    }
    return new Request(method.toUpperCase(Locale.ROOT), path, query, headers(event), body, Map.of(),
        principal(rc), rc == null ? null : rc.getRequestId(), caller(rc));
  }

  /** What can still be read of an event whose query is malformed: enough to answer it with CORS. */
  public static Request fallback(APIGatewayV2HTTPEvent event) {
    return new Request("GET", event.getRawPath() == null ? "/" : event.getRawPath(), Map.of(), headers(event),
        new byte[0], Map.of(), null, null);
  }

  public static APIGatewayV2HTTPResponse response(Response r) {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(r.status()).withHeaders(r.headers())
        .withBody(r.body()).withIsBase64Encoded(r.isBase64()).build();
  }

  private static Map<String, String> headers(APIGatewayV2HTTPEvent event) {
    Map<String, String> headers = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    }
    return headers;
  }

  /** The JWT's subject, the IAM user, or "lambda" for a Lambda authorizer; null when no authorizer ran. */
  private static String principal(APIGatewayV2HTTPEvent.RequestContext rc) {
    if (rc == null || rc.getAuthorizer() == null) {
      return null;
    }
    var a = rc.getAuthorizer();
    if (a.getJwt() != null && a.getJwt().getClaims() != null && !a.getJwt().getClaims().isEmpty()) {
      return a.getJwt().getClaims().getOrDefault("sub", "jwt");
    } else if (a.getIam() != null) {
      return a.getIam().getUserArn() != null ? a.getIam().getUserArn() : "iam";
    } else if (a.getLambda() != null && !a.getLambda().isEmpty()) {
      return "lambda";
    }
    return null;
  }

  /** Who the authorizer let in: its claims and scopes (payload 2.0 {@code jwt.claims}, {@code jwt.scopes}). */
  static Caller caller(APIGatewayV2HTTPEvent.RequestContext rc) {
    if (rc == null || rc.getAuthorizer() == null || rc.getAuthorizer().getJwt() == null) {
      return Caller.LOCAL;
    }
    var jwt = rc.getAuthorizer().getJwt();
    return Caller.of(jwt.getClaims(), jwt.getScopes());
  }

  private static String routeKeyMethod(String routeKey) {
    if (routeKey != null && routeKey.contains(" ")) {
      return routeKey.substring(0, routeKey.indexOf(' '));
    }
    return "GET";
  }
}
