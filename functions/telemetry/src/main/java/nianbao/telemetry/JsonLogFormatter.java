package nianbao.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One log record as one line of JSON, in the shape Lambda's JSON log format uses for its own lines
 * ({@code timestamp}, {@code level}, {@code message}) plus the thread's {@link LogContext} keys, the logger and,
 * for a failure, {@code errorType}, {@code errorMessage} and {@code stackTrace}. Lambda does not wrap a line that
 * is already JSON, so CloudWatch Logs Insights can filter on {@code reportId} directly.
 */
public final class JsonLogFormatter extends Formatter {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String format(LogRecord record) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
      json.writeStringField("level", level(record.getLevel()));
      json.writeStringField("message", formatMessage(record));
      json.writeStringField("logger", record.getLoggerName());
      for (Map.Entry<String, String> key : LogContext.current().entrySet()) {
        json.writeStringField(key.getKey(), key.getValue());
      }
      Throwable thrown = record.getThrown();
      if (thrown != null) {
        json.writeStringField("errorType", thrown.getClass().getName());
        json.writeStringField("errorMessage", String.valueOf(thrown.getMessage()));
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        json.writeStringField("stackTrace", trace.toString());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  /** java.util.logging's levels named as Lambda names its own (its application log level filter reads them). */
  static String level(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (value >= Level.WARNING.intValue()) {
      return "WARN";
    }
    if (value >= Level.INFO.intValue()) {
      return "INFO";
    }
    if (value >= Level.FINE.intValue()) {
      return "DEBUG";
    }
    return "TRACE";
  }
}
