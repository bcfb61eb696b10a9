package nianbao.api.http;

import java.util.Map;

/**
 * One HTTP request as the router sees it: method (HEAD is kept, the router serves it as GET), the path as
 * sent, decoded query parameters (each at most once), lower-case header names, the body as bytes, and what the
 * API Gateway authorizer established ({@code principal} is null when no authorizer ran; {@code groups} the Cognito
 * groups of its token, {@code cognito:groups}, empty when none).
 */
public record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
    byte[] body, Map<String, String> pathParams, String principal, String requestId, java.util.Set<String> groups) {

  public Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
      Map<String, String> pathParams, String principal, String requestId) {
    this(method, path, query, headers, body, pathParams, principal, requestId, java.util.Set.of());
  }

  /**
   * An administrator: a token of the Cognito group {@code admin}, or — with no authorizer at all (the function
   * run without AUTH_REQUIRED: tests, a process by hand) — the one local user.
   */
  public boolean administrator() {
    return principal == null || groups.contains("admin");
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  public String param(String name) {
    return pathParams.get(name);
  }

  public String query(String name) {
    return query.get(name);
  }

  public Request withPathParams(Map<String, String> params) {
    return new Request(method, path, query, headers, body, Map.copyOf(params), principal, requestId, groups);
  }

  /** The path and query as sent, for a problem's {@code instance}. */
  public String target() {
    return path;
  }
}
