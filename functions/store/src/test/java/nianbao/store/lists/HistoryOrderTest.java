package nianbao.store.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nianbao.servers.LocalDynamoDb;
import nianbao.store.ReportStore;
import nianbao.store.HistoryView;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.UploadedObject;
import org.junit.jupiter.api.Test;

/**
 * A report's history lists its changes in the order they were made, even when they are made within one millisecond
 * (a delete and a quick restore): each change is recorded strictly after the report's last one. Found by a CI run
 * whose delete and restore shared a millisecond and came back in the order of their entries' hashes.
 */
class HistoryOrderTest {

  @Test
  void changesMadeInOneMillisecondAreListedInTheOrderMade() {
    try (LocalTable local = new LocalTable(LocalDynamoDb.inMemory())) {
      ReportStore store = new ReportStore(local.dynamo, local.table);
      Instant frozen = Instant.parse("2026-12-07T10:00:00Z");
      ReportWriter writer = new ReportWriter(store, Clock.fixed(frozen, ZoneOffset.UTC));
      var report = new GeneratedReports(3).report(GeneratedReports.PLACES.get(0), GeneratedReports.BODIES.get(0),
          2023, 0);
      String id = writer.store(report, new UploadedObject(GeneratedReports.BUCKET, "uploads/0.txt", "v0", "e0",
          1000L, "0000000000000001", frozen)).reportId();

      for (int i = 0; i < 3; i++) {
        assertEquals("DELETED", writer.apply(new Change.Delete(id, "admin", null, null)).result().name());
        assertEquals("RESTORED", writer.apply(new Change.Restore(id, "admin")).result().name());
      }

      List<HistoryView> history = store.history(id, 50, null).items();
      assertEquals(List.of("restored", "deleted", "restored", "deleted", "restored", "deleted"),
          history.stream().map(HistoryView::action).toList(), "newest first, in the order made");
      List<String> times = history.stream().map(HistoryView::at).toList();
      for (int i = 1; i < times.size(); i++) {
        assertTrue(times.get(i - 1).compareTo(times.get(i)) > 0, "each later than the one before: " + times);
      }
      assertEquals("2026-12-07T10:00:00.006Z", times.get(0), "a millisecond after the last, from a frozen clock");
      assertTrue(store.head(id).orElseThrow().updatedAt().compareTo(times.get(1)) > 0,
          "the head carries the time of its last change, so the next one comes after it");
    }
  }
}
