package nianbao.store.write;

import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.SourceRecord;
import org.junit.jupiter.api.Test;

/** Uploads that are not readable reports. */
class RejectDecisionTest {
  private static final String ALL = Keys.summary(null, null, null);
  private final MemoryTable table = new MemoryTable();

  private Decision reject(String key, String objectVersionId, int second, String sequencer, String reason) {
    return table.apply(new Change.Reject(upload(key, objectVersionId, second, sequencer), "pdf", reason, key));
  }

  @Test
  void anUnreadableUploadIsARejectedHeadCountedInTheAllYearsAllRegionsSummaryOnly() {
    Decision d = reject("scan.pdf", "1", 0, "10", "没有文字层");
    assertEquals(WriteResult.REJECTED, d.result());
    ReportHead head = table.head(d.reportId()).orElseThrow();
    assertTrue(head.rejected());
    assertEquals("没有文字层", head.reason());
    assertEquals(List.of(ALL), List.copyOf(d.writes().summaryDeltas().keySet()));
    assertEquals(1, table.count(ALL, "status.REJECTED"));
    assertEquals(SourceRecord.REJECTED, table.uploads(Reports.BUCKET, "scan.pdf").get(0).status());
  }

  @Test
  void theSameRejectedBytesAgainChangeNothing() {
    Decision first = reject("scan.pdf", "1", 0, "10", "没有文字层");
    Decision again = reject("scan.pdf", "1", 0, "10", "没有文字层");
    assertEquals(WriteResult.UNCHANGED, again.result());
    assertEquals(first.reportId(), again.reportId());
    assertTrue(again.writes().isEmpty());
  }

  @Test
  void anObjectReadFineBeforeIsNotDestroyedByAReaderThatNowFailsOnIt() {
    table.apply(new Change.Store(report(2022, 0, 0, "v1"), upload("a.txt", "1", 0, "10")));
    Decision d = reject("a.txt", "1", 0, "10", "读取时出现内部错误");
    assertEquals(WriteResult.UNCHANGED, d.result());
    assertTrue(d.writes().isEmpty());
  }

  @Test
  void anObjectAnOlderReaderTookForAReportLeavesItWhenFoundToBeNoReportAndTheGoodVersionIsCurrentAgain() {
    // GIVEN the agency's report, then notes that an older reader took for a newer version of it
    Decision good = table.apply(new Change.Store(report(2022, 0, 0, "report"), upload("report.txt", "1", 0, "10")));
    table.apply(new Change.Store(report(2022, 0, 0, "notes"), upload("notes.txt", "1", 5, "20")));
    ReportHead replaced = table.head(good.reportId()).orElseThrow();
    assertEquals(report(2022, 0, 0, "notes").source().sha256(), replaced.currentSha());

    // WHEN re-reading finds the notes are no report
    Decision d = table.apply(new Change.Reject(upload("notes.txt", "1", 5, "20"), "txt", "不是政府信息公开工作年度报告",
        "notes.txt", true));

    // THEN the notes are a rejected upload, and the report's own version is current again, counted once
    assertEquals(WriteResult.REJECTED, d.result());
    assertTrue(table.head(d.reportId()).orElseThrow().rejected());
    ReportHead head = table.head(good.reportId()).orElseThrow();
    assertEquals(report(2022, 0, 0, "report").source().sha256(), head.currentSha());
    assertEquals(SourceRecord.REJECTED, table.uploads(Reports.BUCKET, "notes.txt").get(0).status());
    assertEquals(2, table.count(ALL, "reports")); // the report and the rejected upload, each once
    assertEquals(1, table.count(ALL, "status.REJECTED"));
    assertEquals(1, table.count(Keys.summary(2022, null, null), "reports"));
  }

  @Test
  void anObjectThatWasItsReportsOnlyVersionTakesTheReportAwayWhenFoundToBeNoReport() {
    Decision taken = table.apply(new Change.Store(report(2022, 0, 0, "notes"), upload("notes.txt", "1", 0, "10")));
    table.apply(new Change.Reject(upload("notes.txt", "1", 0, "10"), "txt", "不是政府信息公开工作年度报告", "notes.txt",
        true));
    assertTrue(table.head(taken.reportId()).isEmpty());
    assertEquals(1, table.count(ALL, "reports")); // the rejected upload alone
    assertEquals(0, table.count(Keys.summary(2022, null, null), "reports"));
    assertEquals(1, table.count(ALL, "status.REJECTED"));
  }

  @Test
  void aRejectedUploadThatANewerReaderCanReadBecomesAReportAndTheRejectionLeaves() {
    Decision rejected = reject("a.txt", "1", 0, "10", "无法识别");
    Decision stored = table.apply(new Change.Store(report(2022, 0, 0, "v1"), upload("a.txt", "1", 0, "10")));
    assertEquals(WriteResult.CREATED, stored.result());
    assertTrue(table.head(rejected.reportId()).isEmpty());
    assertEquals(0, table.count(ALL, "status.REJECTED"));
    assertEquals(1, table.count(ALL, "reports"));
  }

  @Test
  void aDeletedRejectedUploadLeavesUnlessAnotherVersionOfItsKeyHoldsTheSameBytes() {
    // GIVEN the same rejected bytes as two object versions of one key (same ETag: one rejected upload)
    UploadedObject first = new UploadedObject(Reports.BUCKET, "scan.pdf", "1", "same", 10L, "10", null);
    UploadedObject second = new UploadedObject(Reports.BUCKET, "scan.pdf", "2", "same", 10L, "20", null);
    String id = table.apply(new Change.Reject(first, "pdf", "没有文字层", "scan.pdf")).reportId();
    table.apply(new Change.Reject(second, "pdf", "没有文字层", "scan.pdf"));
    // WHEN one is deleted THEN the rejection stays; WHEN the other is too THEN it leaves
    SourceRecord one = table.uploads(Reports.BUCKET, "scan.pdf").stream().filter(s -> s.versionId().equals("1"))
        .findFirst().orElseThrow();
    table.apply(new Change.Remove(one, new UploadedObject(Reports.BUCKET, "scan.pdf", "1", null, null, "30", null)));
    assertTrue(table.head(id).isPresent());
    SourceRecord two = table.uploads(Reports.BUCKET, "scan.pdf").stream().filter(s -> s.versionId().equals("2"))
        .findFirst().orElseThrow();
    table.apply(new Change.Remove(two, new UploadedObject(Reports.BUCKET, "scan.pdf", "2", null, null, "40", null)));
    assertTrue(table.head(id).isEmpty());
    assertTrue(table.summary(ALL).isEmpty(), table.summary(ALL).toString());
  }
}
