package nianbao.local.stack;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import nianbao.servers.LoopbackHttpServer;

/**
 * Serves the page as the site bucket and CloudFront serve it: the built files of {@code frontend/dist}, with
 * {@code config.json} generated beside {@code index.html} (in AWS the deploy step writes it), and index.html for
 * paths that name no file (the page routes in the browser). Without a built page it serves a short placeholder
 * that says so.
 */
final class PageServer implements AutoCloseable {
  private static final Map<String, String> TYPES = ContentTypes.BY_EXTENSION;

  private final LoopbackHttpServer server;
  private final Path root;
  private final byte[] config;

  /** @param root the built page, or null for the placeholder */
  PageServer(int port, Path root, String configJson) throws IOException {
    this.root = root == null ? null : root.toAbsolutePath().normalize();
    this.config = configJson.getBytes(StandardCharsets.UTF_8);
    server = new LoopbackHttpServer(port, 50, "page", 4, this::handle);
  }

  int port() {
    return server.port();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "405".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().replace("+", "%2B"),
          StandardCharsets.UTF_8);
      if (path.equals("/config.json")) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, TYPES.get("json"), config);
        return;
      }
      if (root == null) {
        send(exchange, 200, TYPES.get("html"), placeholder());
        return;
      }
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root)) {
        send(exchange, 404, "text/plain; charset=utf-8", "404".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      if (!Files.isRegularFile(file)) {
        // a path of the page's own routing: the page decides (CloudFront answers index.html the same way)
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.contains(".")) {
          send(exchange, 404, "text/plain; charset=utf-8", "404".getBytes(StandardCharsets.UTF_8));
          return;
        }
        file = root.resolve("index.html");
      }
      String name = file.getFileName().toString();
      String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
      // hashed assets may be cached; index.html never, so a rebuild shows at once
      exchange.getResponseHeaders().set("Cache-Control", path.startsWith("/assets/")
          ? "public, max-age=31536000, immutable" : "no-cache");
      send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file));
    }
  }

  private static byte[] placeholder() {
    return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>nianbao 年报</title></head>
        <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
        <h1>nianbao 年报</h1>
        <p>页面尚未构建：仓库中还没有 <code>frontend/</code>（或其构建失败）。本地栈的其余部分已在运行：
        API 的地址见 <a href="config.json">config.json</a>，可用 <code>aws s3 cp</code> 或
        <code>./nianbao upload</code> 上传报告。</p>
        <p>The page is not built yet (no <code>frontend/</code> in this checkout); the bucket, the table and
        both functions are running.</p>
        </body></html>
        """.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
