package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.fixtures.SeedReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * template.yaml as it is, started in the test: every seed uploaded with the real AWS CLI and again with a
 * presigned PUT from the API's {@code POST /uploads}, and the results read back through the HTTP API, as the page
 * and other systems read them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TemplateRunnerEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TemplateRunner stack;
  /** seed file name → report id, from the CLI uploads */
  private static final Map<String, String> REPORTS = new LinkedHashMap<>();
  /** What the stack and its functions printed. */
  private static final java.util.List<String> LOG = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    long t0 = System.nanoTime();
    stack = TemplateRunner.start(StackOptions.throwaway(TemplateRunnerWiringTest.ROOT,
        TemplateRunnerWiringTest.ROOT.resolve("template.yaml")).log(line -> {
          LOG.add(line);
          System.err.println(line);
        }));
    System.err.printf("local stack from template.yaml ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(0)
  void functionsStartAfterTheResourcesTheyUseExistAsInLambda() {
    // the ingest function's start-up reads the table and the bucket: none of it may find them missing
    assertTrue(LOG.stream().noneMatch(l -> l.contains("start-up request")), String.join("\n", LOG));
    assertTrue(LOG.stream().anyMatch(l -> l.contains("本地栈启动")), "the stack's log was captured: " + LOG);
  }

  @Test
  @Order(1)
  void everySeedUploadedWithTheAwsCliIsIngestedAndServedByTheApi() throws Exception {
    // WHEN the seeds are copied into the bucket by the AWS CLI
    Path dir = Files.createTempDirectory("seeds");
    for (Path seed : SeedReports.files()) {
      Files.copy(seed, dir.resolve(seed.getFileName()));
    }
    AwsCli.run(stack.s3Endpoint(), "s3", "cp", dir.toString(), "s3://" + stack.reportsBucket() + "/uploads/cli/",
        "--recursive");
    // THEN each one's upload status names its report, and the report is served
    for (Path seed : SeedReports.files()) {
      String name = seed.getFileName().toString();
      JsonNode status = awaitIngested("uploads/cli/" + name);
      String id = status.path("reportId").asText();
      REPORTS.put(name, id);
      JsonNode report = Http.json(Http.get(stack.apiUrl() + "/reports/" + id));
      assertEquals(status.path("year").asInt(), report.path("year").asInt(), report.toString());
      assertEquals(200, Http.get(stack.apiUrl() + "/reports/" + id + "/findings").statusCode());
    }
    JsonNode list = Http.json(Http.get(stack.apiUrl() + "/reports?limit=200"));
    List<String> listed = new ArrayList<>();
    list.path("items").forEach(item -> listed.add(item.path("id").asText()));
    assertTrue(listed.containsAll(REPORTS.values()), listed + " lacks some of " + REPORTS);
    // page by page, with the cursors the function seals with the key the stack made for the template's secret
    List<String> paged = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page = Http.json(Http.get(stack.apiUrl() + "/reports?limit=2" + cursor));
      page.path("items").forEach(item -> paged.add(item.path("id").asText()));
      cursor = page.path("cursor").isTextual() ? "&cursor=" + page.path("cursor").asText() : null;
    } while (cursor != null && paged.size() < 400);
    assertEquals(listed, paged);
    // and the AWS CLI sees the items in the table
    JsonNode scan = JSON.readTree(AwsCli.run(stack.dynamoEndpoint(), "dynamodb", "scan", "--table-name",
        stack.table(), "--select", "COUNT"));
    assertTrue(scan.path("Count").asInt() >= 5 * 3, scan.toString());
  }

  @Test
  @Order(2)
  void everySeedUploadedThroughAPresignedPutFromTheApiGivesTheSameReport() throws Exception {
    for (Path seed : SeedReports.files()) {
      byte[] bytes = Files.readAllBytes(seed);
      // WHEN the page's way is taken: ask the API for a presigned PUT, then PUT the bytes to it
      String request = JSON.createObjectNode().put("fileName", seed.getFileName().toString())
          .put("contentType", "text/plain").put("size", bytes.length).toString();
      HttpResponse<String> created = Http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/uploads"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)));
      assertEquals(200, created.statusCode(), created.body());
      JsonNode upload = Http.json(created);
      HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
          .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
      upload.path("headers").fields().forEachRemaining(h -> {
        if (!h.getKey().equalsIgnoreCase("content-length")) {
          put.header(h.getKey(), h.getValue().asText());
        }
      });
      HttpResponse<String> stored = Http.send(put);
      assertEquals(200, stored.statusCode(), stored.body());
      // THEN the status the API reports names the same report as the CLI's upload of these bytes
      JsonNode status = awaitIngested(upload.path("key").asText());
      assertEquals(REPORTS.get(seed.getFileName().toString()), status.path("reportId").asText());
    }
  }

  @Test
  @Order(3)
  void uploadsByTheCliAndTheSdkBecomeVisibleInTheApi() {
    // How fast is UploadLatency's to measure (a program): a time asserted here failed under other builds' load.
    Path seed = SeedReports.files().get(2);
    AwsCli.run(stack.s3Endpoint(), "s3", "cp", seed.toString(), "s3://" + stack.reportsBucket() + "/uploads/latency/cli.txt");
    assertEquals("INGESTED", awaitIngested("uploads/latency/cli.txt").path("state").asText());
    String key = "uploads/latency/sdk-" + seed.getFileName();
    stack.s3Client().putObject(r -> r.bucket(stack.reportsBucket()).key(key), RequestBody.fromFile(seed));
    JsonNode status = awaitIngested(key);
    String reportId = status.path("reportId").asText();
    assertTrue(!reportId.isEmpty(), status.toString());
    assertEquals(200, Http.get(stack.apiUrl() + "/reports/" + reportId).statusCode());
  }

  @Test
  @Order(4)
  void thePagesOriginMayCallTheApiAndPutIntoTheBucket() {
    // the API's CORS is the function's own, with the page's origin as the template's AllowedOrigin
    HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/uploads"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", stack.pageOrigin())
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type"));
    assertTrue(preflight.statusCode() < 300, preflight.statusCode() + " " + preflight.body());
    assertEquals(stack.pageOrigin(), preflight.headers().firstValue("access-control-allow-origin").orElse(null));
    // the browser's PUT to a presigned URL is allowed by the bucket's CORS rule
    HttpResponse<String> put = Http.send(HttpRequest.newBuilder(URI.create(stack.s3Endpoint() + "/"
        + stack.reportsBucket() + "/uploads/x.txt")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", stack.pageOrigin()).header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "content-type"));
    assertEquals(200, put.statusCode(), put.body());
    assertEquals(stack.pageOrigin(), put.headers().firstValue("access-control-allow-origin").orElse(null));
    // and the page itself is served with its config.json pointing at the API
    assertEquals(stack.apiUrl(), Http.json(Http.get(stack.pageOrigin() + "/config.json")).path("apiBase").asText());
  }

  private static JsonNode awaitIngested(String key) {
    return Http.await(stack.apiUrl() + "/uploads/status?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
        s -> s.path("state").asText().equals("INGESTED"), Duration.ofSeconds(60));
  }
}
