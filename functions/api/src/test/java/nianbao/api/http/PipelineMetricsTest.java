package nianbao.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nianbao.telemetry.MetricNames;
import nianbao.telemetry.Metrics;
import org.junit.jupiter.api.Test;

/** Every request through the pipeline is timed by its route's pattern; a 5xx is counted. */
class PipelineMetricsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final List<String> lines = new ArrayList<>();
  private final HttpPipeline pipeline = new HttpPipeline(new Router(List.of(
      Route.get("/reports/{id}", "getReport", "one").to(r -> Response.json(200, "{}")),
      Route.get("/broken", "broken", "fails").to(r -> {
        throw new IllegalStateException("table gone");
      }))),
      new Authorisation(false, false), new ConditionalGet(false, Duration.ofSeconds(10)), new Cors(List.of("*")),
      Metrics.forFunction("api", lines::add, Clock.systemUTC()));

  private static Request get(String path) {
    return new Request("GET", path, Map.of(), Map.of(), null, Map.of(), null, "req-1");
  }

  @Test
  void latencyIsRecordedByTheRoutesPatternNotItsPath() throws Exception {
    assertEquals(200, pipeline.handle(get("/reports/abc-2023")).status());

    JsonNode line = MAPPER.readTree(lines.get(0));
    assertEquals("GET /reports/{id}", line.get(MetricNames.ROUTE).asText());
    assertTrue(line.get(MetricNames.API_LATENCY).isNumber());
    assertFalse(line.has(MetricNames.API_SERVER_ERRORS));
    assertEquals("req-1", line.get("requestId").asText());
  }

  @Test
  void aServerErrorIsCountedAndAnUnknownPathIsOneRoute() throws Exception {
    assertEquals(500, pipeline.handle(get("/broken")).status());
    assertEquals(404, pipeline.handle(get("/no/such/thing")).status());

    JsonNode failed = MAPPER.readTree(lines.get(0));
    assertEquals("GET /broken", failed.get(MetricNames.ROUTE).asText());
    assertEquals(1, failed.get(MetricNames.API_SERVER_ERRORS).asInt());
    assertEquals("unmatched", MAPPER.readTree(lines.get(1)).get(MetricNames.ROUTE).asText());
  }
}
