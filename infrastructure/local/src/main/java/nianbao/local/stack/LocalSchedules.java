package nianbao.local.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's {@code Schedule} events, run locally as EventBridge runs them in AWS: each function invoked
 * asynchronously with the event's input, once soon after the stack starts (a machine that was off missed its
 * ticks, as a stack in AWS never does) and then at every period of its {@code rate(…)}. {@code cron(…)} is not
 * run here, and the stack says so. Without this, nothing ever purged a locally deleted report.
 */
final class LocalSchedules implements AutoCloseable {
  /** After the start, so the first run finds the stack ready and does not slow the start down. */
  static final Duration FIRST_RUN = Duration.ofSeconds(30);
  private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "schedules");
    t.setDaemon(true);
    return t;
  });

  LocalSchedules(List<StackTemplate.Schedule> schedules, Map<String, LocalFunction> functionsByLogicalId,
      AsyncInvocations async, Consumer<String> log) {
    for (StackTemplate.Schedule schedule : schedules) {
      LocalFunction function = functionsByLogicalId.get(schedule.functionLogicalId());
      Duration period = period(schedule.expression());
      if (function == null || period == null) {
        log.accept("计划任务 " + schedule.eventName() + "（" + schedule.expression() + "）本地不运行 (schedule not run "
            + "locally: only rate(N minutes|hours|days) of a function of the template)");
        continue;
      }
      byte[] event = schedule.input().getBytes(StandardCharsets.UTF_8);
      ticks.scheduleAtFixedRate(() -> async.invoke(function, event), FIRST_RUN.toSeconds(), period.toSeconds(),
          TimeUnit.SECONDS);
      log.accept("计划任务 " + schedule.eventName() + "：" + schedule.expression() + "，启动 " + FIRST_RUN.toSeconds()
          + " 秒后先运行一次 (schedule " + schedule.eventName() + " runs " + schedule.expression() + ", first "
          + FIRST_RUN.toSeconds() + " s after start)");
    }
  }

  /** The period of {@code rate(N unit)}; null for what the local stack does not run (cron, or anything else). */
  static Duration period(String expression) {
    Matcher m = RATE.matcher(expression == null ? "" : expression.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    if (n <= 0) {
      return null;
    }
    return switch (m.group(2)) {
      case "minute", "minutes" -> Duration.ofMinutes(n);
      case "hour", "hours" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  @Override
  public void close() {
    ticks.shutdownNow();
  }
}
