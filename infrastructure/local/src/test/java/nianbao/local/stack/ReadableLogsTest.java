package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nianbao.telemetry.JsonLogFormatter;
import nianbao.telemetry.LogContext;
import nianbao.telemetry.MetricNames;
import nianbao.telemetry.Metrics;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The functions' JSON lines, as the local stack prints them (the lines come from nianbao.telemetry itself). */
class ReadableLogsTest {

  @Test
  void aLogRecordReadsAsLevelMessageAndItsCorrelationKeys() {
    LogRecord record = new LogRecord(Level.WARNING, "stored report with 3 errors");
    record.setLoggerName("nianbao.ingest.Ingest");
    String json;
    try (var request = LogContext.with(LogContext.REQUEST_ID, "r-1")) {
      LogContext.put(LogContext.REPORT_ID, "abc-2023");
      json = new JsonLogFormatter().format(record).strip();
    }

    String readable = ReadableLogs.render(json);
    assertTrue(readable.matches("\\d\\d:\\d\\d:\\d\\d WARN  stored report with 3 errors \\[requestId=r-1 reportId=abc-2023]"),
        readable);
  }

  @Test
  void aFailureShowsItsStackTraceBelow() {
    LogRecord record = new LogRecord(Level.SEVERE, "failed");
    record.setThrown(new IllegalStateException("boom"));
    String readable = ReadableLogs.render(new JsonLogFormatter().format(record).strip());
    assertTrue(readable.contains("ERROR failed"), readable);
    assertTrue(readable.contains("\njava.lang.IllegalStateException: boom"), readable);
  }

  @Test
  void anEmbeddedMetricLineReadsAsNamesValuesAndDimensions() {
    List<String> lines = new ArrayList<>();
    Metrics.forFunction("api", lines::add, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).line()
        .dimension(MetricNames.ROUTE, "GET /reports/{id}").milliseconds(MetricNames.API_LATENCY, 12).print();
    assertEquals("metrics ApiLatency=12 ms (Route=GET /reports/{id})", ReadableLogs.render(lines.get(0)));
  }

  @Test
  void otherLinesStayAsTheyAre() {
    assertEquals("Picked up something", ReadableLogs.render("Picked up something"));
    assertEquals("{not json", ReadableLogs.render("{not json"));
    assertEquals("{\"a\":1}", ReadableLogs.render("{\"a\":1}"));
    assertEquals("", ReadableLogs.render(new ByteArrayOutputStream().toString()));
  }
}
