package nianbao.ocr.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nianbao.ocr.OcrException;
import nianbao.ocr.PageImage;
import nianbao.ocr.PageRecogniser;
import nianbao.ocr.PageSource;
import nianbao.ocr.RecognisedPage;
import nianbao.servers.LocalDynamoDb;
import nianbao.servers.SamTemplate;
import nianbao.servers.TemplateTables;
import nianbao.store.ReportStore;
import nianbao.store.UploadView;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.UploadedObject;
import nianbao.telemetry.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The job's hand-off and resume on DynamoDB Local (the saved pages, the upload status, the write path), with a
 * recogniser that counts its calls (our interface, not a service): the engine itself is exercised end to end in
 * the local stack's test.
 */
class OcrJobTest {
  private static LocalDynamoDb db;
  private static DynamoDbClient dynamo;
  private String table;
  private ReportStore store;
  private final List<Integer> recognised = new ArrayList<>();
  private final List<OcrRequest> handoffs = new ArrayList<>();
  private final List<String> metricLines = new ArrayList<>();
  private byte[] object = "scan".getBytes();

  @BeforeAll
  static void servers() {
    db = LocalDynamoDb.inMemory();
    dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(db.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"))).build();
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    db.close();
  }

  @BeforeEach
  void table() {
    SamTemplate template = SamTemplate.read(Path.of(System.getProperty("nianbao.template")), Map.of(),
        "t" + UUID.randomUUID().toString().substring(0, 8), "us-east-1");
    TemplateTables.Table t = TemplateTables.table(template, "ReportsTable");
    TemplateTables.create(dynamo, t);
    table = t.name();
    store = new ReportStore(dynamo, table);
  }

  /** Pages as blank images; the recogniser finds no word on them, so the scan is in the end no report. */
  private PageSource blankPages(int count) {
    return new PageSource() {
      public int count() {
        return count;
      }

      public PageImage page(int n) {
        return new PageImage(n, new BufferedImage(20, 30, BufferedImage.TYPE_BYTE_GRAY), 72);
      }

      public String format() {
        return "pdf";
      }

      public void close() {}
    };
  }

  private final PageRecogniser counting = new PageRecogniser() {
    public RecognisedPage recognise(PageImage page) throws OcrException {
      recognised.add(page.page());
      return new RecognisedPage(page.page(), page.widthPt(), page.heightPt(), List.of(), List.of(), 1500);
    }

    public String engine() {
      return "counting";
    }
  };

  private OcrJob job(int pages) {
    return new OcrJob(u -> object, (bytes, name) -> blankPages(pages), counting, new SavedPages(dynamo, table),
        new ReportWriter(store), handoffs::add, Metrics.forFunction("ocr", metricLines::add, java.time.Clock.systemUTC()));
  }

  private static final UploadedObject SCAN = new UploadedObject("reports", "uploads/扫描 件.pdf", "v1", "e1", 4L, "0A",
      Instant.parse("2026-12-07T10:00:00Z"));

  private UploadView status() {
    return store.uploadHistory(SCAN.bucket(), SCAN.key()).get(0);
  }

  @Test
  void aScanShortOfTimeHandsOffAfterAPageAndTheNextInvocationResumesWithoutRecognisingAPageTwice() {
    // GIVEN an invocation whose time runs short once a page is done
    OcrJob.Outcome first = job(3).run(new OcrRequest(SCAN, 0), () -> recognised.isEmpty() ? 600_000 : 1_000);

    // THEN it hands the same scan off after page 1, which is saved, and the upload status says how far it got
    assertEquals(OcrJob.Result.HANDED_OFF, first.result());
    assertEquals(List.of(1), recognised);
    assertEquals(1, handoffs.size());
    assertEquals(SCAN, handoffs.get(0).upload());
    assertEquals(1, handoffs.get(0).handoff());
    assertEquals(1, new SavedPages(dynamo, table).load(SCAN).size());
    assertEquals("RECOGNISING", status().state());
    assertEquals("文字识别中 1/3 页", status().reason());

    // WHEN the handed-off request runs (its JSON, as Lambda delivers it) with time enough
    OcrJob.Outcome second = job(3).run(OcrRequest.parse(handoffs.get(0).toJson()), () -> 600_000);

    // THEN pages 2 and 3 only are recognised, the outcome replaces the progress, and the saved pages are gone
    assertEquals(List.of(1, 2, 3), recognised);
    assertEquals(OcrJob.Result.REJECTED, second.result());
    assertEquals("REJECTED", status().state());
    assertEquals("扫描件中没有识别出文字", status().reason());
    assertTrue(new SavedPages(dynamo, table).load(SCAN).isEmpty());
    // AND each page's recognition, over both invocations, and nothing else was timed (no document was read)
    assertEquals(3, metricLines.stream().filter(l -> l.contains("OcrDuration") && l.contains("\"Page\"")).count());
  }

  @Test
  void savedPagesExpireADayAfterTheDeadLetterQueueWouldHaveDroppedTheirRequest() {
    // a scan handed off after a page, whose next invocation never comes (its request left in the dead-letter queue)
    Instant before = Instant.now();
    job(3).run(new OcrRequest(SCAN, 0), () -> recognised.isEmpty() ? 600_000 : 1_000);

    // the saved page carries the table's TTL attribute: epoch seconds 15 days on (the queue keeps 14)
    List<Map<String, AttributeValue>> items = dynamo.scan(r -> r.tableName(table)).items().stream()
        .filter(i -> i.get("pk").s().startsWith("OCR#")).toList();
    assertEquals(1, items.size());
    long expires = Long.parseLong(items.get(0).get(SavedPages.EXPIRES).n());
    assertTrue(expires >= before.plus(Duration.ofDays(15)).getEpochSecond()
        && expires <= Instant.now().plus(Duration.ofDays(15)).getEpochSecond(), "expires " + Instant.ofEpochSecond(
            expires));
    // and that attribute is the one the template's table expires items by
    SamTemplate template = SamTemplate.read(Path.of(System.getProperty("nianbao.template")), Map.of(), "t",
        "us-east-1");
    @SuppressWarnings("unchecked")
    Map<String, Object> ttl = (Map<String, Object>) template.properties("ReportsTable")
        .get("TimeToLiveSpecification");
    assertEquals(Map.of("AttributeName", SavedPages.EXPIRES, "Enabled", true), ttl);
  }

  @Test
  void everyInvocationRecognisesAtLeastOnePageSoHandOffsAlwaysProgress() {
    OcrJob.Outcome o = job(2).run(new OcrRequest(SCAN, 4), () -> 0);
    assertEquals(OcrJob.Result.HANDED_OFF, o.result());
    assertEquals(List.of(1), recognised);
    assertEquals(5, handoffs.get(0).handoff());
  }

  @Test
  void anObjectGoneSinceIsStaleAndItsSavedPagesAreDeleted() {
    job(3).run(new OcrRequest(SCAN, 0), () -> recognised.isEmpty() ? 600_000 : 1_000);
    object = null;
    OcrJob.Outcome o = job(3).run(new OcrRequest(SCAN, 1), () -> 600_000);
    assertEquals(OcrJob.Result.STALE, o.result());
    assertTrue(new SavedPages(dynamo, table).load(SCAN).isEmpty());
  }

  @Test
  void theMarginIsTwiceTheSlowestPageAndTheReserve() {
    assertEquals(OcrJob.RESERVE_MILLIS, job(1).margin(0));
    assertEquals(20_000 + OcrJob.RESERVE_MILLIS, job(1).margin(10_000));
  }

  @Test
  void aRequestIsAnS3EventThatIngestCanRedrive() {
    OcrRequest request = new OcrRequest(new UploadedObject("b", "uploads/a b+c/报告.pdf", null, "e", 9L, "01",
        Instant.parse("2026-12-07T10:00:00Z")), 2);
    assertEquals(request, OcrRequest.parse(request.toJson()));
    assertEquals(request, OcrRequest.parse("{\"requestPayload\":" + request.toJson() + "}"));
    assertTrue(request.toJson().contains("\"key\":\"uploads%2Fa+b%2Bc%2F%E6%8A%A5%E5%91%8A.pdf\""));
  }
}
