package nianbao.local.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator (a program, not a test): the local stack of template.yaml with the samples loaded, and an
 * open-loop load of a fixed rate through its HTTP API gateway — to the API function and back, as a browser would
 * call it — for {@code /summary} and for a path no route serves but the catch-all (the function's 404). Latency is
 * measured from each request's scheduled start, so a slow answer cannot hide the requests queued behind it.
 *
 * <p>Run as infrastructure/local/README.md says; arguments: requests/s and seconds per path (200 20).
 * {@code -Dsun.net.httpserver.nodelay=false} runs the gateway as it was before TCP_NODELAY, for comparison.
 */
public final class GatewayLoad {
  private GatewayLoad() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path root = Path.of(System.getProperty("nianbao.root", "../..")).toAbsolutePath().normalize();
    StackOptions options = StackOptions.throwaway(root, root.resolve("template.yaml"))
        .samples(root.resolve("infrastructure/local/samples"));
    try (TemplateRunner stack = TemplateRunner.start(options)) {
      stack.awaitEvents(Duration.ofSeconds(120));
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(16)).build();
      System.out.printf(Locale.ROOT, "gateway nodelay=%s, %d requests/s, %d s per path, after %d s of warm-up%n",
          System.getProperty("sun.net.httpserver.nodelay"), rate, seconds, Math.max(5, seconds / 4));
      for (String path : List.of("/summary", "/no-such-path")) {
        URI uri = URI.create(stack.apiUrl() + path);
        run(client, uri, rate, Math.max(5, seconds / 4)); // warm-up: both JVMs' JIT, the connection pool
        Result r = run(client, uri, rate, seconds);
        System.out.printf(Locale.ROOT, "%-14s status %d  n=%d  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms"
            + "  failed %d%n", path, r.status, r.millis.size(), r.percentile(50), r.percentile(90), r.percentile(99),
            r.percentile(100), r.failed);
      }
    }
    System.exit(0);
  }

  private record Result(List<Double> millis, int status, int failed) {
    double percentile(int p) {
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
  }

  /** {@code rate} requests a second for {@code seconds}, each sent at its time whatever the others are doing. */
  private static Result run(HttpClient client, URI uri, int rate, int seconds) throws Exception {
    int total = rate * seconds;
    List<Double> millis = Collections.synchronizedList(new ArrayList<>(total));
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger status = new AtomicInteger();
    List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>(total));
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime() + 50_000_000L;
    long interval = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * interval;
      clock.schedule(() -> pending.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
              .build(), HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete((response, error) -> {
            if (error != null) {
              failed.incrementAndGet();
            } else {
              status.set(response.statusCode());
              millis.add((System.nanoTime() - scheduled) / 1e6);
            }
          })), scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    clock.shutdown();
    clock.awaitTermination(seconds + 10L, TimeUnit.SECONDS);
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    return new Result(millis, status.get(), failed.get());
  }
}
