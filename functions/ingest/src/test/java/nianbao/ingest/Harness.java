package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nianbao.core.model.Report;
import nianbao.fixtures.SeedReports;
import nianbao.ingest.operations.OperationsHandler;
import nianbao.servers.S3Events;
import nianbao.servers.SamTemplate;
import nianbao.servers.TemplateTables;
import nianbao.store.ListFilter;
import nianbao.store.Page;
import nianbao.store.ReportRow;
import nianbao.store.ReportStore;
import nianbao.store.Summary;
import nianbao.store.SummaryCounts;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import org.joda.time.DateTime;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * One stack for a test: a table created from template.yaml's declaration, a versioned bucket, the store and the
 * real handler; uploads, S3 events built with aws-lambda-java-events and serialised by the Lambda runtime's own
 * serializers, and the invariant that every stored summary equals the sum over the current reports.
 */
final class Harness {
  static final Path TEMPLATE = Path.of(System.getProperty("nianbao.template", "../../template.yaml"));
  private static final AtomicLong SEQUENCE = new AtomicLong(0x100000000L);
  private static final PojoSerializer<S3Event> SERIALIZER =
      LambdaEventSerializers.serializerFor(S3Event.class, Harness.class.getClassLoader());

  final Backend backend;
  final DynamoDbClient dynamo;
  final S3Client s3;
  final String table;
  final String bucket;
  final ReportStore store;
  final IngestHandler handler;
  final OperationsHandler operations;
  final Ingest ingest;

  Harness(Backend backend, DynamoDbClient dynamo, ReportParser parser) {
    this.backend = backend;
    this.dynamo = dynamo;
    this.s3 = backend.s3();
    String stack = "t" + UUID.randomUUID().toString().substring(0, 8);
    SamTemplate template = SamTemplate.read(TEMPLATE, Map.of(), stack, Backend.REGION.id());
    TemplateTables.Table t = TemplateTables.table(template, "ReportsTable");
    TemplateTables.create(dynamo, t);
    this.table = t.name();
    this.bucket = template.physicalName("ReportsBucket").replace("000000000000", "test");
    s3.createBucket(r -> r.bucket(bucket));
    s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    this.store = new ReportStore(dynamo, table);
    this.ingest = ingestWith(parser);
    this.handler = new IngestHandler(ingest);
    this.operations = new OperationsHandler(ingest, backend::sqs, null);
  }

  /** An ingest on this harness's bucket and table that reads with {@code parser} (say, a newer reader). */
  Ingest ingestWith(ReportParser parser) {
    return new Ingest(backend.s3Objects(), store, parser);
  }

  /** An uploaded object and the S3 event record that announces it. */
  record Uploaded(String key, String versionId, String eTag, long size, String sequencer, Instant time) {}

  Uploaded upload(String key, byte[] bytes) {
    PutObjectResponse r = s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    return new Uploaded(key, r.versionId(), unquote(r.eTag()), bytes.length, nextSequencer(), Instant.now());
  }

  static String nextSequencer() {
    return String.format("%016X", SEQUENCE.incrementAndGet());
  }

  static String unquote(String eTag) {
    return eTag != null && eTag.startsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
  }

  /** An S3 event with one record per upload, built with aws-lambda-java-events, as Lambda would pass it. */
  static byte[] createdEvent(String bucket, Uploaded... uploads) {
    List<S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
    for (Uploaded u : uploads) {
      records.add(record("ObjectCreated:Put", bucket, u.key(), u.size(), u.eTag(), u.versionId(), u.sequencer(),
          u.time()));
    }
    return serialise(new S3Event(records));
  }

