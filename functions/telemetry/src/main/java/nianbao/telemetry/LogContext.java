package nianbao.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The correlation keys of the work a thread is doing (the Lambda request id, the report id, the route), added to
 * every log line it writes. Scoped: {@code try (var scope = LogContext.with("requestId", id)) { … }} restores
 * every key as it was before, so a function's worker threads never carry one invocation's ids into the next.
 */
public final class LogContext {
  public static final String REQUEST_ID = "requestId";
  public static final String REPORT_ID = "reportId";
  public static final String ROUTE = "route";
  public static final String SOURCE_KEY = "sourceKey";

  private static final ThreadLocal<Map<String, String>> KEYS = ThreadLocal.withInitial(LinkedHashMap::new);

  private LogContext() {}

  /**
   * Sets {@code key} (removes it when {@code value} is null) until the returned scope is closed; closing restores
   * every key as it was, so keys {@link #put} inside the scope go with it.
   */
  public static Scope with(String key, String value) {
    Map<String, String> keys = KEYS.get();
    Map<String, String> before = new LinkedHashMap<>(keys);
    put(keys, key, value);
    return () -> {
      Map<String, String> now = KEYS.get();
      now.clear();
      now.putAll(before);
    };
  }

  /** Sets {@code key} for the rest of the current scope (e.g. the report id, known only after reading). */
  public static void put(String key, String value) {
    put(KEYS.get(), key, value);
  }

  /** The current keys, in the order they were set. */
  public static Map<String, String> current() {
    Map<String, String> keys = KEYS.get();
    return keys.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  private static void put(Map<String, String> keys, String key, String value) {
    if (value == null) {
      keys.remove(key);
    } else {
      keys.put(key, value);
    }
  }

  /** Restores the key's earlier value; never throws. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
