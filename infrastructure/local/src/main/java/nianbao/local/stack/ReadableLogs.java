package nianbao.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions' log lines as a person at a terminal reads them. In AWS each line is JSON (nianbao.telemetry:
 * a log record, or an embedded-metric-format document) for CloudWatch to index; here the same lines become
 * {@code 10:41:07 INFO  stored report … [requestId=… reportId=…]} and {@code metrics ReportsIngested=1 (Rule=B1)}.
 * A line that is not such JSON is shown as it is.
 */
final class ReadableLogs {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final Set<String> RECORD_FIELDS =
      Set.of("timestamp", "level", "message", "logger", "errorType", "errorMessage", "stackTrace");

  private ReadableLogs() {}

  static String render(String line) {
    if (!line.startsWith("{") || !line.endsWith("}")) {
      return line;
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(line);
    } catch (Exception notJson) {
      return line;
    }
    if (json.has("_aws")) {
      return metrics(json);
    }
    if (json.has("level") && json.has("message")) {
      return record(json);
    }
    return line;
  }

  private static String record(JsonNode json) {
    StringBuilder out = new StringBuilder();
    String time = json.path("timestamp").asText("");
    try {
      out.append(TIME.format(Instant.parse(time))).append(' ');
    } catch (RuntimeException unparsable) {
      out.append(time).append(' ');
    }
    out.append(String.format("%-5s ", json.get("level").asText())).append(json.get("message").asText());
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!RECORD_FIELDS.contains(field.getKey())) {
        keys.add(field.getKey() + "=" + field.getValue().asText());
      }
    }
    if (!keys.isEmpty()) {
      out.append(" [").append(String.join(" ", keys)).append(']');
    }
    if (json.has("stackTrace")) {
      out.append('\n').append(json.get("stackTrace").asText().stripTrailing());
    }
    return out.toString();
  }

  private static String metrics(JsonNode json) {
    JsonNode directive = json.path("_aws").path("CloudWatchMetrics").path(0);
    List<String> values = new ArrayList<>();
    for (JsonNode metric : directive.path("Metrics")) {
      String name = metric.path("Name").asText();
      String unit = "Milliseconds".equals(metric.path("Unit").asText()) ? " ms" : "";
      values.add(name + "=" + json.path(name).asText() + unit);
    }
    List<String> dimensions = new ArrayList<>();
    for (JsonNode dimension : directive.path("Dimensions").path(0)) {
      if (!"Function".equals(dimension.asText())) {
        dimensions.add(dimension.asText() + "=" + json.path(dimension.asText()).asText());
      }
    }
    return "metrics " + String.join(" ", values) + (dimensions.isEmpty() ? "" : " (" + String.join(" ", dimensions) + ")");
  }
}
