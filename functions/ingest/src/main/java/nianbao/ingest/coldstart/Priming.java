package nianbao.ingest.coldstart;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import nianbao.ingest.S3GetObjectClient;
import nianbao.store.write.ReportWriter;

/**
 * The cold start's requests to the services: each request an event makes, on names where nothing is stored, so
 * that the SDK's and the HTTP client's paths are loaded before the first event. They read only; a failure or a
 * timeout is only logged, and the first event then loads that path itself, or fails and is retried if the
 * service is unreachable. Steps of {@link ColdStart}, public for the tests.
 */
public final class Priming {
  private static final Logger LOG = Logger.getLogger(Priming.class.getName());
  /** The report id and S3 key the priming requests ask for; nothing is ever stored under them. */
  public static final String WARM_UP = "nianbao-warm-up";
  /** How long start-up waits for the priming requests: an unreachable service costs init this, not more. */
  static final Duration LIMIT = Duration.ofSeconds(2);

  private Priming() {}

  /**
   * {@link ReportWriter#primeRequests} on a thread of its own, while {@code keepGoing}. With {@code wait} it is
   * waited for {@link #LIMIT} at most (a server just started can take over a second to answer its first query).
   */
  public static void dynamo(ReportWriter writer, BooleanSupplier keepGoing, boolean wait) {
    CompletableFuture<Integer> primed = Background.thread("dynamodb-priming",
        () -> writer.primeRequests(WARM_UP, keepGoing));
    primed.whenComplete((made, e) -> {
      if (e != null) {
        LOG.log(Level.WARNING, "DynamoDB did not answer the start-up requests (" + e + "); the first event will "
            + "load that path itself, and fail and be retried if the table is unreachable");
      }
    });
    if (wait) {
      Background.awaitAtMost(primed, LIMIT, "the DynamoDB start-up requests");
    }
  }

  /** A GetObject of a key that does not exist in the reports bucket (404); nothing when there is no bucket. */
  public static void s3(S3GetObjectClient s3, String bucket) {
    if (bucket == null || bucket.isBlank()) {
      return;
    }
    try {
      S3GetObjectClient.Response response = s3.get(bucket, WARM_UP + "/absent", null, null);
      if (response.ok()) {
        response.body().abort(); // something was put there after all: not read, and its connection not kept
      }
      if (response.status() != 404) {
        LOG.warning("S3 answered the start-up request with HTTP " + response.status() + " " + response.errorCode()
            + "; the events will show whether the bucket can be read");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "S3 did not answer the start-up request (" + e + "); the first event will load that "
          + "path itself, and fail and be retried if the bucket is unreachable");
    }
  }
}
