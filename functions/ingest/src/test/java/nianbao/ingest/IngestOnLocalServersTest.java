package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import nianbao.fixtures.SeedReports;
import nianbao.ingest.coldstart.ColdStart;
import nianbao.ingest.coldstart.Priming;
import nianbao.ingest.coldstart.WarmUp;
import nianbao.servers.NotificationSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** The suite against DynamoDB Local and s3proxy in this JVM, plus what only in-process servers allow. */
class IngestOnLocalServersTest extends IngestSuite {
  private static Backend.Local backend;

  @BeforeAll
  static void start() throws Exception {
    backend = Backend.Local.shared();
  }

  @Override
  Backend backend() {
    return backend;
  }

  @Test
  void startUpBuildsTheClientsFromTheStandardSettingsAndWarmsUpWithoutWriting() throws Exception {
    // GIVEN an empty table and the endpoints given only as the SDK's standard settings
    Harness h = harness();
    java.util.Map<String, String> settings = java.util.Map.of("aws.endpointUrlDynamoDb",
        backend.dynamoEndpoint().toString(), "aws.endpointUrlS3", backend.s3Endpoint().toString(), "aws.region",
        Backend.REGION.id(), "aws.accessKeyId", "test", "aws.secretAccessKey", "test");
    settings.forEach(System::setProperty);
    try {
      // WHEN the function starts as Lambda starts it
      Ingest ingest = ColdStart.ingest(h.table, h.bucket);
      // THEN the warm-up asked DynamoDB and S3, and built a report's items, but wrote none of them
      assertEquals(0, h.dynamo.scan(r -> r.tableName(h.table)).count(), "start-up wrote nothing");
      var items = h.ingest.writer().prepare(WarmUp.readSample());
      assertTrue(items.size() >= 5, "head, version, rules, summaries");
      // AND the warm-up, which prepares them before there is a client, builds the same requests
      assertEquals(items.size(), nianbao.store.write.ReportWriter.prepare(h.table, WarmUp.readSample()).size());
      // AND the function it built stores an upload
      Harness.Uploaded u = h.upload("uploads/报告 2022 v1+final.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));
      var out = new java.io.ByteArrayOutputStream();
      new IngestHandler(ingest).handleRequest(
          new ByteArrayInputStream(Harness.createdEvent(h.bucket, u)), out, null);
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"CREATED\""), out.toString(StandardCharsets.UTF_8));
      h.assertSummariesExact();
    } finally {
      settings.keySet().forEach(System::clearProperty);
    }
  }

  @Test
  void primingMakesItsRequestsOnlyWhileAskedAndWritesNothing() {
    // GIVEN an empty table
    Harness h = harness();
    // WHEN a start-up for a snapshot primes, and an on-demand one whose other threads are already done primes
    int all = h.ingest.writer().primeRequests(Priming.WARM_UP, () -> true);
    int none = h.ingest.writer().primeRequests(Priming.WARM_UP, () -> false);
    // THEN the first made every kind of request storing makes, the second none, and neither wrote anything
    assertEquals(4, all, "source history, prefetch, version read, condition check");
    assertEquals(0, none);
    assertEquals(0, h.dynamo.scan(r -> r.tableName(h.table)).count());
  }

  @Test
  void unreachableServicesDelayStartUpByTwoSecondsEachAtMost() {
    // GIVEN DynamoDB and S3 endpoints where nothing listens
    var dead = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
        .endpointOverride(java.net.URI.create("http://127.0.0.1:" + nianbao.servers.FreePorts.loopback()))
        .region(Backend.REGION).credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
            .create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
    var deadS3 = new S3GetObjectClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create(),
        java.net.URI.create("http://127.0.0.1:" + nianbao.servers.FreePorts.loopback()), Backend.REGION.id(),
        software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
            .create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")));
    // WHEN start-up primes them THEN each gives up quietly, within its first request's bound of 2 s
    long t0 = System.nanoTime();
    Priming.dynamo(new nianbao.store.write.ReportWriter(new nianbao.store.ReportStore(dead, "reports")), () -> true, true);
    Priming.s3(deadS3, "reports");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(millis < 5_000, millis + " ms");
  }

  @Test
  void aDynamoDbOutageInTheMiddleOfIngestFailsTheInvocationAndTheRetryGetsItRight() throws Exception {
    // GIVEN a client whose first transaction finds DynamoDB Local stopped, just after the reads were done
    AtomicBoolean outage = new AtomicBoolean(true);
    ExecutionInterceptor stopBeforeWrite = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest && outage.getAndSet(false)) {
          backend.stopDynamo();
        }
      }
    };
    Harness h = new Harness(backend, backend.dynamo(stopBeforeWrite), ReportParser.CORE);
    Harness.Uploaded a = h.upload("uploads/a.txt", SeedReports.bytes(SeedReports.NAMES.get(0)));
    Harness.Uploaded b = h.upload("uploads/b.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));
    byte[] event = Harness.createdEvent(h.bucket, a, b);
    try {
      // WHEN the event is handled during the outage
      Ingest.IngestFailedException failed = assertThrows(Ingest.IngestFailedException.class, () -> h.invoke(event));
      assertTrue(failed.getMessage().contains("2 of 2"), failed.getMessage());
    } finally {
      backend.startDynamo();
    }
    // THEN Lambda's retry of the same event stores both, exactly once
    h.invoke(event);
    h.invoke(event);
    assertEquals(2, h.heads().size());
    assertEquals(2, h.store.summary(2022, null, null).reports());
    h.assertSummariesExact();
  }

  @Test
  void aNewReportCostsFourDynamoDbRequests() throws Exception {
    // GIVEN a client that notes each request it sends, and an upload
    List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean noting = new AtomicBoolean();
    ExecutionInterceptor note = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (noting.get()) {
          requests.add(context.request().getClass().getSimpleName());
        }
      }
    };
    Harness h = new Harness(backend, backend.dynamo(note), ReportParser.CORE);
    Harness.Uploaded u = h.upload("uploads/a.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));
    // WHEN it is stored as a new report
    noting.set(true);
    h.invoke(Harness.createdEvent(h.bucket, u));
    noting.set(false);
    // THEN the object's history, the batch of heads and version, the report's versions, one transaction
    assertEquals(List.of("QueryRequest", "BatchGetItemRequest", "QueryRequest", "TransactWriteItemsRequest"),
        requests);
  }

  @Test
  void s3proxyNotificationsReachTheHandlerInTheShapeLambdaDelivers() throws Exception {
    Harness h = harness();
    List<String> answers = new ArrayList<>();
    backend.localS3().notify(h.bucket, json -> {
      // the notification JSON as S3 would send it: the Lambda runtime's serializer reads it, the handler gets it
      S3Event event = LambdaEventSerializers.serializerFor(S3Event.class, getClass().getClassLoader())
          .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
      assertEquals("uploads/报告 2022 v1+final.txt", event.getRecords().get(0).getS3().getObject().getUrlDecodedKey());
      answers.add(h.invoke(json.getBytes(StandardCharsets.UTF_8)));
    });
    try {
      h.s3.putObject(p -> p.bucket(h.bucket).key("uploads/报告 2022 v1+final.txt"),
          RequestBody.fromBytes(SeedReports.bytes(SeedReports.XINXIANG_2022)));
      assertEquals(1, answers.size());
      assertTrue(answers.get(0).contains("CREATED"), answers.get(0));
      assertEquals("uploads/报告 2022 v1+final.txt", h.heads().get(0).key());
      h.s3.deleteObject(r -> r.bucket(h.bucket).key("uploads/报告 2022 v1+final.txt"));
      assertEquals(2, answers.size());
      assertEquals(0, h.heads().size());
      h.assertSummariesExact();
    } finally {
      backend.localS3().stopNotifying(h.bucket);
    }
  }
}
