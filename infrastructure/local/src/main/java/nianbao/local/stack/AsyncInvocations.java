package nianbao.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nianbao.servers.LocalQueues;

/**
 * Lambda's asynchronous invocation, as S3 notifications use it: the event is accepted at once, a failed attempt is
 * retried {@code MaximumRetryAttempts} times, and then the invocation record goes to the on-failure destination
 * (the template's dead-letter queue) in the shape Lambda writes it. Lambda waits a minute, then two, between
 * attempts; locally the waits are a second and two, so a failing upload shows in the queue soon.
 *
 * <p>Lambda keeps an accepted event until it is handled; so does this, in a journal folder when the stack keeps
 * its data: each event is written there before S3's PUT is answered and removed once it succeeded or went to the
 * queue. A stack stopped with events in flight (Ctrl-C during an upload of many files) hands them to the function
 * again when it next starts — ingest is idempotent, so an event handled twice changes nothing.
 */
final class AsyncInvocations implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

  private final LocalQueues queues;
  private final Path journal;
  private volatile boolean closing;
  private final Consumer<String> log;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "lambda-async-retries");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger inFlight = new AtomicInteger();

  /** @param journal where accepted events are kept until handled; null keeps them in memory only */
  AsyncInvocations(LocalQueues queues, Path journal, Consumer<String> log) {
    this.queues = queues;
    this.journal = journal;
    this.log = log;
  }

  /** Invokes {@code function} with {@code event} in the background, with Lambda's retries. */
  void invoke(LocalFunction function, byte[] event) {
    inFlight.incrementAndGet();
    attempt(function, event, 1, keep(function, event));
  }

  /**
   * Invokes again each event the journal kept from an earlier run of the stack, in the order they were accepted.
   *
   * @return how many
   */
  int redeliver(Map<String, LocalFunction> functionsByName) throws IOException {
    if (journal == null || !Files.isDirectory(journal)) {
      return 0;
    }
    List<Path> kept;
    try (Stream<Path> files = Files.list(journal)) {
      kept = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    int redelivered = 0;
    for (Path entry : kept) {
      String name = entry.getFileName().toString();
      LocalFunction function = functionsByName.get(name.substring(name.indexOf('-') + 1, name.length() - 5));
      if (function == null) {
        log.accept("事件 " + name + " 的函数已不在模板中，丢弃 (event for a function no longer in the template dropped)");
        Files.deleteIfExists(entry);
        continue;
      }
      inFlight.incrementAndGet();
      attempt(function, Files.readAllBytes(entry), 1, entry);
      redelivered++;
    }
    return redelivered;
  }

  /** The event, written to the journal before it is accepted; null without a journal. */
  private Path keep(LocalFunction function, byte[] event) {
    if (journal == null) {
      return null;
    }
    try {
      Files.createDirectories(journal);
      String name = String.format(java.util.Locale.ROOT, "%020d-%s.json", SEQUENCE.incrementAndGet(),
          function.spec().name());
      Path written = Files.write(journal.resolve(name + ".tmp"), event);
      return Files.move(written, journal.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep the event in " + journal, e);
    }
  }

  private void forget(Path entry) {
    if (entry != null) {
      try {
        Files.deleteIfExists(entry);
      } catch (IOException e) {
        log.accept("could not remove the handled event " + entry + ": " + e);
      }
    }
  }

  /** Asynchronous invocations accepted and not yet finished (succeeded, or sent to the queue, or dropped). */
  int inFlight() {
    return inFlight.get();
  }

  private void attempt(LocalFunction function, byte[] event, int attempt, Path entry) {
    function.invoke(event).whenComplete((result, failure) -> {
      if (closing) {
        return; // the stack stops: what the function did not finish stays in the journal for the next start
      }
      LocalFunction.Result r = result != null ? result
          : LocalFunction.errorResult("Runtime.Unknown", String.valueOf(failure));
      FunctionSpec spec = function.spec();
      if (!r.error()) {
        forget(entry);
        inFlight.decrementAndGet();
        return;
      }
      if (attempt <= spec.retries()) {
        log.accept("[" + spec.logicalId() + "] asynchronous invocation failed (attempt " + attempt + "): "
            + r.text() + "; retrying");
        retries.schedule(() -> attempt(function, event, attempt + 1, entry), attempt, TimeUnit.SECONDS);
        return;
      }
      if (spec.onFailureQueue() == null) {
        log.accept("[" + spec.logicalId() + "] event dropped after " + attempt + " attempts: " + r.text());
      } else {
        String queue = spec.onFailureQueue();
        queues.send(queue, record(spec, event, r, attempt));
        log.accept("[" + spec.logicalId() + "] event sent to " + queue + " after " + attempt + " attempts");
      }
      forget(entry);
      inFlight.decrementAndGet();
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
    closing = true;
    retries.shutdownNow();
  }
}
