package nianbao.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import nianbao.fixtures.SeedReports;
import nianbao.ingest.Ingest;
import nianbao.ingest.IngestHandler;
import nianbao.ingest.ReportParser;
import nianbao.servers.LocalDynamoDb;
import nianbao.servers.LocalS3;
import nianbao.servers.SamTemplate;
import nianbao.servers.TemplateTables;
import nianbao.store.ReportStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One stack for a test class: a table created from template.yaml's declaration, a versioned reports bucket whose
 * notifications reach the real ingest handler (synchronously: an upload returns once it is stored), an export
 * bucket, and the api handler, called with API Gateway payload 2.0 events that go through the Lambda runtime's
 * own serializers both ways. DynamoDB Local and s3proxy are started once per test JVM.
 */
final class ApiStack {
  static final Region REGION = Region.US_EAST_1;
  static final Path TEMPLATE = Path.of(System.getProperty("nianbao.template", "../../template.yaml"));
  static final String XINXIANG_2022 = "003_978a9fff42e671ca.txt";
  private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS =
      LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ApiStack.class.getClassLoader());
  private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
      LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, ApiStack.class.getClassLoader());
  private static LocalDynamoDb db;
  private static LocalS3 s3server;
  private static final AtomicLong REQUEST_IDS = new AtomicLong();

  final DynamoDbClient dynamo;
  final S3Client s3;
  final S3Presigner presigner;
  final String table;
  final String bucket;
  final String exportBucket;
  final ReportStore store;
  final IngestHandler ingest;
  final ApiHandler api;
  final ApiConfig config;
  private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Long> SENT =
      new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("nianbao.sent");
  /** Time spent waiting for DynamoDB (request sent → response received), all clients of this stack. */
  final AtomicLong dynamoNanos = new AtomicLong();
  /** DynamoDB requests by operation, for every client of this stack (api and ingest). */
  final Map<String, AtomicLong> dynamoRequests = new ConcurrentHashMap<>();

  ApiStack() {
    this(UnaryOperator.identity());
  }

  ApiStack(UnaryOperator<ApiConfig> tweak) {
    this(tweak, ExportJobs.inProcess());
  }

  /** Background exports held until {@link Held#release()}, to see them running. */
  static final class Held implements ExportJobs {
    private final java.util.List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.List<Job> jobs = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void start(Job job, Runnable inProcess) {
      jobs.add(job);
      held.add(inProcess);
    }

    void release() {
      held.forEach(Runnable::run);
      held.clear();
    }
  }

  ApiStack(UnaryOperator<ApiConfig> tweak, ExportJobs jobs) {
    startServers();
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    ExecutionInterceptor counter = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
        dynamoRequests.computeIfAbsent(a.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
            k -> new AtomicLong()).incrementAndGet();
        a.putAttribute(SENT, System.nanoTime());
      }

      @Override
      public void afterTransmission(Context.AfterTransmission c, ExecutionAttributes a) {
        Long sent = a.getAttribute(SENT);
        if (sent != null) {
          dynamoNanos.addAndGet(System.nanoTime() - sent);
        }
      }
    };
    dynamo = DynamoDbClient.builder().endpointOverride(db.endpoint()).region(REGION).credentialsProvider(creds)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
        .build();
    URI s3Endpoint = s3server.endpoint();
    s3 = S3Client.builder().endpointOverride(s3Endpoint).region(REGION).credentialsProvider(creds)
        .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
    presigner = S3Presigner.builder().endpointOverride(s3Endpoint).region(REGION).credentialsProvider(creds)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    String stack = "t" + UUID.randomUUID().toString().substring(0, 8);
    SamTemplate template = SamTemplate.read(TEMPLATE, Map.of(), stack, REGION.id());
    TemplateTables.Table t = TemplateTables.table(template, "ReportsTable");
    TemplateTables.create(dynamo, t);
    table = t.name();
    bucket = template.physicalName("ReportsBucket").replace("000000000000", "test");
    exportBucket = template.physicalName("ExportBucket").replace("000000000000", "test");
    s3.createBucket(r -> r.bucket(bucket));
    s3.putBucketVersioning(r -> r.bucket(bucket)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.createBucket(r -> r.bucket(exportBucket));
    store = new ReportStore(dynamo, table);
    ingest = new IngestHandler(new Ingest(new nianbao.ingest.S3GetObjectClient(UrlConnectionHttpClient.create(),
        s3Endpoint, REGION.id(), creds), store, ReportParser.CORE));
    s3server.notify(bucket, this::deliver);
    config = tweak.apply(ApiConfig.local(table, bucket, exportBucket));
    api = ApiHandler.create(config, s3, presigner, dynamo, java.time.Clock.systemUTC(), jobs);
  }

  private static synchronized void startServers() {
    if (db == null) {
      db = LocalDynamoDb.inMemory();
      s3server = LocalS3.inMemory(REGION.id());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        s3server.close();
        db.close();
      }));
    }
  }

  /** The bucket's notification, as the template wires it: the S3 event JSON to the ingest handler. */
  private void deliver(String json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ingest.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
    } catch (IOException | RuntimeException e) {
      ingestFailures.add(e);
      throw new IllegalStateException("ingest failed", e);
    }
    String answer = out.toString(StandardCharsets.UTF_8);
    ingestAnswers.add(answer);
  }

  /** What the ingest handler answered, and what it threw (the S3 client sees neither). */
  final java.util.Queue<String> ingestAnswers = new java.util.concurrent.ConcurrentLinkedQueue<>();
  final java.util.Queue<Exception> ingestFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();

  static byte[] seed(String name) {
    return SeedReports.bytes(name);
  }

  static String seedText(String name) {
    return SeedReports.text(name);
  }

  static java.util.List<String> seedNames() {
    return SeedReports.NAMES;
  }

  /** The five seeds, 新乡县人民政府 a year earlier (2021), and an upload that is no report. */
  ApiStack withSeeds() {
    for (String name : seedNames()) {
      upload("uploads/" + name, seed(name));
    }
    upload("uploads/新乡县 2021.txt", seedText(XINXIANG_2022)
        .replaceFirst("2022年政府信息公开", "2021年政府信息公开").getBytes(StandardCharsets.UTF_8));
    upload("uploads/not-a-report.txt", "这不是年度报告。\n只有两行。\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /**
   * The seeds, and 新乡县 2022 again with one more application received than it handled: B1 errors in two columns
   * (a new current version of that report), for the review tests.
   */
  ApiStack withSeedsAndB1Errors() {
    withSeeds();
    upload("uploads/新乡县 2022 有误.txt", seedText(XINXIANG_2022)
        .replace("一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13",
            "一、本年新收政府信息公开申请数量\t14\t0\t0\t0\t0\t0\t14")
        .getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Uploads into the reports bucket; returns once ingest has stored it (the notification is synchronous). */
  String upload(String key, byte[] bytes) {
    return s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromBytes(bytes)).versionId();
  }

  // ------------------------------------------------------------------------------------------------ calls

  /** An answer, as the Lambda runtime would send it back to API Gateway. */
  record Call(int status, Map<String, String> headers, String body, boolean base64) {
    Call(int status, Map<String, String> headers, String body) {
      this(status, headers, body, false);
    }

    /** The body's bytes: decoded when the answer is base64-encoded (a binary file). */
    byte[] bytes() {
      return base64 ? java.util.Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return null;
    }

    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Call get(String target) {
    return call("GET", target, Map.of(), null);
  }

  Call call(String method, String target, Map<String, String> headers, String body) {
    return call(method, target, headers, body, null);
  }

  /**
   * Sends one request through the handler as API Gateway (HTTP API, payload 2.0, route {@code $default}) shapes
   * it. {@code target} is the path and query as a client writes it (percent-encoded).
   */
  /** Invokes the handler with an event as Lambda would deliver it from its JSON (any invocation, not only HTTP). */
  APIGatewayV2HTTPResponse invoke(String eventJson) {
    return api.handleRequest(EVENTS.fromJson(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8))),
        null);
  }

  /** An event as Lambda would deliver it from its JSON. */
  static APIGatewayV2HTTPEvent eventOf(String eventJson) {
    return EVENTS.fromJson(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
  }

  Call call(String method, String target, Map<String, String> headers, String body, Map<String, String> claims) {
    return send(event(method, target, headers, body, claims));
  }

  /** A request whose body is bytes, as API Gateway delivers a body that is not text: base64-encoded. */
  Call callBytes(String method, String target, Map<String, String> headers, byte[] body) {
    APIGatewayV2HTTPEvent event = event(method, target, headers, null, null);
    event.setBody(java.util.Base64.getEncoder().encodeToString(body));
    event.setIsBase64Encoded(true);
    event.getHeaders().put("content-length", Integer.toString(body.length));
    return send(event);
  }

  private Call send(APIGatewayV2HTTPEvent event) {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    EVENTS.toJson(event, json);
    APIGatewayV2HTTPEvent delivered = EVENTS.fromJson(new ByteArrayInputStream(json.toByteArray()));
    APIGatewayV2HTTPResponse response = api.handleRequest(delivered, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RESPONSES.toJson(response, out);
    APIGatewayV2HTTPResponse sent = RESPONSES.fromJson(new ByteArrayInputStream(out.toByteArray()));
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (sent.getHeaders() != null) {
      h.putAll(sent.getHeaders());
    }
    return new Call(sent.getStatusCode(), h, sent.getBody(), sent.getIsBase64Encoded());
  }

  static APIGatewayV2HTTPEvent event(String method, String target, Map<String, String> headers, String body,
      Map<String, String> claims) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? "" : target.substring(q + 1);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("accept", "*/*");
    h.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
    h.put("user-agent", "nianbao-test");
    h.put("x-forwarded-proto", "https");
    headers.forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
    if (body != null) {
      h.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
    }
    Instant now = Instant.now();
    var authorizer = claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims)
            .withScopes(java.util.List.of()).build()).build();
    var context = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withRouteKey("$default").withAccountId("123456789012").withStage("$default").withApiId("abc123")
        .withDomainName("abc123.execute-api.us-east-1.amazonaws.com").withDomainPrefix("abc123")
        .withTime("01/Feb/2026:08:00:00 +0000").withTimeEpoch(now.toEpochMilli())
        .withRequestId("req-" + REQUEST_IDS.incrementAndGet())
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(decodePath(path))
            .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("nianbao-test").build())
        .withAuthorizer(authorizer).build();
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default").withRawPath(path)
        .withRawQueryString(query).withHeaders(h).withQueryStringParameters(queryMap(query))
        .withBody(body).withIsBase64Encoded(false).withRequestContext(context).build();
  }

  private static String decodePath(String path) {
    return java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** API Gateway's queryStringParameters: decoded, repeated names joined with commas. */
  private static Map<String, String> queryMap(String query) {
    if (query.isEmpty()) {
      return null;
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      m.merge(k, v, (a, b) -> a + "," + b);
    }
    return m;
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
