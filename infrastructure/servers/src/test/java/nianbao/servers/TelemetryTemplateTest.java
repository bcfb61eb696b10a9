package nianbao.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.telemetry.MetricNames;
import nianbao.telemetry.Metrics;
import org.junit.jupiter.api.Test;

/** template.yaml's logs, alarms and dashboard against what the functions emit (nianbao.telemetry). */
class TelemetryTemplateTest {
  private final SamTemplate template = SamTemplate.read(ServersTest.TEMPLATE, Map.of(), "nianbao", "us-east-1");

  @Test
  @SuppressWarnings("unchecked")
  void everyFunctionLogsJson() {
    Map<String, Object> function = (Map<String, Object>) template.globals().get("Function");
    Map<String, Object> logging = (Map<String, Object>) function.get("LoggingConfig");
    assertEquals("JSON", logging.get("LogFormat"));
    template.resources("AWS::Serverless::Function").keySet().forEach(id ->
        assertFalse(template.properties(id).containsKey("LoggingConfig"), id + " overrides the global log format"));
  }

  @Test
  void everyFunctionHasAnErrorsAndAThrottlesAlarmThatTellsSomeone() {
    Map<String, Map<String, Object>> alarms = template.resources("AWS::CloudWatch::Alarm");
    for (String function : template.resources("AWS::Serverless::Function").keySet()) {
      for (String metric : List.of("Errors", "Throttles")) {
        boolean found = alarms.keySet().stream().anyMatch(id -> {
          Map<String, Object> p = template.properties(id);
          return "AWS/Lambda".equals(p.get("Namespace")) && metric.equals(p.get("MetricName"))
              && String.valueOf(p.get("Dimensions")).contains(function) && p.containsKey("AlarmActions");
        });
        assertTrue(found, function + " has no " + metric + " alarm with an action");
      }
    }
    assertTrue(alarms.values().stream().anyMatch(a -> String.valueOf(a).contains("ApproximateNumberOfMessagesVisible")),
        "the dead-letter queue's depth is alarmed");
  }

  @Test
  void theDashboardIsValidJsonAndNamesOnlyMetricsTheFunctionsEmit() throws Exception {
    Object body = template.properties("OperationsDashboard").get("DashboardBody");
    String text = body instanceof SamTemplate.Intrinsic sub && sub.argument() instanceof List<?> parts
        ? (String) parts.get(0) : String.valueOf(body);
    JsonNode dashboard = new ObjectMapper().readTree(text.replaceAll("\\$\\{[^}]+}", "x"));
    assertTrue(dashboard.get("widgets").size() >= 5);

    Set<String> used = new HashSet<>();
    for (JsonNode widget : dashboard.get("widgets")) {
      for (JsonNode metric : widget.get("properties").get("metrics")) {
        if (metric.get(0).isTextual() && metric.get(0).asText().equals(Metrics.NAMESPACE)) {
          used.add(metric.get(1).asText());
        } else if (metric.get(0).has("expression")) {
          Matcher name = Pattern.compile("MetricName=\"(\\w+)\"").matcher(metric.get(0).get("expression").asText());
          assertTrue(name.find(), metric.toString());
          used.add(name.group(1));
        }
      }
    }
    template.resources("AWS::CloudWatch::Alarm").keySet().stream().map(template::properties)
        .filter(p -> Metrics.NAMESPACE.equals(p.get("Namespace")))
        .forEach(p -> used.add(String.valueOf(p.get("MetricName"))));

    Set<String> emitted = new HashSet<>();
    for (Field field : MetricNames.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && Character.isUpperCase(((String) field.get(null)).charAt(0))) {
        emitted.add((String) field.get(null));
      }
    }
    assertTrue(used.containsAll(Set.of(MetricNames.REPORTS_INGESTED, MetricNames.FINDINGS, MetricNames.API_LATENCY)));
    used.removeAll(emitted);
    assertEquals(Set.of(), used, "the template names metrics no function emits");
  }
}
