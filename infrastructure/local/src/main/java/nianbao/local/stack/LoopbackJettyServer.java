package nianbao.local.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP API's server on 127.0.0.1: Jetty (already here for DynamoDB Local and s3proxy), not the JDK's server,
 * because the JDK's answers a request line it cannot parse (a malformed percent-encoding such as {@code /reports/%zz},
 * a space, a {@code |}) with an HTML page of its own before any handler runs. Jetty hands such errors to an error
 * handler, which here answers problem+json as the API does. Connections idle for {@link #IDLE_SECONDS} s are
 * closed (a client that declares a body and stops sending holds a thread that long at most); Jetty sets
 * {@code TCP_NODELAY} on every accepted connection.
 */
final class LoopbackJettyServer implements AutoCloseable {
  /** As the JDK servers' request deadline ({@link nianbao.servers.LoopbackHttpServer#MAX_REQUEST_SECONDS}). */
  static final int IDLE_SECONDS = nianbao.servers.LoopbackHttpServer.MAX_REQUEST_SECONDS;

  /** A request as the gateway needs it: raw path and query as sent, header names in lower case. */
  record Exchange(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
      String protocol, String sourceIp, InputStream body) {}

  /** The answer: status, headers in order (a name may repeat), body. */
  record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {}

  interface Handling {
    Answer answer(Exchange exchange) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Server server;
  private final ServerConnector connector;

  LoopbackJettyServer(int port, String name, int threads, Handling handling) throws IOException {
    QueuedThreadPool pool = new QueuedThreadPool(threads + 4, 4); // + the acceptor and selector threads
    pool.setName(name);
    pool.setDaemon(true);
    server = new Server(pool);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_SECONDS * 1000L);
    connector.setAcceptQueueSize(100);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        try {
          Answer answer = handling.answer(exchange(request));
          write(response, answer, request.getMethod(), callback);
        } catch (IOException | RuntimeException e) {
          callback.failed(e); // a body that never arrived: Jetty closes the connection
        }
        return true;
      }
    });
    server.setErrorHandler(new ErrorHandler() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer s ? s : 500;
        Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        LoopbackJettyServer.write(response, problem(status, message == null ? "" : message.toString()), "GET", callback);
        return true;
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  int port() {
    return connector.getLocalPort();
  }

  /**
   * The problem+json the API itself answers with, for what Jetty refuses before any handler runs: a request line
   * or header it cannot parse (400, 431…), or whatever else its error handler is given.
   */
  static Answer problem(int status, String detail) {
    String slug = switch (status) {
      case 400 -> "bad-request";
      case 404 -> "not-found";
      case 413 -> "payload-too-large";
      case 503 -> "service-unavailable";
      default -> status >= 500 ? "internal-error" : "bad-request";
    };
    byte[] body = JSON.createObjectNode().put("type", "urn:nianbao:problem:" + slug).put("title", title(status))
        .put("status", status).put("detail", detail).toString().getBytes(StandardCharsets.UTF_8);
    return new Answer(status, List.of(Map.entry("Content-Type", "application/problem+json; charset=utf-8"),
        Map.entry("Cache-Control", "no-store")), body);
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "请求格式有误（例如地址中的 % 编码不完整）";
      case 404 -> "没有这个地址";
      case 413 -> "请求体过大";
      case 503 -> "服务暂时不可用";
      default -> status >= 500 ? "服务器内部错误" : "请求有误";
    };
  }

  private static Exchange exchange(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.getValue());
    }
    return new Exchange(request.getMethod().toUpperCase(Locale.ROOT), request.getHttpURI().getPath(),
        request.getHttpURI().getQuery(), headers, request.getConnectionMetaData().getProtocol(),
        Request.getRemoteAddr(request), Content.Source.asInputStream(request));
  }

  private static void write(Response response, Answer answer, String method, Callback callback) {
    response.setStatus(answer.status());
    for (Map.Entry<String, String> h : answer.headers()) {
      response.getHeaders().add(h.getKey(), h.getValue());
    }
    boolean noBody = method.equalsIgnoreCase("HEAD") || answer.status() == 204 || answer.status() == 304
        || answer.body().length == 0;
    if (noBody) {
      response.getHeaders().remove(HttpHeader.CONTENT_LENGTH);
      response.write(true, null, callback);
    } else {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
      response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping: nothing left to do with the error
    }
  }
}
