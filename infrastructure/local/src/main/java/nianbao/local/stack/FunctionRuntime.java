package nianbao.local.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The child JVM's main: a Lambda custom runtime for Java handlers, speaking the Lambda Runtime API
 * ({@code AWS_LAMBDA_RUNTIME_API}) to the local stack that started it. The function runs as it runs in Lambda:
 * in its own process, with the environment the template gives it, its handler made by its public no-argument
 * constructor from the name in {@code _HANDLER}, invoked one event at a time per instance.
 *
 * <p>{@code NIANBAO_WORKERS} instances poll side by side, as concurrent Lambda instances would (each has its own
 * handler object). The process exits when its standard input closes, so it never outlives the stack.
 */
public final class FunctionRuntime {
  private static final String VERSION = "/2018-06-01/runtime";
  private static final String INIT_ERROR = "/init/error";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  private FunctionRuntime(String runtimeApi) {
    this.base = "http://" + runtimeApi + VERSION;
  }

  public static void main(String[] args) {
    exitWhenParentGoes();
    String api = required("AWS_LAMBDA_RUNTIME_API");
    String handler = required("_HANDLER");
    int workers = Integer.parseInt(System.getenv().getOrDefault("NIANBAO_WORKERS", "1"));
    FunctionRuntime runtime = new FunctionRuntime(api);
    runtime.awaitResources();
    for (int i = 0; i < workers; i++) {
      HandlerInvoker invoker;
      try {
        invoker = HandlerInvoker.create(handler);
      } catch (Throwable t) {
        runtime.post(INIT_ERROR, error(t), true);
        t.printStackTrace();
        System.exit(1);
        return;
      }
      Thread worker = new Thread(() -> runtime.loop(invoker), "lambda-instance-" + i);
      worker.start();
    }
  }

  /** Blocks until the stack's tables, buckets and queues exist (see {@link LocalFunction#RESOURCES}). */
  private void awaitResources() {
    try {
      http.send(HttpRequest.newBuilder(URI.create(base + LocalFunction.RESOURCES)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      System.exit(0); // the stack is gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop(HandlerInvoker invoker) {
    while (true) {
      HttpResponse<byte[]> next;
      try {
        next = http.send(HttpRequest.newBuilder(URI.create(base + "/invocation/next")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        // the stack is gone or restarting: nothing to serve
        System.exit(0);
        return;
      } catch (InterruptedException e) {
        return;
      }
      if (next.statusCode() != 200) {
        sleep(100);
        continue;
      }
      String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
      long deadline = next.headers().firstValue("Lambda-Runtime-Deadline-Ms").map(Long::parseLong)
          .orElse(System.currentTimeMillis() + 60_000);
      String arn = next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElse("");
      LocalContext context = new LocalContext(requestId, arn, deadline);
      try {
        byte[] output = invoker.invoke(next.body(), context);
        post("/invocation/" + requestId + "/response", output, false);
      } catch (Throwable t) {
        // what Lambda prints for an unhandled error, so that the stack's log shows it
        t.printStackTrace();
        post("/invocation/" + requestId + "/error", error(t), true);
      }
    }
  }

  private void post(String path, byte[] body, boolean error) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (error) {
      request.header("Lambda-Runtime-Function-Error-Type", "Unhandled");
    }
    try {
      http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      System.exit(0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The error document Lambda returns for an unhandled exception. */
  static byte[] error(Throwable t) {
    Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
        ? t.getCause() : t;
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    json.put("errorMessage", String.valueOf(cause.getMessage()));
    json.put("errorType", cause.getClass().getName());
    var stack = json.putArray("stackTrace");
    trace.toString().lines().skip(1).limit(20).map(String::strip).forEach(stack::add);
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void exitWhenParentGoes() {
    Thread watcher = new Thread(() -> {
      try (InputStream in = System.in) {
        in.transferTo(new ByteArrayOutputStream());
      } catch (IOException ignored) {
        // closed: same as end of input
      }
      System.exit(0);
    }, "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      System.err.println("FunctionRuntime: " + name + " is not set");
      System.exit(2);
    }
    return value;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
