package nianbao.frontend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A second site for the cases the local stack cannot make: the built page with a config.json of the test's choosing,
 * and under {@code /api/} the local stack's real API passed through, its JSON optionally rewritten (so the page
 * meets an agency name no report reader would produce) — or no API at all (config pointing at a closed port).
 */
final class SiteServer implements AutoCloseable {
  private final HttpServer server;
  private final Path dist;
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile String upstream;
  private volatile String apiBase;
  private volatile UnaryOperator<String> rewrite = UnaryOperator.identity();
  private volatile boolean auth;
  private volatile String challenge;
  private volatile String state;
  /** Whether the page's last token request proved the PKCE verifier of its authorize request. */
  volatile boolean pkceVerified;
  /** The Authorization header of the last API request the page made through this site. */
  volatile String lastAuthorization;
  static final String TOKEN = "test-access-token";
  /** Tokens handed out since the last reset (each sign-in and refresh gives a new one; the first is TOKEN). */
  private final java.util.List<String> issued = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Tokens the stand-in authorizer no longer accepts: answered 401 without CORS headers, as API Gateway does. */
  private final java.util.Set<String> revoked = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean refreshAccepted = true;
  private volatile boolean acrossOrigins;
  /** Token requests by grant type, and the API requests refused for a revoked token. */
  final java.util.concurrent.atomic.AtomicInteger signIns = new java.util.concurrent.atomic.AtomicInteger();
  final java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();
  final java.util.concurrent.atomic.AtomicInteger refusedForToken = new java.util.concurrent.atomic.AtomicInteger();
  /** The writes (not GET) that reached the API, as "METHOD path Authorization". */
  final java.util.List<String> writes = new java.util.concurrent.CopyOnWriteArrayList<>();

  SiteServer(Path dist) throws IOException {
    this.dist = dist.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.start();
    apiBase = origin() + "/api";
  }

  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** As started: config.json names /api with nothing behind it, and no sign-in; so that no test sees another's. */
  void reset() {
    upstream = null;
    rewrite = UnaryOperator.identity();
    auth = false;
    challenge = null;
    state = null;
    pkceVerified = false;
    lastAuthorization = null;
    apiBase = origin() + "/api";
    issued.clear();
    revoked.clear();
    refreshAccepted = true;
    acrossOrigins = false;
    signIns.set(0);
    refreshes.set(0);
    refusedForToken.set(0);
    writes.clear();
  }

  /**
   * As {@link #withSignIn()}, with the API on another origin (localhost rather than 127.0.0.1), as in AWS: answers
   * carry CORS headers and preflights are answered, but not the stand-in authorizer's 401 — so the browser sees no
   * answer at all, as it does behind API Gateway.
   */
  void withSignInAcrossOrigins() {
    withSignIn();
    acrossOrigins = true;
    apiBase = "http://localhost:" + server.getAddress().getPort() + "/api";
  }

  /** Every token handed out so far is refused by the stand-in authorizer from now on. */
  void revokeTokens() {
    revoked.addAll(issued);
  }

  /** Whether the token endpoint accepts the refresh token (false: it has expired, the user must sign in again). */
  void acceptRefresh(boolean accepted) {
    refreshAccepted = accepted;
  }

  String latestToken() {
    return issued.isEmpty() ? null : issued.get(issued.size() - 1);
  }

  private String issue() {
    String token = issued.isEmpty() ? TOKEN : TOKEN + "-" + issued.size();
    issued.add(token);
    return token;
  }

  /** The page talks to {@code upstream} through {@code /api}, each JSON answer passed through {@code rewrite}. */
  void proxy(String upstream, UnaryOperator<String> rewrite) {
    this.upstream = upstream;
    this.rewrite = rewrite;
    this.apiBase = origin() + "/api";
  }

  /**
   * config.json carries sign-in settings whose hosted UI is this server: /oauth2/authorize sends the browser straight
   * back with a code, /oauth2/token checks the code verifier against the challenge (S256) and returns a token.
   */
  void withSignIn() {
    this.auth = true;
  }

