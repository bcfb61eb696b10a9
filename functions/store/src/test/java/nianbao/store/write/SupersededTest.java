package nianbao.store.write;

import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.store.item.Keys;
import nianbao.store.item.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * A key overwritten with another report's bytes: the new content is a version of the report it reads as, and
 * the report the key held before loses that source (before, it stayed listed with the new document behind its
 * source link). Decided as ReportWriter.store does it: the store, then one removal per superseded content.
 */
class SupersededTest {
  private static final String ALL = Keys.summary(null, null, null);
  private final MemoryTable table = new MemoryTable();

  /** What ReportWriter.store applies for {@code change}. */
  private Decision store(Change.Store change) {
    Decision stored = table.apply(change);
    for (SourceRecord earlier : stored.superseded()) {
      table.apply(new Change.Remove(earlier, change.upload()));
    }
    return stored;
  }

  @Test
  void anotherReportAtTheSameKeyTakesTheKeyAndTheReportItHeldLeavesWithItsOnlySource() {
    Decision a = store(new Change.Store(report("甲县人民政府", 2022, 0, 0, "a", Reports.TXT), upload("r.txt", "1", 0, "10")));
    Decision b = store(new Change.Store(report("乙县人民政府", 2022, 0, 0, "b", Reports.TXT), upload("r.txt", "2", 5, "20")));
    assertTrue(table.head(a.reportId()).isEmpty(), "the report the key held leaves");
    assertTrue(table.head(b.reportId()).isPresent());
    assertEquals(1, table.count(ALL, "reports"));
    List<SourceRecord> history = table.uploads(Reports.BUCKET, "r.txt");
    assertEquals(SourceRecord.REMOVED, history.stream().filter(s -> s.versionId().equals("1")).findFirst()
        .orElseThrow().status());
  }

  @Test
  void aReportWithOtherSourcesKeepsThemAndOnlyLosesTheOverwrittenOne() {
    Decision a = store(new Change.Store(report("甲县人民政府", 2022, 0, 0, "a", Reports.TXT), upload("r.txt", "1", 0, "10")));
    store(new Change.Store(report("甲县人民政府", 2022, 0, 0, "a", Reports.TXT), upload("copy.txt", "1", 1, "11")));
    store(new Change.Store(report("乙县人民政府", 2022, 0, 0, "b", Reports.TXT), upload("r.txt", "2", 5, "20")));
    var head = table.head(a.reportId()).orElseThrow();
    assertEquals("copy.txt", head.key(), "its remaining source is the one it links to");
    assertEquals(2, table.count(ALL, "reports"));
  }

  @Test
  void aNewVersionOfTheSameReportAtTheKeyKeepsTheEarlierOneAsAVersion() {
    Decision first = store(new Change.Store(report(2022, 0, 0, "v1"), upload("r.txt", "1", 0, "10")));
    store(new Change.Store(report(2022, 0, 0, "v2"), upload("r.txt", "2", 5, "20")));
    assertEquals(2, table.head(first.reportId()).orElseThrow().versionCount());
    assertTrue(table.uploads(Reports.BUCKET, "r.txt").stream().allMatch(s -> SourceRecord.INGESTED.equals(s.status())));
  }

  @Test
  void anEarlierRejectedUploadAtTheKeyLeavesWhenAReportTakesIt() {
    table.apply(new Change.Reject(upload("r.txt", "1", 0, "10"), "txt", "不是报告", "r.txt"));
    store(new Change.Store(report(2022, 0, 0, "v1"), upload("r.txt", "2", 5, "20")));
    assertEquals(0, table.count(ALL, "status.REJECTED"));
    assertEquals(1, table.count(ALL, "reports"));
  }
}
