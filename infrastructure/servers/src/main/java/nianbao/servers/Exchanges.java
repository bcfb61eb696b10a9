package nianbao.servers;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** The JDK HTTP server's answers, as the local services send them. */
public final class Exchanges {
  private Exchanges() {}

  /** An answer with {@code body}, or with no body at all (not an empty one) when it is empty. */
  public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