  /** config.json names an API that does not answer. */
  void apiDown() throws IOException {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort(); // free now, and nothing listens there once closed
    }
    this.apiBase = "http://127.0.0.1:" + port;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      if (path.equals("/config.json")) {
        String authJson = auth ? "{\"domain\":\"" + origin() + "\",\"clientId\":\"test-client\"}" : "null";
        send(ex, 200, "application/json", ("{\"apiBase\":\"" + apiBase + "\",\"auth\":" + authJson + "}")
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/oauth2/authorize")) {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        challenge = q.get("code_challenge");
        state = q.get("state");
        boolean ok = "S256".equals(q.get("code_challenge_method")) && "code".equals(q.get("response_type"))
            && "test-client".equals(q.get("client_id"));
        String back = q.get("redirect_uri") + (ok ? "?code=test-code&state=" + enc(state) : "?error=invalid_request");
        ex.getResponseHeaders().set("Location", back);
        send(ex, 302, "text/plain", new byte[0]);
        return;
      }
      if (path.equals("/oauth2/token")) {
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        allowFrom(ex);
        if ("refresh_token".equals(f.get("grant_type"))) {
          refreshes.incrementAndGet();
          if (!refreshAccepted || !"test-refresh".equals(f.get("refresh_token"))
              || !"test-client".equals(f.get("client_id"))) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8));
            return;
          }
          send(ex, 200, "application/json", ("{\"access_token\":\"" + issue() + "\",\"id_token\":\"id\","
              + "\"expires_in\":3600,\"token_type\":\"Bearer\"}").getBytes(StandardCharsets.UTF_8));
          return;
        }
        String verifier = f.getOrDefault("code_verifier", "");
        pkceVerified = challenge != null && challenge.equals(s256(verifier)) && "test-code".equals(f.get("code"))
            && "authorization_code".equals(f.get("grant_type"));
        if (!pkceVerified) {
          send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8));
          return;
        }
        signIns.incrementAndGet();
        send(ex, 200, "application/json", ("{\"access_token\":\"" + issue() + "\",\"id_token\":\"id\",\"expires_in\":3600,"
            + "\"refresh_token\":\"test-refresh\",\"token_type\":\"Bearer\"}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.startsWith("/api/")) {
        if (upstream == null) {
          send(ex, 502, "text/plain", new byte[0]);
          return;
        }
        String method = ex.getRequestMethod();
        if (method.equals("OPTIONS")) {
          allowFrom(ex);
          ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE");
          ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match");
          send(ex, 204, "text/plain", new byte[0]);
          return;
        }
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        lastAuthorization = authorization;
        if (authorization != null && revoked.contains(authorization.replaceFirst("^Bearer ", ""))) {
          refusedForToken.incrementAndGet();
          send(ex, 401, "application/json", "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
          return;
        }
        allowFrom(ex);
        String query = ex.getRequestURI().getRawQuery();
        URI target = URI.create(upstream + path.substring(4) + (query == null ? "" : "?" + query));
        byte[] sent = ex.getRequestBody().readAllBytes();
        if (!method.equals("GET")) {
          writes.add(method + " " + path.substring(4) + " " + authorization);
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(target).method(method, sent.length == 0
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent));
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
          forward.header("Content-Type", contentType);
        }
        try {
          HttpResponse<String> r = http.send(forward.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          String type = r.headers().firstValue("content-type").orElse("application/json");
          String body = type.contains("json") ? rewrite.apply(r.body()) : r.body();
          send(ex, r.statusCode(), type, body.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          send(ex, 502, "text/plain", new byte[0]);
        }
        return;
      }
      Path file = dist.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
      if (!file.startsWith(dist) || !Files.isRegularFile(file)) {
        send(ex, 404, "text/plain", new byte[0]);
        return;
      }
      String name = file.getFileName().toString();
      String ext = name.substring(name.lastIndexOf('.') + 1);
      send(ex, 200, Map.of("html", "text/html; charset=utf-8", "js", "text/javascript", "css", "text/css",
          "json", "application/json").getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file));
    }
  }

  /** Across origins, what the API's own CORS (and the hosted UI's token endpoint) lets the page read. */
  private void allowFrom(HttpExchange ex) {
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (acrossOrigins && origin != null) {
      ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
    }
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> out = new java.util.HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
