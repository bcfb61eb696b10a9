package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template's Schedule events as the local stack reads and times them. */
class LocalSchedulesTest {
  @Test
  void ratesAreRunAndCronIsNot() {
    assertEquals(Duration.ofDays(1), LocalSchedules.period("rate(1 day)"));
    assertEquals(Duration.ofMinutes(5), LocalSchedules.period("rate(5 minutes)"));
    assertEquals(Duration.ofHours(12), LocalSchedules.period(" rate( 12 hours ) "));
    assertNull(LocalSchedules.period("rate(0 days)"));
    assertNull(LocalSchedules.period("cron(0 3 * * ? *)"));
    assertNull(LocalSchedules.period(null));
  }

  @Test
  void theTemplatesPurgeOfDeletedReportsIsADailyScheduleOfTheApiFunction() {
    Path root = Path.of(System.getProperty("nianbao.root", "../..")).toAbsolutePath().normalize();
    StackTemplate template = new StackTemplate(root.resolve("template.yaml"), Map.of(), "nianbao", name -> name);
    List<StackTemplate.Schedule> schedules = template.schedules();
    StackTemplate.Schedule purge = schedules.stream().filter(s -> s.eventName().equals("PurgeDeletedReports"))
        .findFirst().orElseThrow(() -> new AssertionError("no PurgeDeletedReports schedule in " + schedules));
    assertEquals(Duration.ofDays(1), LocalSchedules.period(purge.expression()));
    assertTrue(purge.input().contains("nianbao:purgeDeleted"), purge.input());
    assertTrue(template.functions().stream().anyMatch(f -> f.logicalId().equals(purge.functionLogicalId())),
        purge.functionLogicalId());
  }
}