  /**
   * A removal event as S3 sends it (no size, no eTag; the events library cannot serialise a record without a
   * size, so it is written as S3 writes it and checked to read back through the Lambda runtime's serializer).
   */
  static byte[] removedEvent(String bucket, String key, String versionId, boolean marker) {
    String json = S3Events.json(new S3Events.ObjectEvent(marker ? "ObjectRemoved:DeleteMarkerCreated"
        : "ObjectRemoved:Delete", Backend.REGION.id(), bucket, key, null, null, versionId, nextSequencer(),
        Instant.now()));
    S3Event parsed = SERIALIZER.fromJson(json);
    assertEquals(key, parsed.getRecords().get(0).getS3().getObject().getUrlDecodedKey());
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static S3EventNotification.S3EventNotificationRecord record(String eventName, String bucket, String key,
      Long size, String eTag, String versionId, String sequencer, Instant time) {
    var object = new S3EventNotification.S3ObjectEntity(S3Events.encodeKey(key), size, eTag, versionId, sequencer);
    var bucketEntity = new S3EventNotification.S3BucketEntity(bucket,
        new S3EventNotification.UserIdentityEntity("OWNER"), "arn:aws:s3:::" + bucket);
    var entity = new S3EventNotification.S3Entity("nianbao-ingest", bucketEntity, object, "1.0");
    return new S3EventNotification.S3EventNotificationRecord(Backend.REGION.id(), eventName, "aws:s3",
        new DateTime(time.toEpochMilli()).toString(), "2.1",
        new S3EventNotification.RequestParametersEntity("127.0.0.1"),
        new S3EventNotification.ResponseElementsEntity("x-amz-id-2", "request-id"), entity,
        new S3EventNotification.UserIdentityEntity("AWS:UPLOADER"));
  }

  static byte[] serialise(S3Event event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SERIALIZER.toJson(event, out);
    return out.toByteArray();
  }

  /** Runs the real upload handler on an event; returns its JSON answer. */
  String invoke(byte[] event) {
    return invoke(handler, event);
  }

  /** Runs the real operations handler on an operator's request; returns its JSON answer. */
  String operate(String request) {
    return invoke(operations, request.getBytes(StandardCharsets.UTF_8));
  }

  static String invoke(RequestStreamHandler handler, byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new ByteArrayInputStream(event)) {
      handler.handleRequest(in, out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  String deliver(Uploaded... uploads) {
    return invoke(createdEvent(bucket, uploads));
  }

  /** Uploads the five seeds, each as {@code uploads/<name>}, and delivers them in one event. */
  String deliverSeeds() {
    List<Uploaded> uploads = new ArrayList<>();
    for (String name : SeedReports.NAMES) {
      uploads.add(upload("uploads/" + name, SeedReports.bytes(name)));
    }
    return deliver(uploads.toArray(Uploaded[]::new));
  }

  /** Every current report and rejected upload, through the byNewest index (all pages). */
  List<ReportHead> heads() {
    List<ReportHead> heads = new ArrayList<>();
    String cursor = null;
    do {
      Page<ReportRow> page = store.list(ListFilter.none(), 7, cursor);
      for (ReportRow row : page.items()) {
        heads.add(store.head(row.reportId()).orElseThrow());
      }
      cursor = page.cursor();
    } while (cursor != null);
    return heads;
  }

  /**
   * The invariant behind "summaries exactly right": each stored summary item equals the sum of the contributions
   * of the reports that are current now, recomputed from their stored heads and bodies.
   */
  void assertSummariesExact() {
    Map<String, Map<String, BigDecimal>> expected = new TreeMap<>();
    for (ReportHead h : heads()) {
      Report report = h.rejected() ? null : store.body(store.version(h.reportId(), h.currentSha()).orElseThrow());
      // each report's contribution to each of its scopes, and its county's line in its city's item
      SummaryCounts.addTo(expected, h, report, 1);
    }
    for (String scope : summaryScopes(expected.keySet())) {
      Summary s = summaryOf(scope);
      Map<String, BigDecimal> nonZero = new TreeMap<>();
      s.values().forEach((k, v) -> {
        if (v.signum() != 0) {
          nonZero.put(k, v.stripTrailingZeros());
        }
      });
      Map<String, BigDecimal> want = new TreeMap<>();
      expected.getOrDefault(scope, Map.of()).forEach((k, v) -> {
        if (v.signum() != 0) {
          want.put(k, v.stripTrailingZeros());
        }
      });
      assertEquals(want, nonZero, "summary " + scope);
    }
  }

  /** The expected scopes and every summary item stored (a scan is fine in a test's check, never in the code). */
  private java.util.Set<String> summaryScopes(java.util.Set<String> expected) {
    java.util.Set<String> all = new java.util.TreeSet<>(expected);
    all.add(Keys.summary(null, null, null));
    dynamo.scanPaginator(r -> r.tableName(table).filterExpression("begins_with(pk, :s)")
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SUM#")))).items()
        .forEach(item -> all.add(item.get("pk").s()));
    return all;
  }

  Summary summaryOf(String scope) {
    String[] p = scope.split("#", -1);
    Integer year = p[1].equals("*") ? null : Integer.valueOf(p[1]);
    return store.summary(year, p[2].equals("*") ? null : p[2], p[3].equals("*") ? null : p[3],
        p.length > 4 ? p[4] : null);
  }
}
