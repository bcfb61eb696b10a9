package nianbao.local.stack;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nianbao.servers.Exchanges;
import nianbao.servers.LocalQueues;
import nianbao.servers.LocalSqs;
import nianbao.servers.LoopbackHttpServer;

/**
 * One loopback port that speaks two AWS service APIs for the local stack's functions and queues: Lambda's Invoke
 * ({@code POST /2015-03-31/functions/NAME/invocations}, so {@code aws lambda invoke --endpoint-url} and
 * {@code ./nianbao reprocess} work) and SQS's JSON protocol ({@code X-Amz-Target: AmazonSQS.*}, so redrive
 * and {@code aws sqs} work). Requests are not authenticated, as on every local service.
 */
final class ServiceEndpoint implements AutoCloseable {
  private static final String INVOKE = "/2015-03-31/functions/";

  private final LoopbackHttpServer server;
  private final Map<String, LocalFunction> functions;
  private final LocalQueues queues;
  private final AsyncInvocations async;

  ServiceEndpoint(int port, Map<String, LocalFunction> functionsByName, LocalQueues queues, AsyncInvocations async)
      throws IOException {
    this.functions = functionsByName;
    this.queues = queues;
    this.async = async;
    server = new LoopbackHttpServer(port, 50, "service-endpoint", 0, this::handle);
  }

  int port() {
    return server.port();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (target != null && target.startsWith("AmazonSQS.")) {
        LocalSqs.answer(exchange, queues, target.substring("AmazonSQS.".length()));
      } else if (path.startsWith(INVOKE) && path.endsWith("/invocations") && "POST".equals(exchange.getRequestMethod())) {
        invoke(exchange, URLDecoder.decode(path.substring(INVOKE.length(), path.length() - "/invocations".length()),
            StandardCharsets.UTF_8));
      } else {
        LocalSqs.error(exchange, 404, "UnknownOperationException", "not an operation of the local stack: " + path);
      }
    } catch (RuntimeException e) {
      LocalSqs.error(exchange, 500, "ServiceException", String.valueOf(e.getMessage()));
    }
  }

  /** Lambda's Invoke: the function by name, ARN or name:alias; RequestResponse, Event or DryRun. */
  private void invoke(HttpExchange exchange, String functionId) throws IOException {
    String name = functionId.startsWith("arn:") ? functionId.split(":")[6] : functionId.split(":")[0];
    LocalFunction function = functions.get(name);
    byte[] payload = exchange.getRequestBody().readAllBytes();
    if (function == null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
      LocalSqs.error(exchange, 404, "ResourceNotFoundException", "Function not found: " + functionId);
      return;
    }
    String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
    if ("DryRun".equals(type)) {
      Exchanges.send(exchange, 204, new byte[0]);
      return;
    }
    if ("Event".equals(type)) {
      async.invoke(function, payload.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : payload);
      Exchanges.send(exchange, 202, new byte[0]);
      return;
    }
    LocalFunction.Result result;
    try {
      result = function.invoke(payload.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : payload)
          .get(function.spec().timeoutSeconds() + 5L, TimeUnit.SECONDS);
    } catch (Exception e) {
      result = LocalFunction.errorResult("Runtime.Unknown", String.valueOf(e));
    }
    exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (result.error()) {
      exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
    }
    Exchanges.send(exchange, 200, result.body());
  }

  @Override
  public void close() {
    server.close();
  }
}
