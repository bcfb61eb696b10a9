package nianbao.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLogsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Logger log = Logger.getLogger("nianbao.test.JsonLogsTest");

  @AfterEach
  void quiet() {
    Telemetry.installJsonLogs(new ByteArrayOutputStream(), "INFO");
  }

  private JsonNode[] lines() throws Exception {
    String[] text = out.toString(StandardCharsets.UTF_8).split("\n");
    JsonNode[] nodes = new JsonNode[text.length];
    for (int i = 0; i < text.length; i++) {
      nodes[i] = MAPPER.readTree(text[i]);
    }
    return nodes;
  }

  @Test
  void eachRecordIsOneJsonLineWithTheThreadsCorrelationKeys() throws Exception {
    Telemetry.installJsonLogs(out, null);
    try (var request = LogContext.with(LogContext.REQUEST_ID, "req-1")) {
      LogContext.put(LogContext.REPORT_ID, "abc-2023");
      log.info("stored 平潭 \"report\"\nsecond line");
    }
    log.info("after the scope");

    JsonNode[] lines = lines();
    assertEquals(2, lines.length);
    assertEquals("INFO", lines[0].get("level").asText());
    assertEquals("stored 平潭 \"report\"\nsecond line", lines[0].get("message").asText());
    assertEquals("req-1", lines[0].get("requestId").asText());
    assertEquals("abc-2023", lines[0].get("reportId").asText());
    assertEquals("nianbao.test.JsonLogsTest", lines[0].get("logger").asText());
    assertTrue(lines[0].get("timestamp").asText().endsWith("Z"));
    assertFalse(lines[1].has("requestId"), "the scope restored what was there before");
    assertFalse(lines[1].has("reportId"), "keys put inside a scope go with it");
  }

  @Test
  void aFailureCarriesItsTypeMessageAndStackTrace() throws Exception {
    Telemetry.installJsonLogs(out, "INFO");
    log.log(Level.SEVERE, "ingest failed", new IllegalStateException("table gone"));

    JsonNode line = lines()[0];
    assertEquals("ERROR", line.get("level").asText());
    assertEquals("java.lang.IllegalStateException", line.get("errorType").asText());
    assertEquals("table gone", line.get("errorMessage").asText());
    assertTrue(line.get("stackTrace").asText().contains("JsonLogsTest"));
  }

  @Test
  void lambdasApplicationLogLevelFiltersRecords() throws Exception {
    Telemetry.installJsonLogs(out, "WARN");
    log.info("dropped");
    log.warning("kept");

    JsonNode[] lines = lines();
    assertEquals(1, lines.length);
    assertEquals("WARN", lines[0].get("level").asText());
  }

  @Test
  void levelsAreNamedAsLambdaNamesThem() {
    assertEquals("ERROR", JsonLogFormatter.level(Level.SEVERE));
    assertEquals("WARN", JsonLogFormatter.level(Level.WARNING));
    assertEquals("INFO", JsonLogFormatter.level(Level.INFO));
    assertEquals("DEBUG", JsonLogFormatter.level(Level.FINE));
    assertEquals("TRACE", JsonLogFormatter.level(Level.FINEST));
    assertEquals(Level.FINE, Telemetry.level("debug"));
    assertEquals(Level.SEVERE, Telemetry.level("FATAL"));
    assertEquals(Level.INFO, Telemetry.level("nonsense"));
  }
}
