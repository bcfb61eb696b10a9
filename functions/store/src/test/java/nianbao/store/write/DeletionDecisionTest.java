package nianbao.store.write;

import static nianbao.store.write.Reports.error;
import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.Review;
import nianbao.core.review.FindingReviews;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.item.DeletedReport;
import nianbao.store.item.HistoryEntry;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

/**
 * An administrator deletes a report (soft delete): it leaves the lists, the summaries and Y+1's cross-year rules at
 * once, its versions and review stay, and a restore brings it back exactly — reviews, corrections, counts.
 */
class DeletionDecisionTest {
  private static final String CITY_2022 = Keys.summary(2022, "河南省", "新乡市");
  private static final String EXPIRES = "2027-01-06T10:00:00.000Z";
  private final MemoryTable table = new MemoryTable();
  /** 2022 carries 5 forward; 2023 carries 4 over: X2 on 2023 against 2022. */
  private final Report y2022 = report(2022, 3, 5, "v1", error("B1"));
  private final Report y2023 = report(2023, 4, 0, "v1");
  private final String id = Identity.of(y2022, y2022.source().sha256()).reportId();
  private final String id2023 = Identity.of(y2023, y2023.source().sha256()).reportId();

  private List<String> cross(String reportId) {
    return Findings.read(table.head(reportId).orElseThrow().crossFindings()).stream().map(f -> f.rule()).toList();
  }

  private void store() {
    table.apply(new Change.Store(y2022, upload("2022.txt", "1", 0, "10")));
    table.apply(new Change.Store(y2023, upload("2023.txt", "1", 10, "20")));
    String b1 = FindingReviews.identify(y2022.findings()).get(0).fingerprint();
    table.apply(new Change.Review(id, b1, Review.DISMISSED, "误报", "alice", null));
    table.apply(new Change.Correct(id, Location.cell("三", "carriedOver", "naturalPerson"), "6", "原文为 6", "alice",
        null));
  }

  @Test
  void aDeletedReportLeavesSummariesAndCrossYearRulesAtOnceAndARestoreBringsItBackExactly() {
    store();
    ReportHead before = table.head(id).orElseThrow();
    Map<String, java.math.BigDecimal> summaryBefore = table.summary(CITY_2022);
    assertEquals(List.of("X2"), cross(id2023));

    Decision d = table.apply(new Change.Delete(id, "admin-sub", EXPIRES, before.revision()));

    assertEquals(WriteResult.DELETED, d.result());
    assertTrue(table.head(id).isEmpty(), "it left the lists (its head and list entries are gone)");
    assertTrue(table.ruleItems(id).isEmpty());
    assertEquals(0, table.count(CITY_2022, "reports"));
    assertTrue(cross(id2023).isEmpty(), "Y+1 lost its comparison");
    DeletedReport tombstone = table.deleted(id).orElseThrow();
    assertEquals(EXPIRES, tombstone.expiresAt());
    assertEquals("admin-sub", tombstone.deletedBy());
    assertTrue(table.version(id, y2022.source().sha256()).isPresent(), "versions are kept");
    assertTrue(table.review(id).isPresent(), "the review record is kept");

    Decision r = table.apply(new Change.Restore(id, "admin-sub"));

    assertEquals(WriteResult.RESTORED, r.result());
    ReportHead after = table.head(id).orElseThrow();
    assertEquals(before.status(), after.status());
    assertEquals(before.errors(), after.errors());
    assertEquals(before.readErrors(), after.readErrors(), "the dismissal holds");
    assertEquals(1, after.corrected(), "the correction holds");
    assertEquals(before.ruleCounts(), after.ruleCounts());
    assertEquals(before.revision() + 1, after.revision(), "the revision goes on");
    assertEquals(summaryBefore, table.summary(CITY_2022), "the summaries exactly as before");
    assertEquals(List.of("X2"), cross(id2023));
    assertTrue(table.deleted(id).isEmpty());
    List<HistoryEntry> history = table.history(id);
    assertEquals(List.of("restored", "deleted"), history.subList(0, 2).stream().map(HistoryEntry::action).toList());
    assertTrue(history.get(1).before().contains("HAS_ERRORS") || history.get(1).before().contains("VALID"));
    assertTrue(history.get(1).after().contains(EXPIRES));
  }

  @Test
  void aRestoreOfAReportNotDeletedIsRefusedAndAStaleDeleteToo() {
    store();
    assertEquals(WriteResult.NOT_DELETED, table.apply(new Change.Restore(id, "a")).result());
    assertEquals(WriteResult.NOT_FOUND, table.apply(new Change.Restore("ffffffffffffffff-2022", "a")).result());
    assertEquals(WriteResult.REVISION_MISMATCH, table.apply(new Change.Delete(id, "a", EXPIRES, 1L)).result());
    assertTrue(table.head(id).isPresent());
  }

  @Test
  void aNewUploadOfADeletedReportEndsItsDeletionAndARetriedEventDoesNot() {
    store();
    table.apply(new Change.Delete(id, "admin-sub", EXPIRES, null));
    assertEquals(WriteResult.UNCHANGED, table.apply(new Change.Store(y2022, upload("2022.txt", "1", 0, "10")))
        .result(), "a retried event of a file it had");
    assertTrue(table.head(id).isEmpty());

    Decision again = table.apply(new Change.Store(report(2022, 5, 5, "v2"), upload("new.txt", "1", 100, "30")));
    assertTrue(table.head(id).isPresent());
    assertEquals(WriteResult.NEW_CURRENT_VERSION, again.result().equals(WriteResult.CREATED)
        ? WriteResult.NEW_CURRENT_VERSION : again.result());
    assertTrue(table.deleted(id).isEmpty(), "the deletion ended");
    assertEquals(1, table.count(CITY_2022, "reports"));
    assertEquals("restored", table.history(id).get(0).action());
    assertEquals("upload", table.history(id).get(0).by());
  }

  @Test
  void aRejectedUploadIsDeletedAndRestoredToo() {
    table.apply(new Change.Reject(upload("junk.txt", "1", 0, "10"), "txt", "不是报告", "junk.txt"));
    String rejected = table.uploads(Reports.BUCKET, "junk.txt").get(0).reportId();
    String all = Keys.summary(null, null, null);
    assertEquals(1, table.count(all, "status.REJECTED"));
    table.apply(new Change.Delete(rejected, "admin-sub", EXPIRES, null));
    assertEquals(0, table.count(all, "status.REJECTED"));
    table.apply(new Change.Restore(rejected, "admin-sub"));
    assertEquals(1, table.count(all, "status.REJECTED"));
    assertTrue(table.head(rejected).orElseThrow().rejected());
  }
}
