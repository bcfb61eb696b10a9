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

  /** The page talks to {@code upstream} through {@code /api}, each JSON answer passed through {@code rewrite}. */
  void proxy(String upstream, UnaryOperator<String> rewrite) {
    this.upstream = upstream;
    this.rewrite = rewrite;
    this.apiBase = origin() + "/api";
  }

  /** config.json names an API that does not answer. */
  void apiDown() {
    this.apiBase = "http://127.0.0.1:9";
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      if (path.equals("/config.json")) {
        send(ex, 200, "application/json", ("{\"apiBase\":\"" + apiBase + "\",\"auth\":null}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.startsWith("/api/")) {
        if (upstream == null) {
          send(ex, 502, "text/plain", new byte[0]);
          return;
        }
        String query = ex.getRequestURI().getRawQuery();
        URI target = URI.create(upstream + path.substring(4) + (query == null ? "" : "?" + query));
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
