package nianbao.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nianbao.servers.LoopbackHttpServer;

/**
 * The template's HTTP API on a loopback port: each request becomes an API Gateway HTTP API event (payload format
 * 2.0, as AWS builds it: lower-case headers with repeated values joined by commas, cookies apart, decoded query
 * parameters joined by commas, path parameters, base64 for binary bodies) for the function of the matching route;
 * the function's response (a {@code statusCode} document, or any other JSON as a 200) becomes the HTTP response.
 * Like API Gateway with no CORS configuration of its own, it adds no headers: the function owns CORS. Routes with
 * a JWT authorizer pass the claims of one local user: everything is open on the local stack.
 */
final class HttpApiGateway implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  /** API Gateway's limits: 10 MB request payload, 30 s integration timeout. */
  private static final int MAX_BODY = 10 * 1024 * 1024;
  private static final int MAX_SECONDS = 30;
  /** Requests served at once; a slow sender holds one for {@link LoopbackHttpServer#MAX_REQUEST_SECONDS} at most. */
  private static final int THREADS = 8;

  private final LoopbackHttpServer server;
  private final HttpApiRoutes routes;

  HttpApiGateway(int port, HttpApiRoutes routes) throws IOException {
    this.routes = routes;
    server = new LoopbackHttpServer(port, 100, "http-api", THREADS, this::handle);
  }

  int port() {
    return server.port();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String rawPath = exchange.getRequestURI().getRawPath();
      HttpApiRoutes.Match match = routes.match(method, URLDecoder.decode(rawPath.replace("+", "%2B"),
          StandardCharsets.UTF_8));
      if (match == null) {
        message(exchange, 404, "Not Found");
        return;
      }
      byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        message(exchange, 413, "Request Entity Too Large");
        return;
      }
      LocalFunction.Result result;
      try {
        result = match.target().invoke(event(exchange, method, rawPath, match, body))
            .get(Math.min(MAX_SECONDS, match.target().spec().timeoutSeconds() + 1L), TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        message(exchange, 503, "Service Unavailable");
        return;
      } catch (Exception e) {
        message(exchange, 500, "Internal Server Error");
        return;
      }
      if (result.error()) {
        message(exchange, result.text().contains("Sandbox.Timedout") ? 503 : 500,
            result.text().contains("Sandbox.Timedout") ? "Service Unavailable" : "Internal Server Error");
        return;
      }
      respond(exchange, method, result.body());
    }
  }

  /** The payload format 2.0 event of one request. */
  static byte[] event(HttpExchange exchange, String method, String rawPath, HttpApiRoutes.Match match, byte[] body) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", match.routeKey());
    event.put("rawPath", rawPath);
    String rawQuery = exchange.getRequestURI().getRawQuery();
    event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
    List<String> cookies = headers.remove("cookie");
    if (cookies != null) {
      var array = event.putArray("cookies");
      cookies.forEach(c -> List.of(c.split(";\\s*")).forEach(array::add));
    }
    ObjectNode headerNode = event.putObject("headers");
    headers.forEach((name, values) -> headerNode.put(name, String.join(",", values)));
    if (rawQuery != null && !rawQuery.isEmpty()) {
      Map<String, List<String>> query = new LinkedHashMap<>();
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        String[] kv = pair.split("=", 2);
        query.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
      }
      ObjectNode queryNode = event.putObject("queryStringParameters");
      query.forEach((k, v) -> queryNode.put(k, String.join(",", v)));
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", "000000000000");
    context.put("apiId", "local");
    String host = headers.containsKey("host") ? headers.get("host").get(0) : "127.0.0.1";
    context.put("domainName", host);
    context.put("domainPrefix", host.split("\\.")[0].split(":")[0]);
    ObjectNode http = context.putObject("http");
    http.put("method", method);
    http.put("path", rawPath);
    http.put("protocol", exchange.getProtocol());
    http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
    http.put("userAgent", headers.containsKey("user-agent") ? String.join(",", headers.get("user-agent")) : "");
    context.put("requestId", UUID.randomUUID().toString());
    context.put("routeKey", match.routeKey());
    context.put("stage", "$default");
    Instant now = Instant.now();
    context.put("time", REQUEST_TIME.format(now));
    context.put("timeEpoch", now.toEpochMilli());
    if (match.authorization().equals("JWT")) {
      // the local stack has no sign-in: its authorizer lets every request through as one local user, so the
      // function sees the claims a Cognito JWT authorizer would pass it; that user is an administrator (group
      // admin, as HTTP APIs pass an array claim: "[admin]"), who may delete and restore reports
      ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
      jwt.putObject("claims").put("sub", "00000000-0000-0000-0000-000000000000").put("cognito:username", "local")
          .put("cognito:groups", "[admin]")
          .put("email", "local@127.0.0.1").put("token_use", "access").put("iss", "nianbao-local-stack");
      jwt.putNull("scopes");
    }
    if (!match.pathParameters().isEmpty()) {
      ObjectNode params = event.putObject("pathParameters");
      match.pathParameters().forEach(params::put);
    }
    if (body.length > 0) {
      String type = headers.containsKey("content-type") ? headers.get("content-type").get(0) : "";
      boolean text = isText(type);
      event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
      event.put("isBase64Encoded", !text);
    } else {
      event.put("isBase64Encoded", false);
    }
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isText(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
        || t.startsWith("application/x-www-form-urlencoded");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Maps the function's result to the HTTP response, as payload format 2.0 defines it. */
  private static void respond(HttpExchange exchange, String method, byte[] output) throws IOException {
    JsonNode result;
    try {
      result = JSON.readTree(output);
    } catch (IOException e) {
      result = null;
    }
    int status = 200;
    byte[] body = output;
    if (result != null && result.isObject() && result.has("statusCode")) {
      status = result.path("statusCode").asInt(200);
      result.path("headers").fields().forEachRemaining(h ->
          exchange.getResponseHeaders().add(h.getKey(), h.getValue().asText()));
      result.path("multiValueHeaders").fields().forEachRemaining(h ->
          h.getValue().forEach(v -> exchange.getResponseHeaders().add(h.getKey(), v.asText())));
      result.path("cookies").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c.asText()));
      String text = result.path("body").isNull() || result.path("body").isMissingNode() ? ""
          : result.path("body").asText();
      body = result.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
          : text.getBytes(StandardCharsets.UTF_8);
    } else {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || body.length == 0;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** API Gateway's own answers: {@code {"message": …}}. */
  private static void message(HttpExchange exchange, int status, String message) throws IOException {
    byte[] body = JSON.createObjectNode().put("message", message).toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
