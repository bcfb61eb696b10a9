package nianbao.telemetry;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sends every java.util.logging record of the process (ours, and the AWS SDK's through SLF4J's JUL binding) to
 * standard output as one JSON line each ({@link JsonLogFormatter}). Called once, first thing in a function's
 * handler class. The level is Lambda's application log level ({@code AWS_LAMBDA_LOG_LEVEL}, set from the
 * template's {@code LoggingConfig.ApplicationLogLevel}), INFO without it.
 */
public final class Telemetry {
  private static volatile boolean installed;

  private Telemetry() {}

  public static synchronized void installJsonLogs() {
    if (installed) {
      return;
    }
    installJsonLogs(System.out, System.getenv("AWS_LAMBDA_LOG_LEVEL"));
    installed = true;
  }

  /** For tests: logs to {@code out} at {@code levelName} (Lambda's names: TRACE … FATAL). */
  static void installJsonLogs(OutputStream out, String levelName) {
    Level level = level(levelName);
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    Handler handler = new StreamHandler(new PrintStream(out, true, StandardCharsets.UTF_8),
        new JsonLogFormatter()) {
      @Override
      public synchronized void publish(java.util.logging.LogRecord record) {
        super.publish(record);
        flush(); // a line per record, at once: Lambda may freeze the sandbox right after the handler returns
      }
    };
    handler.setLevel(level);
    root.addHandler(handler);
    root.setLevel(level);
  }

  static Level level(String name) {
    if (name == null || name.isBlank()) {
      return Level.INFO;
    }
    return switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "TRACE" -> Level.FINEST;
      case "DEBUG" -> Level.FINE;
      case "WARN" -> Level.WARNING;
      case "ERROR", "FATAL" -> Level.SEVERE;
      default -> Level.INFO;
    };
  }
}
