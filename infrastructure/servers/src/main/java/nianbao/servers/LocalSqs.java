package nianbao.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * SQS's JSON protocol ({@code X-Amz-Target: AmazonSQS.<action>}) over {@link LocalQueues}: on a loopback port of
 * its own for tests ({@link #inMemory()}), and as {@link #answer} for a server that speaks other APIs on the same
 * port too (the local stack's). Requests are not authenticated, as on every local service.
 */
public final class LocalSqs implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET = "AmazonSQS.";

  private final HttpServer server;
  private final LocalQueues queues;

  private LocalSqs(int port) {
    queues = new LocalQueues(null, "http://127.0.0.1:" + port);
    try {
      server = LoopbackHttpServer.create(port, 50);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + port, e);
    }
    server.createContext("/", exchange -> {
      try (exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null && target.startsWith(TARGET)) {
          answer(exchange, queues, target.substring(TARGET.length()));
        } else {
          error(exchange, 400, "com.amazonaws.sqs#InvalidAction", "not an SQS JSON-protocol request");
        }
      }
    });
    server.start();
  }

  /** SQS on a free loopback port, its queues in memory. */
  public static LocalSqs inMemory() {
    return new LocalSqs(FreePorts.loopback());
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public LocalQueues queues() {
    return queues;
  }

  /** Answers one SQS JSON-protocol request for {@code action} from {@code queues}. */
  public static void answer(HttpExchange exchange, LocalQueues queues, String action) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    try {
      byte[] body = queues.call(action, request == null ? JSON.createObjectNode() : request).toString()
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
      Exchanges.send(exchange, 200, body);
    } catch (UnsupportedOperationException e) {
      error(exchange, 400, "com.amazonaws.sqs#UnsupportedOperation", "not supported locally: " + action);
    } catch (IllegalArgumentException e) {
      exchange.getResponseHeaders().add("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender");
      error(exchange, 400, "com.amazonaws.sqs#QueueDoesNotExist", e.getMessage());
    }
  }

  /** An error in the JSON protocol's shape: {@code __type} and {@code message}. */
  public static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
    var json = JSON.createObjectNode().put("__type", type).put("message", message).put("Type", "User");
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    Exchanges.send(exchange, status, json.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
