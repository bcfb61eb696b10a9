package nianbao.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
  /** Requests served at once; a slow sender holds one for {@link LoopbackJettyServer#IDLE_SECONDS} at most. */
  private static final int THREADS = 8;

  private final LoopbackJettyServer server;
  private final HttpApiRoutes routes;

  HttpApiGateway(int port, HttpApiRoutes routes) throws IOException {
    this.routes = routes;
    server = new LoopbackJettyServer(port, "http-api", THREADS, this::handle);
  }

  int port() {
    return server.port();
  }

  private LoopbackJettyServer.Answer handle(LoopbackJettyServer.Exchange exchange) throws IOException {
    String method = exchange.method();
    String rawPath = exchange.rawPath();
    HttpApiRoutes.Match match = routes.match(method, decode(rawPath.replace("+", "%2B")));
    if (match == null) {
      return message(404, "Not Found");
    }
    byte[] body = exchange.body().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      return message(413, "Request Entity Too Large");
    }
    LocalFunction.Result result;
    try {
      result = match.target().invoke(event(exchange, match, body))
          .get(Math.min(MAX_SECONDS, match.target().spec().timeoutSeconds() + 1L), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return message(503, "Service Unavailable");
    } catch (Exception e) {
      return message(500, "Internal Server Error");
    }
    if (result.error()) {
      boolean timedOut = result.text().contains("Sandbox.Timedout");
      return message(timedOut ? 503 : 500, timedOut ? "Service Unavailable" : "Internal Server Error");
    }
    return respond(result.body());
  }

  /** The payload format 2.0 event of one request. */
  static byte[] event(LoopbackJettyServer.Exchange exchange, HttpApiRoutes.Match match, byte[] body) {
    String method = exchange.method();
    String rawPath = exchange.rawPath();
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", match.routeKey());
    event.put("rawPath", rawPath);
    String rawQuery = exchange.rawQuery();
    event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
    Map<String, List<String>> headers = new LinkedHashMap<>(exchange.headers());
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
    http.put("protocol", exchange.protocol());
    http.put("sourceIp", exchange.sourceIp());
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

  /** Percent-decoded; a malformed escape (%zz) is left as sent, as API Gateway passes it on to the function. */
  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }

  /** Maps the function's result to the HTTP response, as payload format 2.0 defines it. */
  private static LoopbackJettyServer.Answer respond(byte[] output) {
    JsonNode result;
    try {
      result = JSON.readTree(output);
    } catch (IOException e) {
      result = null;
    }
    if (result == null || !result.isObject() || !result.has("statusCode")) {
      return new LoopbackJettyServer.Answer(200, List.of(Map.entry("Content-Type", "application/json")), output);
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    result.path("headers").fields().forEachRemaining(h -> headers.add(Map.entry(h.getKey(), h.getValue().asText())));
    result.path("multiValueHeaders").fields().forEachRemaining(h ->
        h.getValue().forEach(v -> headers.add(Map.entry(h.getKey(), v.asText()))));
    result.path("cookies").forEach(c -> headers.add(Map.entry("Set-Cookie", c.asText())));
    String text = result.path("body").isNull() || result.path("body").isMissingNode() ? ""
        : result.path("body").asText();
    byte[] body = result.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
        : text.getBytes(StandardCharsets.UTF_8);
    return new LoopbackJettyServer.Answer(result.path("statusCode").asInt(200), headers, body);
  }

  /** API Gateway's own answers: {@code {"message": …}}. */
  private static LoopbackJettyServer.Answer message(int status, String message) {
    byte[] body = JSON.createObjectNode().put("message", message).toString().getBytes(StandardCharsets.UTF_8);
    return new LoopbackJettyServer.Answer(status, List.of(Map.entry("Content-Type", "application/json")), body);
  }

  @Override
  public void close() {
    server.close();
  }
}
