package nianbao.api.http;

import java.util.List;

/**
 * CORS, owned by the function (API Gateway adds none): every answer, errors and 304s included, gets
 * {@code Access-Control-Allow-Origin} — {@code *}, the one allowed origin, or the request's origin echoed when it is
 * in the allowed list (then with {@code Vary: Origin}) — and the headers the page may read.
 */
public final class Cors {
  private static final String ALLOW_HEADERS = "Authorization, Content-Type, If-None-Match, If-Match";
  private static final String EXPOSE_HEADERS = "ETag, Location, Link, Content-Disposition, Retry-After";

  private final List<String> allowedOrigins;

  public Cors(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** The answer to a preflight of a path that answers {@code methods}. */
  public Response preflight(List<String> methods) {
    return new Response(204).header("Allow", String.join(", ", methods))
        .header("Access-Control-Allow-Methods", String.join(", ", methods))
        .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
        .header("Access-Control-Max-Age", "600");
  }

  /** Adds the CORS headers; {@code request} is null when the event could not be read at all. */
  public Response apply(Request request, Response response) {
    String origin = request == null ? null : request.header("origin");
    if (allowedOrigins.contains("*")) {
      response.header("Access-Control-Allow-Origin", "*");
    } else {
      if (origin != null && allowedOrigins.contains(origin)) {
        response.header("Access-Control-Allow-Origin", origin);
      } else if (allowedOrigins.size() == 1) {
        response.header("Access-Control-Allow-Origin", allowedOrigins.get(0));
      }
      response.header("Vary", "Origin");
    }
    response.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    return response;
  }
}
