package nianbao.servers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Receives S3 event notifications as the JSON document S3 sends to Lambda ({@code {"Records":[…]}}), one record
 * per event, exactly as AWS shapes it (URL-encoded key, size, eTag, versionId, sequencer).
 */
@FunctionalInterface
public interface NotificationSink {
  void deliver(String eventJson);

  /**
   * Delivers on one background thread, in order, so that a write is answered without waiting for its
   * consumer — as S3 does. {@link Async#close()} waits for what is queued.
   */
  static Async async(NotificationSink sink) {
    return new Async(sink);
  }

  /** An in-order, asynchronous sink; errors of the consumer are printed and do not stop later deliveries. */
  final class Async implements NotificationSink, AutoCloseable {
    private final NotificationSink sink;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "s3-notifications");
      t.setDaemon(true);
      return t;
    });

    private Async(NotificationSink sink) {
      this.sink = sink;
    }

    @Override
    public void deliver(String eventJson) {
      executor.execute(() -> {
        try {
          sink.deliver(eventJson);
        } catch (RuntimeException e) {
          System.err.println("S3 notification consumer failed: " + e);
        }
      });
    }

    /** Waits until every notification queued so far has been delivered. */
    public void drain() {
      try {
        executor.submit(() -> { }).get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      executor.shutdown();
      try {
        executor.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
