package nianbao.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CloudWatch metrics in the embedded metric format (EMF): each {@link Line} is one JSON log line that CloudWatch
 * Logs turns into metrics, with no API call and no extra latency in the function. Every metric has the dimension
 * {@code Function} (ingest, api, operations) and, per line, the extra dimensions given (a rule, a route).
 * The names are {@link MetricNames}'s; template.yaml's dashboard and alarms use the same names (a test checks).
 */
public final class Metrics {
  public static final String NAMESPACE = "nianbao";
  public static final String FUNCTION = "Function";
  private static final JsonFactory JSON = new JsonFactory();

  private final String function;
  private final Consumer<String> sink;
  private final Clock clock;

  private Metrics(String function, Consumer<String> sink, Clock clock) {
    this.function = function;
    this.sink = sink;
    this.clock = clock;
  }

  /** Metrics of one function, printed to standard output (where Lambda sends them to CloudWatch Logs). */
  public static Metrics forFunction(String function) {
    return new Metrics(function, line -> {
      synchronized (System.out) {
        System.out.println(line);
      }
    }, Clock.systemUTC());
  }

  /** For tests: lines go to {@code sink}. */
  public static Metrics forFunction(String function, Consumer<String> sink, Clock clock) {
    return new Metrics(function, sink, clock);
  }

  /** A line with the function dimension only. */
  public Line line() {
    return new Line();
  }

  /** Shorthand: one count with one extra dimension, printed at once. */
  public void count(String name, long value, String dimension, String dimensionValue) {
    line().dimension(dimension, dimensionValue).count(name, value).print();
  }

  /** Shorthand: one count with the function dimension only, printed at once. */
  public void count(String name, long value) {
    line().count(name, value).print();
  }

  /** Shorthand: one duration in milliseconds, printed at once. */
  public void milliseconds(String name, long value) {
    line().milliseconds(name, value).print();
  }

  /** Metrics that share one set of dimensions; {@link #print()} writes them as one EMF document. */
  public final class Line {
    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private final List<Object[]> values = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Line() {
      dimensions.put(FUNCTION, function);
    }

    public Line dimension(String name, String value) {
      dimensions.put(name, value == null || value.isEmpty() ? "none" : value);
      return this;
    }

    public Line count(String name, long value) {
      values.add(new Object[] {name, "Count", value});
      return this;
    }

    public Line milliseconds(String name, long value) {
      values.add(new Object[] {name, "Milliseconds", value});
      return this;
    }

    /** A searchable field that is not a metric (e.g. the report id), kept in the log line. */
    public Line property(String name, String value) {
      if (value != null) {
        properties.put(name, value);
      }
      return this;
    }

    public void print() {
      if (!values.isEmpty()) {
        sink.accept(json());
      }
    }

    String json() {
      StringWriter out = new StringWriter(256);
      try (JsonGenerator json = JSON.createGenerator(out)) {
        json.writeStartObject();
        json.writeObjectFieldStart("_aws");
        json.writeNumberField("Timestamp", clock.millis());
        json.writeArrayFieldStart("CloudWatchMetrics");
        json.writeStartObject();
        json.writeStringField("Namespace", NAMESPACE);
        json.writeArrayFieldStart("Dimensions");
        json.writeStartArray();
        for (String dimension : dimensions.keySet()) {
          json.writeString(dimension);
        }
        json.writeEndArray();
        json.writeEndArray();
        json.writeArrayFieldStart("Metrics");
        for (Object[] value : values) {
          json.writeStartObject();
          json.writeStringField("Name", (String) value[0]);
          json.writeStringField("Unit", (String) value[1]);
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
          json.writeStringField(dimension.getKey(), dimension.getValue());
        }
        for (Object[] value : values) {
          json.writeNumberField((String) value[0], (Long) value[2]);
        }
        for (Map.Entry<String, String> property : properties.entrySet()) {
          json.writeStringField(property.getKey(), property.getValue());
        }
        for (Map.Entry<String, String> key : LogContext.current().entrySet()) {
          if (!dimensions.containsKey(key.getKey()) && !properties.containsKey(key.getKey())) {
            json.writeStringField(key.getKey(), key.getValue());
          }
        }
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    }
  }
}
