package nianbao.ingest.coldstart;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import nianbao.ingest.AwsClients;
import nianbao.ingest.Ingest;
import nianbao.ingest.ReportParser;
import nianbao.ingest.S3GetObjectClient;
import nianbao.store.write.ReportWriter;
import nianbao.store.ReportStore;

/**
 * The upload function's cold start, and the one entry point of this package ({@link #ingest}). Most of a cold
 * start is loading and first running classes, so it does that work before the first event and on three threads,
 * each on work the others do not need:
 * <ul>
 *   <li>this thread builds the DynamoDB client, then makes each request storing a report makes, on an id where
 *   nothing is stored ({@link Priming#dynamo});</li>
 *   <li>"s3" builds the HTTP client DynamoDB and S3 share (its TLS set-up, the JDK's trust store, is a tenth of
 *   a bare client's first call) and then the GetObject client, and asks it for an absent key
 *   ({@link Priming#s3});</li>
 *   <li>"warm-up" runs the in-memory part of an event on a bundled sample ({@link WarmUp}).</li>
 * </ul>
 * With SnapStart this runs once, before the snapshot, and the DynamoDB requests are all made and waited for. In an
 * on-demand start they are made only while the other two threads are still busy: measured (ColdStartBench),
 * waiting for them made the first event later, as the requests cost more than they save the event.
 * Nothing is written to the table or the bucket.
 */
public final class ColdStart {
  private static final Logger LOG = Logger.getLogger(ColdStart.class.getName());

  private ColdStart() {}

  /** The upload path's collaborators, warmed up; {@code reportsBucket} (may be null) is where uploads arrive. */
  public static Ingest ingest(String tableName, String reportsBucket) {
    // the SDK logs through SLF4J; bound here, before the threads, or its first loggers on two threads race its
    // initialisation and it prints a "replaying intercepted calls" warning at every cold start
    org.slf4j.LoggerFactory.getILoggerFactory();
    CompletableFuture<S3GetObjectClient> s3 = new CompletableFuture<>();
    CompletableFuture<Void> s3Primed = Background.thread("s3", () -> {
      AwsClients.http();
      S3GetObjectClient client = AwsClients.s3Objects();
      s3.complete(client);
      Priming.s3(client, reportsBucket);
      return null;
    });
    s3Primed.whenComplete((done, e) -> {
      if (e != null) {
        s3.completeExceptionally(e);
      }
    });
    // the reader and the items need no SDK client, so they are made while the other threads build theirs
    CompletableFuture<Integer> warmUp = Background.thread("warm-up", () -> WarmUp.run(tableName));
    ReportStore reportStore = new ReportStore(AwsClients.dynamo(), tableName);
    CompletableFuture<Void> othersReady = CompletableFuture.allOf(s3Primed, warmUp).exceptionally(e -> null);
    ReportWriter writer = new ReportWriter(reportStore);
    if (forSnapshot()) {
      Priming.dynamo(writer, () -> true, true);
    } else {
      // on demand, priming would only move this work before the event and add its requests: it only fills the
      // time this thread would otherwise spend waiting for the other two
      Priming.dynamo(writer, () -> !othersReady.isDone(), false);
    }
    try {
      warmUp.join();
    } catch (RuntimeException e) {
      // a warm-up that fails costs only time; the events themselves will show any real fault
      LOG.log(Level.WARNING, "warm-up of the ingest path failed", e.getCause() != null ? e.getCause() : e);
    }
    Background.awaitAtMost(s3Primed, Priming.LIMIT, "the S3 start-up request");
    return new Ingest(s3.join(), reportStore, ReportParser.CORE);
  }

  /** Whether this start-up is SnapStart's, whose end state is snapshotted: then time spent here costs no event. */
  static boolean forSnapshot() {
    return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
  }
}
