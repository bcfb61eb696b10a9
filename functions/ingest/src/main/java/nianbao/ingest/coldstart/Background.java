package nianbao.ingest.coldstart;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** The cold start's threads: each step on a daemon thread of its own, and bounded waits for them. */
final class Background {
  private static final Logger LOG = Logger.getLogger(Background.class.getName());

  private Background() {}

  static <T> CompletableFuture<T> thread(String name, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "nianbao-" + name);
    t.setDaemon(true);
    t.start();
    return result;
  }

  /** Waits for {@code work} at most {@code limit}: an unreachable service costs init this, not more. */
  static void awaitAtMost(CompletableFuture<?> work, Duration limit, String what) {
    try {
      work.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warning(what + " took over " + limit.toMillis() + " ms; start-up goes on without waiting");
    } catch (ExecutionException e) {
      // logged where it failed (priming), or said again by the join that follows (building a client)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
