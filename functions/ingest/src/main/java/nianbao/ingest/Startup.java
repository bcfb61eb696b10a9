package nianbao.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.model.Report;
import nianbao.store.ReportLedger;
import nianbao.store.ReportStore;
import nianbao.store.item.Keys;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The cold start of the ingest function. Most of it is loading and first running classes, so it does that
 * work on two threads and before the first event: the DynamoDB client is built and makes each kind of request
 * storing a report makes, on a key that does not exist, then the S3 client is built and asked for an absent key;
 * meanwhile a bundled sample report is read and everything storing it would write is built in memory, without
 * writing it. With SnapStart this runs once, before the snapshot ("priming"); without it, the four requests are
 * its only cost beyond the work itself.
 */
final class Startup {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());
  static final String SAMPLE = "warm-up-report.txt";
  /** The key the priming requests ask for; nothing is ever stored under it. */
  static final String WARM_UP = "nianbao-warm-up";
  private static final AwsRequestOverrideConfiguration PRIMING = AwsRequestOverrideConfiguration.builder()
      .apiCallTimeout(Duration.ofSeconds(2)).build();

  private Startup() {}

  /** The function's collaborators, warmed up; {@code reportsBucket} (may be null) is where uploads arrive. */
  static Ingest ingest(String tableName, String reportsBucket) {
    CompletableFuture<ReportStore> store = new CompletableFuture<>();
    // the reader needs no SDK class, so it runs while this thread loads the SDK's core
    CompletableFuture<Integer> warmUp = background("warm-up", () -> {
      Report sample = readSample();
      return new ReportLedger(store.join()).prepare(sample).size();
    });
    ReportStore reportStore;
    S3Client s3;
    try {
      DynamoDbClient dynamo = AwsClients.dynamo();
      reportStore = new ReportStore(dynamo, tableName);
      store.complete(reportStore);
      primeDynamo(dynamo, tableName);
      s3 = AwsClients.s3();
      primeS3(s3, reportsBucket);
    } finally {
      store.completeExceptionally(new IllegalStateException("start-up failed")); // frees the warm-up if it waits
    }
    try {
      warmUp.join();
    } catch (CompletionException e) {
      // a warm-up that fails costs only time; the events themselves will show any real fault
      LOG.log(Level.WARNING, "warm-up of the ingest path failed", e.getCause());
    }
    return new Ingest(s3, reportStore, ReportParser.CORE);
  }

  /**
   * The three kinds of request storing a report makes, each finding or changing nothing: a Query and a
   * BatchGetItem of a key that does not exist, and a transaction whose only action is a condition check on it.
   * The first failure ends it, and each is bounded to 2 s (a server just started can take over a second to
   * answer its first query), so an unreachable table delays start-up by that at most. Failures are only logged.
   */
  static void primeDynamo(DynamoDbClient dynamo, String tableName) {
    Map<String, AttributeValue> key = Map.of(Keys.PK, AttributeValue.fromS(WARM_UP), Keys.SK,
        AttributeValue.fromS(WARM_UP));
    try {
      dynamo.query(r -> r.tableName(tableName).keyConditionExpression("#pk = :pk").limit(1)
          .expressionAttributeNames(Map.of("#pk", Keys.PK))
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(WARM_UP)))
          .overrideConfiguration(PRIMING));
      dynamo.batchGetItem(r -> r.requestItems(Map.of(tableName, KeysAndAttributes.builder().keys(key)
          .consistentRead(true).build())).overrideConfiguration(PRIMING));
      dynamo.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().conditionCheck(c -> c
          .tableName(tableName).key(key).conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", Keys.PK))).build()).overrideConfiguration(PRIMING));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "DynamoDB did not answer the start-up requests (" + e + "); the first event will "
          + "load that path itself, and fail and be retried if the table is unreachable");
    }
  }

  /** A GetObject of a key that does not exist in the reports bucket (404), bounded like the DynamoDB ones. */
  static void primeS3(S3Client s3, String bucket) {
    if (bucket == null || bucket.isBlank()) {
      return;
    }
    try {
      s3.getObject(r -> r.bucket(bucket).key(WARM_UP + "/absent").overrideConfiguration(PRIMING),
          ResponseTransformer.toBytes());
    } catch (NoSuchKeyException e) {
      // the expected answer
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "S3 did not answer the start-up request as expected (" + e + "); the first event will "
          + "load that path itself, and fail and be retried if the bucket is unreachable");
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
