package nianbao.local.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nianbao.servers.Exchanges;
import nianbao.servers.LoopbackHttpServer;

/**
 * One function of the template, running as Lambda runs it: a child JVM ({@link FunctionRuntime}) with the
 * function's environment and memory, fetching invocations from this object's Lambda Runtime API on a loopback
 * port. {@link #invoke(byte[])} queues an event and completes with the function's response or error, or with a
 * timeout error after the function's {@code Timeout}.
 */
final class LocalFunction implements AutoCloseable {
  private static final String API = "/2018-06-01/runtime";
  /**
   * The local stack's one addition to the Runtime API: answered once the stack's resources exist, so that the
   * handler's init (which may already talk to them) runs when it would in Lambda, not in a race with them.
   */
  static final String RESOURCES = "/nianbao/resources-ready";
  private static final int MAX_RESPONSE_BYTES = 6_291_556;
  /** How long a function started by its first invocation may take to be ready, as the stack waits at its start. */
  private static final long INIT_MILLIS = 120_000;

  /** What an invocation gave: the response document, or the error document Lambda returns. */
  record Result(byte[] body, boolean error) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Invocation(String requestId, byte[] payload, long deadline, CompletableFuture<Result> result) {}

  private final FunctionSpec spec;
  private final Map<String, String> environment;
  private final String classpath;
  private final Consumer<String> log;
  private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
  private final Map<String, Invocation> running = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "runtime-api");
    t.setDaemon(true);
    return t;
  });
  private final CountDownLatch ready = new CountDownLatch(1);
  /** Opened once the stack's tables, buckets and queues exist: as in Lambda, init comes after them. */
  private final CountDownLatch resources = new CountDownLatch(1);
  private volatile String initError;
  private volatile boolean closing;
  private HttpServer server;
  private Process process;
  private long launchedAt;
  private int quickExits;

  LocalFunction(FunctionSpec spec, Map<String, String> environment, String classpath, Consumer<String> log) {
    this.spec = spec;
    this.environment = environment;
    this.classpath = classpath;
    this.log = log;
  }

  FunctionSpec spec() {
    return spec;
  }

  /**
   * A handler class missing from the functions' classpath stops the start, naming the function: a function started
   * only at its first invocation would otherwise fail only then.
   */
  static void requireHandlerClasses(List<FunctionSpec> specs, String classpath) throws IOException {
    List<java.net.URL> urls = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (var loader = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), null)) {
      for (FunctionSpec spec : specs) {
        String type = spec.handler().split("::")[0];
        if (loader.findResource(type.replace('.', '/') + ".class") == null) {
          throw new IllegalStateException("function " + spec.logicalId() + " (" + spec.handler()
              + ") cannot start: no class " + type + " on the functions' classpath");
        }
      }
    }
  }

  /** Starts the Runtime API and the function's process; does not wait for its init (see {@link #awaitReady}). */
  synchronized void start() throws IOException {
    if (server != null || closing) {
      return;
    }
    server = LoopbackHttpServer.create(0, 50);
    server.setExecutor(threads);
    server.createContext(API + "/", this::runtimeApi);
    server.start();
    launch();
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + Math.max(128, spec.memoryMb() * 3 / 4) + "m", "-XX:+UseSerialGC", "-Xss4m",
        "-Dfile.encoding=UTF-8", "-cp", classpath, FunctionRuntime.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    // the function sees the template's environment and Lambda's variables, never the user's AWS settings
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("JAVA_TOOL_OPTIONS") || k.startsWith("NIANBAO_"));
    env.putAll(environment);
    env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
    env.put("_HANDLER", spec.handler());
    env.put("NIANBAO_WORKERS", Integer.toString(spec.instances()));
    process = builder.start();
    launchedAt = System.nanoTime();
    Process started = process;
    Thread pump = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          if (!line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
            log.accept("[" + spec.logicalId() + "] " + ReadableLogs.render(line));
          }
        }
      } catch (IOException ignored) {
        // process gone
      }
    }, "log-" + spec.logicalId());
    pump.setDaemon(true);
    pump.start();
    started.onExit().thenRun(() -> exited(started));
  }

  private void exited(Process gone) {
    if (closing) {
      return;
    }
    String reason = initError != null ? initError
        : "Runtime exited with status " + gone.exitValue() + " (process ended)";
    running.values().forEach(i -> i.result().complete(errorResult("Runtime.ExitError", reason)));
    running.clear();
    if (initError != null) {
      queued.forEach(i -> i.result().complete(errorResult("Runtime.InitError", reason)));
      queued.clear();
      ready.countDown();
      return;
    }
    // Lambda starts a fresh instance after a crash; so does the local stack, unless it crashes at once every time
    synchronized (this) {
      quickExits = System.nanoTime() - launchedAt < 10_000_000_000L ? quickExits + 1 : 0;
      if (quickExits >= 3) {
        initError = reason + "; exited 3 times within 10 s of starting, not restarted";
        queued.forEach(i -> i.result().complete(errorResult("Runtime.ExitError", initError)));
        queued.clear();
        ready.countDown();
        log.accept("[" + spec.logicalId() + "] " + initError);
        return;
      }
      try {
        launch();
      } catch (IOException e) {
        log.accept("[" + spec.logicalId() + "] could not restart: " + e);
      }
    }
  }

  /** Whether its process was started: a function no event reaches starts at its first invocation. */
  synchronized boolean started() {
    return server != null;
  }

  /** Lets the function's init run: everything the template gives it now exists. */
  void resourcesCreated() {
    resources.countDown();
  }

  /** Waits until the function's init is done (it asks for its first event); false after the time out. */
  boolean awaitReady(long millis) throws InterruptedException {
    boolean done = ready.await(millis, TimeUnit.MILLISECONDS);
    if (initError != null) {
      throw new IllegalStateException("function " + spec.logicalId() + " (" + spec.handler()
          + ") failed its init: " + initError);
    }
    return done;
  }

  /** Queues one event (synchronous invocation): completes with the response, the error, or a timeout error. */
  CompletableFuture<Result> invoke(byte[] payload) {
    if (initError == null && !started()) {
      // a cold start, as in Lambda, the first time this function is invoked; its init is not part of the timeout
      try {
        start();
        awaitReady(INIT_MILLIS);
      } catch (IOException | RuntimeException e) {
        return CompletableFuture.completedFuture(errorResult("Runtime.InitError", "the function did not start: " + e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.completedFuture(errorResult("Runtime.InitError", "interrupted"));
      }
    }
    long deadline = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
    Invocation invocation = new Invocation(UUID.randomUUID().toString(), payload, deadline, new CompletableFuture<>());
    if (initError != null) {
      invocation.result().complete(errorResult("Runtime.InitError", initError));
      return invocation.result();
    }
    queued.add(invocation);
    return invocation.result()
        .completeOnTimeout(errorResult("Sandbox.Timedout", "Task timed out after " + spec.timeoutSeconds()
            + " seconds"), spec.timeoutSeconds() + 1L, TimeUnit.SECONDS)
        .whenComplete((r, e) -> {
          queued.remove(invocation);
          running.remove(invocation.requestId());
        });
  }

  static Result errorResult(String type, String message) {
    var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    json.put("errorMessage", message).put("errorType", type);
    return new Result(json.toString().getBytes(StandardCharsets.UTF_8), true);
  }

  private void runtimeApi(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(API.length());
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.equals(RESOURCES)) {
        resources.await();
        Exchanges.send(exchange, 204, new byte[0]);
      } else if (path.equals("/invocation/next")) {
        ready.countDown();
        Invocation next = queued.take();
        running.put(next.requestId(), next);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadline()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", spec.arn());
        Exchanges.send(exchange, 200, next.payload());
      } else if (path.startsWith("/invocation/")) {
        String[] parts = path.split("/");
        Invocation done = running.remove(parts[2]);
        if (done != null && body.length > MAX_RESPONSE_BYTES && parts[3].equals("response")) {
          // Lambda refuses a synchronous response over 6 MB; an API that would hit it in AWS fails here too
          done.result().complete(errorResult("Function.ResponseSizeTooLarge", "Response payload size ("
              + body.length + " bytes) exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes)."));
        } else if (done != null) {
          done.result().complete(new Result(body, parts[3].equals("error")));
        }
        Exchanges.send(exchange, 202, new byte[0]);
      } else if (path.equals("/init/error")) {
        initError = new String(body, StandardCharsets.UTF_8);
        Exchanges.send(exchange, 202, new byte[0]);
      } else {
        Exchanges.send(exchange, 404, new byte[0]);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    closing = true;
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (server != null) {
      server.stop(0);
    }
    threads.shutdownNow();
    queued.forEach(i -> i.result().complete(errorResult("Runtime.Stopped", "the local stack stopped")));
  }
}
