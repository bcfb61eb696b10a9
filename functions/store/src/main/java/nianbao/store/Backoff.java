package nianbao.store;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: for keys and items DynamoDB returns as unprocessed, and for ingest's
 * retried S3 requests.
 */
public final class Backoff {
  private Backoff() {}

  /** Sleeps a random time up to {@code baseMillis} × 2^min(attempt, 8). */
  public static void sleep(long baseMillis, int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong((baseMillis << Math.min(attempt, 8)) + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
