package nianbao.store.write;

import static nianbao.store.write.Reports.error;
import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.Review;
import nianbao.core.review.FindingReviews;
import nianbao.store.Identity;
import nianbao.store.item.HistoryEntry;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

/**
 * Every review decision and correction writes its history entry — who, when, before and after — in the same
 * writes as the change itself, and a change that changes nothing writes none.
 */
class HistoryDecisionTest {
  private static final Location CARRIED_OVER = Location.cell("三", "carriedOver", "naturalPerson");
  private final MemoryTable table = new MemoryTable();
  private final Report r = report(2022, 3, 0, "v1", error("B1"));
  private final String id = Identity.of(r, r.source().sha256()).reportId();

  private String b1() {
    return FindingReviews.identify(r.findings()).get(0).fingerprint();
  }

  @Test
  void aReviewDecisionAndItsWithdrawalAreRecordedWithWhoWhenBeforeAndAfter() {
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    Decision dismissed = table.apply(new Change.Review(id, b1(), Review.DISMISSED, "误报", "alice", null));

    List<HistoryEntry> inWrites = dismissed.writes().puts(HistoryEntry.class);
    assertEquals(1, inWrites.size(), "in the transaction of the decision itself");
    ReportHead head = dismissed.writes().puts(ReportHead.class).get(0);
    HistoryEntry e = inWrites.get(0);
    assertEquals("review", e.action());
    assertEquals("alice", e.by());
    assertEquals(b1(), e.target());
    assertNull(e.before());
    assertTrue(e.after().contains("\"dismissed\"") && e.after().contains("误报"), e.after());
    assertEquals(head.revision(), e.revision());
    assertEquals(head.updatedAt(), e.at());

    assertEquals(WriteResult.UNCHANGED, table.apply(new Change.Review(id, b1(), Review.DISMISSED, "误报", "bob",
        null)).result());
    table.apply(new Change.Review(id, b1(), null, null, "bob", null));

    List<HistoryEntry> history = table.history(id);
    assertEquals(2, history.size(), "an unchanged decision is no event");
    assertEquals("review.withdrawn", history.get(0).action(), "newest first");
    assertEquals("bob", history.get(0).by());
    assertTrue(history.get(0).before().contains("\"dismissed\""));
    assertNull(history.get(0).after());
  }

  @Test
  void aCorrectionAReplacementAndAWithdrawalAreRecordedWithTheCell() {
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    table.apply(new Change.Correct(id, CARRIED_OVER, "5", "原文为 5", "alice", null));
    Decision replaced = table.apply(new Change.Correct(id, CARRIED_OVER, "6", "原文为 6", "bob", null));
    HistoryEntry e = replaced.writes().puts(HistoryEntry.class).get(0);
    assertEquals("correction", e.action());
    assertEquals("三/carriedOver/naturalPerson", e.target());
    assertTrue(e.before().contains("\"5\"") && e.before().contains("alice"), e.before());
    assertTrue(e.after().contains("\"6\"") && e.after().contains("\"asRead\":\"3\""), e.after());

    String correctionId = nianbao.store.review.ReviewState.of(table.review(id)).corrections().get(0).id();
    table.apply(new Change.Uncorrect(id, correctionId, "carol", null));
    List<HistoryEntry> history = table.history(id);
    assertEquals(List.of("correction.withdrawn", "correction", "correction"),
        history.stream().map(HistoryEntry::action).toList());
    assertEquals("carol", history.get(0).by());
    assertNull(history.get(0).after());
  }

  @Test
  void aRefusedChangeRecordsNothing() {
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    Decision stale = table.apply(new Change.Review(id, b1(), Review.CONFIRMED, "属实", "alice", 99L));
    assertEquals(WriteResult.REVISION_MISMATCH, stale.result());
    assertTrue(table.history(id).isEmpty());
  }
}
