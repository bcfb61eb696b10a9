package nianbao.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every local service's HTTP server answers without Nagle's delay (the ~40 ms floor per request that the local
 * gateway had): the socket of a real exchange has TCP_NODELAY. (The JDK keeps the socket private: read here
 * through reflection, which the module's surefire configuration opens to the tests.)
 */
class LoopbackHttpServerTest {
  @Test
  void theSocketOfAnExchangeHasTcpNoDelay() throws Exception {
    HttpServer server = LoopbackHttpServer.create(0, 5);
    server.createContext("/", exchange -> {
      try (exchange) {
        byte[] body;
        try {
          body = String.valueOf(channel(exchange).getOption(StandardSocketOptions.TCP_NODELAY))
              .getBytes(StandardCharsets.UTF_8);
        } catch (ReflectiveOperationException e) {
          body = e.toString().getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
    try {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals("true", answer.body());
    } finally {
      server.stop(0);
    }
  }

  private static SocketChannel channel(HttpExchange exchange) throws ReflectiveOperationException {
    Object impl = field(exchange, "impl");
    Object connection = field(impl, "connection");
    return (SocketChannel) field(connection, "chan");
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
  }
}
