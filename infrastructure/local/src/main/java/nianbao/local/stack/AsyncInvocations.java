package nianbao.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Lambda's asynchronous invocation, as S3 notifications use it: the event is accepted at once, a failed attempt is
 * retried {@code MaximumRetryAttempts} times, and then the invocation record goes to the on-failure destination
 * (the template's dead-letter queue) in the shape Lambda writes it. Lambda waits a minute, then two, between
 * attempts; locally the waits are a second and two, so a failing upload shows in the queue soon.
 */
final class AsyncInvocations implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalQueues queues;
  private final Consumer<String> log;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "lambda-async-retries");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger inFlight = new AtomicInteger();

  AsyncInvocations(LocalQueues queues, Consumer<String> log) {
    this.queues = queues;
    this.log = log;
  }

  /** Invokes {@code function} with {@code event} in the background, with Lambda's retries. */
  void invoke(LocalFunction function, byte[] event) {
    inFlight.incrementAndGet();
    attempt(function, event, 1);
  }

  /** Asynchronous invocations accepted and not yet finished (succeeded, or sent to the queue, or dropped). */
  int inFlight() {
    return inFlight.get();
  }

  private void attempt(LocalFunction function, byte[] event, int attempt) {
    function.invoke(event).whenComplete((result, failure) -> {
      LocalFunction.Result r = result != null ? result
          : LocalFunction.errorResult("Runtime.Unknown", String.valueOf(failure));
      FunctionSpec spec = function.spec();
      if (!r.error()) {
        inFlight.decrementAndGet();
        return;
      }
      if (attempt <= spec.retries()) {
        log.accept("[" + spec.logicalId() + "] asynchronous invocation failed (attempt " + attempt + "): "
            + r.text() + "; retrying");
        retries.schedule(() -> attempt(function, event, attempt + 1), attempt, TimeUnit.SECONDS);
        return;
      }
      inFlight.decrementAndGet();
      if (spec.onFailureQueue() == null) {
        log.accept("[" + spec.logicalId() + "] event dropped after " + attempt + " attempts: " + r.text());
        return;
      }
      String queue = spec.onFailureQueue();
      queues.send(queue, record(spec, event, r, attempt));
      log.accept("[" + spec.logicalId() + "] event sent to " + queue + " after " + attempt + " attempts");
    });
  }

  /** The on-failure destination record Lambda sends (condition RetriesExhausted). */
  static String record(FunctionSpec spec, byte[] event, LocalFunction.Result result, int attempts) {
    ObjectNode record = JSON.createObjectNode();
    record.put("version", "1.0");
    record.put("timestamp", Instant.now().toString());
    ObjectNode request = record.putObject("requestContext");
    request.put("requestId", UUID.randomUUID().toString());
    request.put("functionArn", spec.unqualifiedArn() + ":$LATEST");
    request.put("condition", "RetriesExhausted");
    request.put("approximateInvokeCount", attempts);
    record.set("requestPayload", parse(event));
    ObjectNode response = record.putObject("responseContext");
    response.put("statusCode", 200).put("executedVersion", "$LATEST").put("functionError", "Unhandled");
    record.set("responsePayload", parse(result.body()));
    return record.toString();
  }

  private static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(new String(json, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    retries.shutdownNow();
  }
}
