package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nianbao.core.document.DocumentReaders;
import nianbao.fixtures.SeedReports;
import nianbao.store.item.ReportHead;
import nianbao.store.write.ReportWriter;
import nianbao.telemetry.MetricNames;
import nianbao.telemetry.Metrics;
import org.junit.jupiter.api.Test;

/**
 * What ingest tells CloudWatch, read from the embedded-metric-format lines of real runs (DynamoDB Local, s3proxy,
 * the real handler): a stored report is one ReportsIngested and its findings by rule and severity, as stored; every
 * refused upload — not a report, too large, a reader's defect — one ReportsRejected; every read a ParseDuration;
 * the same bytes again, nothing.
 */
class IngestMetricsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> lines = new ArrayList<>();
  private final Metrics metrics = Metrics.forFunction("ingest", lines::add, Clock.systemUTC());

  private static Harness harness() throws java.io.IOException {
    Backend.Local servers = Backend.Local.shared();
    return new Harness(servers, servers.dynamo(), ReportParser.CORE);
  }

  /** The real handler over an ingest whose metrics this test reads, on the harness's bucket and table. */
  private IngestHandler handler(Harness h, ReportParser parser, long maxBytes) {
    return new IngestHandler(new Ingest(new SourceFetcher(h.backend.s3Objects()), parser, h.store,
        new ReportWriter(h.store), maxBytes, metrics));
  }

  private void deliver(Harness h, IngestHandler handler, Harness.Uploaded... uploads) {
    Harness.invoke(handler, Harness.createdEvent(h.bucket, uploads));
  }

  /** Every line, checked to be a valid EMF document of namespace nianbao and function ingest. */
  private List<JsonNode> documents() throws Exception {
    List<JsonNode> docs = new ArrayList<>();
    for (String line : lines) {
      JsonNode doc = JSON.readTree(line);
      JsonNode directive = doc.path("_aws").path("CloudWatchMetrics").path(0);
      assertTrue(doc.path("_aws").path("Timestamp").isNumber(), line);
      assertEquals(Metrics.NAMESPACE, directive.path("Namespace").asText(), line);
      for (JsonNode dimension : directive.path("Dimensions").path(0)) {
        assertTrue(doc.path(dimension.asText()).isTextual(), "dimension " + dimension + " in " + line);
      }
      for (JsonNode metric : directive.path("Metrics")) {
        assertTrue(doc.path(metric.path("Name").asText()).isNumber(), "metric " + metric + " in " + line);
      }
      assertEquals("ingest", doc.path(Metrics.FUNCTION).asText(), line);
      docs.add(doc);
    }
    return docs;
  }

  /** The documents that carry {@code metric}. */
  private List<JsonNode> withMetric(String metric) throws Exception {
    return documents().stream().filter(d -> d.has(metric)).toList();
  }

  private static String unit(JsonNode doc, String metric) {
    for (JsonNode m : doc.path("_aws").path("CloudWatchMetrics").path(0).path("Metrics")) {
      if (m.path("Name").asText().equals(metric)) {
        return m.path("Unit").asText();
      }
    }
    return null;
  }

  private static String dimensions(JsonNode doc) {
    return doc.path("_aws").path("CloudWatchMetrics").path(0).path("Dimensions").toString();
  }

  @Test
  void storedReportsAreCountedWithTheirFindingsByRuleAndSeverityAndEachReadIsTimed() throws Exception {
    // GIVEN the five seeds WHEN they are delivered in one event
    Harness h = harness();
    IngestHandler handler = handler(h, ReportParser.CORE, DocumentReaders.MAX_BYTES);
    List<Harness.Uploaded> uploads = new ArrayList<>();
    for (String name : SeedReports.NAMES) {
      uploads.add(h.upload("uploads/" + name, SeedReports.bytes(name)));
    }
    deliver(h, handler, uploads.toArray(Harness.Uploaded[]::new));

    // THEN five reports ingested, each line naming its source and its report
    List<JsonNode> ingested = withMetric(MetricNames.REPORTS_INGESTED);
    assertEquals(5, ingested.size(), lines.toString());
    for (JsonNode doc : ingested) {
      assertEquals(1, doc.path(MetricNames.REPORTS_INGESTED).asLong());
      assertEquals("Count", unit(doc, MetricNames.REPORTS_INGESTED));
      assertEquals("[[\"Function\"]]", dimensions(doc));
      assertTrue(doc.path("sourceKey").asText().startsWith("uploads/"), doc.toString());
      assertTrue(doc.path("reportId").isTextual(), doc.toString());
    }
    assertEquals(List.of(), withMetric(MetricNames.REPORTS_REJECTED));

    // AND the findings by rule and severity are those of the stored reports, summed over the lines
    Map<String, Long> stored = new TreeMap<>();
    for (ReportHead head : h.heads()) {
      h.store.body(h.store.version(head.reportId(), head.currentSha()).orElseThrow()).findings()
          .forEach(f -> stored.merge(f.rule() + "|" + f.severity().json(), 1L, Long::sum));
    }
    Map<String, Long> counted = new TreeMap<>();
    for (JsonNode doc : withMetric(MetricNames.FINDINGS)) {
      assertEquals("[[\"Function\",\"Rule\",\"Severity\"]]", dimensions(doc));
      assertEquals("Count", unit(doc, MetricNames.FINDINGS));
      counted.merge(doc.path(MetricNames.RULE).asText() + "|" + doc.path(MetricNames.SEVERITY).asText(),
          doc.path(MetricNames.FINDINGS).asLong(), Long::sum);
    }
    assertTrue(stored.keySet().stream().anyMatch(k -> k.endsWith("|note")), "the seeds have reading notes: " + stored);
    assertTrue(stored.keySet().stream().anyMatch(k -> k.endsWith("|warning")), "and warnings: " + stored);
    assertEquals(stored, counted);

    // AND each read is timed, in milliseconds
    List<JsonNode> durations = withMetric(MetricNames.PARSE_DURATION);
    assertEquals(5, durations.size());
    for (JsonNode doc : durations) {
      assertEquals("Milliseconds", unit(doc, MetricNames.PARSE_DURATION));
      assertTrue(doc.path(MetricNames.PARSE_DURATION).asLong() >= 0);
    }

    // WHEN the same bytes are delivered again (a retried event) THEN nothing is counted twice
    lines.clear();
    deliver(h, handler, uploads.get(0));
    assertEquals(List.of(), withMetric(MetricNames.REPORTS_INGESTED));
    assertEquals(List.of(), withMetric(MetricNames.FINDINGS));
  }

  @Test
  void everyRefusedUploadIsCountedOnceWhateverRefusedIt() throws Exception {
    Harness h = harness();
    // GIVEN a text that is no report, timed like any read
    IngestHandler handler = handler(h, ReportParser.CORE, DocumentReaders.MAX_BYTES);
    Harness.Uploaded poem = h.upload("uploads/poem.txt", "床前明月光，疑是地上霜。\n".getBytes(StandardCharsets.UTF_8));
    deliver(h, handler, poem);
    assertEquals(1, withMetric(MetricNames.REPORTS_REJECTED).size(), lines.toString());
    assertEquals(1, withMetric(MetricNames.PARSE_DURATION).size(), "the refused read is timed too: " + lines);
    JsonNode rejected = withMetric(MetricNames.REPORTS_REJECTED).get(0);
    assertEquals(1, rejected.path(MetricNames.REPORTS_REJECTED).asLong());
    assertEquals("uploads/poem.txt", rejected.path("sourceKey").asText());
    assertEquals(List.of(), withMetric(MetricNames.REPORTS_INGESTED));
    // AND delivered again, it is not counted again
    deliver(h, handler, poem);
    assertEquals(1, withMetric(MetricNames.REPORTS_REJECTED).size(), lines.toString());

    // GIVEN a file over the size limit (here 64 bytes), refused before it is read
    lines.clear();
    deliver(h, handler(h, ReportParser.CORE, 64), h.upload("uploads/big.txt", SeedReports.bytes(SeedReports.XINXIANG_2022)));
    assertEquals(1, withMetric(MetricNames.REPORTS_REJECTED).size(), lines.toString());
    assertEquals(List.of(), withMetric(MetricNames.PARSE_DURATION), "nothing was read");

    // GIVEN a reader that fails on a report (a defect, kept as a rejected upload to read again once mended)
    lines.clear();
    ReportParser broken = (bytes, name) -> {
      throw new IllegalStateException("a defect");
    };
    deliver(h, handler(h, broken, DocumentReaders.MAX_BYTES), h.upload("uploads/defect.txt",
        SeedReports.bytes(SeedReports.XINXIANG_2022)));
    assertEquals(1, withMetric(MetricNames.REPORTS_REJECTED).size(), lines.toString());
    assertEquals(3, h.heads().stream().filter(ReportHead::rejected).count());
  }
}
