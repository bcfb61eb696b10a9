package nianbao.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Report;
import nianbao.store.ReportLedger;
import nianbao.store.ReportStore;

/**
 * The cold start of the ingest function. Most of it is loading and first running classes, so it does that work
 * before the first event and on three threads, each on work the others do not need:
 * <ul>
 *   <li>this thread builds the DynamoDB client, then makes each request storing a report makes, on an id where
 *   nothing is stored ({@link ReportLedger#primeRequests});</li>
 *   <li>"s3" builds the HTTP client DynamoDB and S3 share (its TLS set-up, the JDK's trust store, is a tenth of
 *   a bare client's first call) and then the GetObject client, and asks it for an absent key;</li>
 *   <li>"warm-up" reads a bundled sample report, writes and reads it as JSON as storing and replacing a report
 *   does, parses an S3 event, and builds in memory everything storing the sample would write.</li>
 * </ul>
 * With SnapStart this runs once, before the snapshot, and the DynamoDB requests are all made and waited for. In an
 * on-demand start they are made only while the other two threads are still busy: measured (ColdStartBench),
 * waiting for them made the first event later, as the requests cost more than they save the event.
 * Nothing is written to the table or the bucket.
 */
final class Startup {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());
  static final String SAMPLE = "warm-up-report.txt";
  /** The report id and S3 key the priming requests ask for; nothing is ever stored under them. */
  static final String WARM_UP = "nianbao-warm-up";
  /** How long start-up waits for the priming requests: an unreachable table costs init this, not more. */
  static final Duration PRIMING_LIMIT = Duration.ofSeconds(2);

  private Startup() {}

  /** The function's collaborators, warmed up; {@code reportsBucket} (may be null) is where uploads arrive. */
  static Ingest ingest(String tableName, String reportsBucket) {
    // the SDK logs through SLF4J; bound here, before the threads, or its first loggers on two threads race its
    // initialisation and it prints a "replaying intercepted calls" warning at every cold start
    org.slf4j.LoggerFactory.getILoggerFactory();
    CompletableFuture<S3GetObjectClient> s3 = new CompletableFuture<>();
    CompletableFuture<Void> s3Primed = background("s3", () -> {
      AwsClients.http();
      S3GetObjectClient client = AwsClients.s3Objects();
      s3.complete(client);
      primeS3(client, reportsBucket);
      return null;
    });
    s3Primed.whenComplete((done, e) -> {
      if (e != null) {
        s3.completeExceptionally(e);
      }
    });
    // the reader and the items need no SDK client, so they are made while the other threads build theirs
    CompletableFuture<Integer> warmUp = background("warm-up", () -> {
      Report sample = readSample();
      ReportStore.loadSchemas();
      ReportJson.read(ReportJson.write(sample));
      IngestHandler.warmUpJson();
      return ReportLedger.preparingOnly(tableName).prepare(sample).size();
    });
    ReportStore reportStore = new ReportStore(AwsClients.dynamo(), tableName);
    CompletableFuture<Void> othersReady = CompletableFuture.allOf(s3Primed, warmUp).exceptionally(e -> null);
    ReportLedger ledger = new ReportLedger(reportStore);
    if (forSnapshot()) {
      primeDynamo(ledger, () -> true, true);
    } else {
      // on demand, priming would only move this work before the event and add its requests: it only fills the
      // time this thread would otherwise spend waiting for the other two
      primeDynamo(ledger, () -> !othersReady.isDone(), false);
    }
    try {
      warmUp.join();
    } catch (RuntimeException e) {
      // a warm-up that fails costs only time; the events themselves will show any real fault
      LOG.log(Level.WARNING, "warm-up of the ingest path failed", e.getCause() != null ? e.getCause() : e);
    }
    awaitQuietly(s3Primed, "the S3 start-up request");
    return new Ingest(s3.join(), reportStore, ReportParser.CORE);
  }

  /** Whether this start-up is SnapStart's, whose end state is snapshotted: then time spent here costs no event. */
  static boolean forSnapshot() {
    return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
  }

  /**
   * {@link ReportLedger#primeRequests} on a thread of its own, while {@code keepGoing}. With {@code wait} it is
   * waited for {@link #PRIMING_LIMIT} at most (a server just started can take over a second to answer its first
   * query). It reads and checks only; a failure or a timeout is only logged, and the first event then loads the
   * path itself, or fails and is retried if the table is unreachable.
   */
  static void primeDynamo(ReportLedger ledger, BooleanSupplier keepGoing, boolean wait) {
    CompletableFuture<Integer> primed = background("dynamodb-priming", () -> ledger.primeRequests(WARM_UP,
        keepGoing));
    primed.whenComplete((made, e) -> {
      if (e != null) {
        LOG.log(Level.WARNING, "DynamoDB did not answer the start-up requests (" + e + "); the first event will "
            + "load that path itself, and fail and be retried if the table is unreachable");
      }
    });
    if (wait) {
      awaitQuietly(primed, "the DynamoDB start-up requests");
    }
  }

  /** Waits for {@code work} at most {@link #PRIMING_LIMIT}: an unreachable service costs init this, not more. */
  private static void awaitQuietly(CompletableFuture<?> work, String what) {
    try {
      work.get(PRIMING_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warning(what + " took over " + PRIMING_LIMIT.toMillis() + " ms; start-up goes on without waiting");
    } catch (ExecutionException e) {
      // logged where it failed (priming), or said again by the join that follows (building a client)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A GetObject of a key that does not exist in the reports bucket (404). */
  static void primeS3(S3GetObjectClient s3, String bucket) {
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

  static Report readSample() {
    try (InputStream in = Startup.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(SAMPLE + " is missing from the package");
      }
      return ReportReader.read(in.readAllBytes(), SAMPLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnreadableDocumentException e) {
      throw new IllegalStateException("the bundled sample report is unreadable: " + e.getMessage(), e);
    }
  }

  private static <T> CompletableFuture<T> background(String name, Supplier<T> work) {
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
}
