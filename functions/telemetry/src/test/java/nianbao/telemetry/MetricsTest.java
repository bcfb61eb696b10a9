package nianbao.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final List<String> lines = new ArrayList<>();
  private final Metrics metrics = Metrics.forFunction("ingest", lines::add,
      Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aLineIsAnEmbeddedMetricFormatDocument() throws Exception {
    try (var request = LogContext.with(LogContext.REQUEST_ID, "req-9")) {
      metrics.line().dimension(MetricNames.RULE, "B1").count(MetricNames.FINDINGS, 3)
          .milliseconds(MetricNames.PARSE_DURATION, 41).property("reportId", "abc-2023").print();
    }

    JsonNode doc = MAPPER.readTree(lines.get(0));
    JsonNode directive = doc.get("_aws").get("CloudWatchMetrics").get(0);
    assertEquals(Instant.parse("2026-12-07T10:00:00Z").toEpochMilli(), doc.get("_aws").get("Timestamp").asLong());
    assertEquals("nianbao", directive.get("Namespace").asText());
    assertEquals("[[\"Function\",\"Rule\"]]", directive.get("Dimensions").toString());
    assertEquals("Count", directive.get("Metrics").get(0).get("Unit").asText());
    assertEquals("Milliseconds", directive.get("Metrics").get(1).get("Unit").asText());
    // every dimension and metric named in the directive is a member of the root: EMF's own validity rule
    for (JsonNode dimension : directive.get("Dimensions").get(0)) {
      assertTrue(doc.has(dimension.asText()), dimension.asText());
    }
    for (JsonNode metric : directive.get("Metrics")) {
      assertTrue(doc.get(metric.get("Name").asText()).isNumber(), metric.toString());
    }
    assertEquals("ingest", doc.get("Function").asText());
    assertEquals("B1", doc.get("Rule").asText());
    assertEquals(3, doc.get("Findings").asLong());
    assertEquals("abc-2023", doc.get("reportId").asText());
    assertEquals("req-9", doc.get("requestId").asText(), "the line is searchable by request id too");
  }

  @Test
  void aLineWithoutMetricsPrintsNothingAndABlankDimensionIsNamedNone() throws Exception {
    metrics.line().dimension(MetricNames.ROUTE, "GET /x").print();
    assertTrue(lines.isEmpty());

    metrics.count(MetricNames.API_SERVER_ERRORS, 1, MetricNames.ROUTE, "");
    assertEquals("none", MAPPER.readTree(lines.get(0)).get("Route").asText());
  }
}
