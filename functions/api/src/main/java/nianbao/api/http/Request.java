package nianbao.api.http;

import java.util.Map;
import nianbao.api.access.Caller;

/**
 * One HTTP request as the router sees it: method (HEAD is kept, the router serves it as GET), the path as
 * sent, decoded query parameters (each at most once), lower-case header names, the body as bytes, and what the
 * API Gateway authorizer established ({@code principal} is null when no authorizer ran; {@code caller} who it is and
 * what its token grants, {@link Caller#LOCAL} without an authorizer).
 */
public record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
    byte[] body, Map<String, String> pathParams, String principal, String requestId, Caller caller) {

  public Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
      Map<String, String> pathParams, String principal, String requestId) {
    this(method, path, query, headers, body, pathParams, principal, requestId, Caller.LOCAL);
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
    return new Request(method, path, query, headers, body, Map.copyOf(params), principal, requestId, caller);
  }

  /** The path and query as sent, for a problem's {@code instance}. */
  public String target() {
    return path;
  }
}
