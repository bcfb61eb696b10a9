package nianbao.store.write;

import static nianbao.store.write.Reports.error;
import static nianbao.store.write.Reports.fingerprint;
import static nianbao.store.write.Reports.id;
import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static nianbao.store.write.Reports.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nianbao.core.model.Report;
import nianbao.core.model.Review;
import nianbao.core.review.ReviewStates;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RuleFindings;
import nianbao.store.review.ReviewState;
import org.junit.jupiter.api.Test;

/**
 * A report's review state through the write entry point: 待审核 → 已审核 (every error decided) → 已通知整改 (a notice)
 * → 已整改 (a later version without the notified findings), on the head, its list entries, its rule items and the
 * summaries' per-state counts.
 */
class ReviewStateDecisionTest {
  private static final String CITY_2022 = Keys.summary(2022, "河南省", "新乡市");
  private static final String ROOT = Keys.summary(null, null, null);
  private final MemoryTable table = new MemoryTable();

  private Decision decide(Report r, String rule, String decision) {
    return table.apply(new Change.Review(id(r), fingerprint(r, rule), decision, "核对原文", "alice", null));
  }

  private Decision notify(Report r) {
    return table.apply(new Change.Notify(id(r), "2027-03-31", "某市政务公开办", "请核对后重新报送", "alice", null));
  }

  private String state(Report r) {
    ReportHead head = table.head(id(r)).orElseThrow();
    // every list item of the report carries the state its head has
    table.listEntries(id(r)).forEach(e -> assertEquals(head.reviewState(), e.reviewState(), e.sort()));
    for (RuleFindings item : table.ruleItems(id(r))) {
      assertEquals(head.reviewState(), item.reviewState(), item.rule());
    }
    return head.reviewState();
  }

  @Test
  void aReportMovesFromPendingToReviewedToNotifiedToRectified() {
    Report v1 = report(2022, 0, 0, "v1", error("B1"), error("C1"), warning("S3"));
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    assertEquals(ReviewStates.PENDING, state(v1));
    assertEquals(1, table.count(CITY_2022, "review.PENDING"));

    decide(v1, "B1", Review.CONFIRMED);
    assertEquals(ReviewStates.PENDING, state(v1), "C1 still waits for a decision");
    assertEquals(WriteResult.NOT_REVIEWED, notify(v1).result(), "no notice while an error waits");

    decide(v1, "C1", Review.DISMISSED);
    assertEquals(ReviewStates.REVIEWED, state(v1), "every error decided; the warning needs none");
    assertEquals(0, table.count(CITY_2022, "review.PENDING"));
    assertEquals(1, table.count(CITY_2022, "review.REVIEWED"));

    Decision notified = notify(v1);
    assertEquals(WriteResult.NOTIFIED, notified.result());
    assertEquals(ReviewStates.NOTIFIED, state(v1));
    assertEquals(1, table.count(ROOT, "review.NOTIFIED"));
    assertEquals(0, table.count(ROOT, "review.REVIEWED"));
    ReviewState review = ReviewState.of(table.review(id(v1)));
    assertEquals(1, review.notices().size());
    assertEquals(List.of(fingerprint(v1, "B1")), review.notices().get(0).fingerprints(), "the confirmed one only");
    assertEquals(v1.source().sha256(), review.notices().get(0).sha256());
    assertEquals("2027-03-31", review.notices().get(0).deadline());

    // the agency sends a version that still has B1: still notified
    Report v2 = report(2022, 0, 0, "v2", error("B1"));
    table.apply(new Change.Store(v2, upload("a.txt", "2", 10, "20")));
    assertEquals(ReviewStates.NOTIFIED, state(v2));

    // then one without it: rectified
    Report v3 = report(2022, 0, 0, "v3", warning("S3"));
    table.apply(new Change.Store(v3, upload("a.txt", "3", 20, "30")));
    assertEquals(ReviewStates.RECTIFIED, state(v3));
    assertEquals(1, table.count(ROOT, "review.RECTIFIED"));
    assertEquals(0, table.count(ROOT, "review.NOTIFIED"));
    assertEquals(1, table.count(ROOT, "reports"));
  }

  @Test
  void aReportWithoutErrorsHasNothingToDecideAndANewErrorAfterRectificationStartsANewRound() {
    Report clean = report(2022, 0, 0, "clean", warning("S3"));
    table.apply(new Change.Store(clean, upload("a.txt", "1", 0, "10")));
    assertEquals(ReviewStates.REVIEWED, state(clean));
    assertEquals(WriteResult.NOTHING_CONFIRMED, notify(clean).result(), "nothing confirmed, nothing to notify");

    Report v2 = report(2022, 0, 0, "v2", error("B1"));
    table.apply(new Change.Store(v2, upload("a.txt", "2", 10, "20")));
    assertEquals(ReviewStates.PENDING, state(v2));
    decide(v2, "B1", Review.CONFIRMED);
    notify(v2);
    Report v3 = report(2022, 0, 0, "v3", error("C1"));
    table.apply(new Change.Store(v3, upload("a.txt", "3", 20, "30")));
    assertEquals(ReviewStates.PENDING, state(v3), "B1 resolved, but C1 is new and waits for a decision");
    decide(v3, "C1", Review.DISMISSED);
    assertEquals(ReviewStates.RECTIFIED, state(v3));
  }

  @Test
  void aCorrectionOrADismissalIsNoRectificationOfTheNotifiedVersion() {
    Report v1 = report(2022, 0, 0, "v1", error("B1"));
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    decide(v1, "B1", Review.CONFIRMED);
    notify(v1);
    decide(v1, "B1", Review.DISMISSED);
    assertEquals(ReviewStates.NOTIFIED, state(v1), "only a later version from the agency rectifies");
    assertEquals(WriteResult.REVISION_MISMATCH, table.apply(new Change.Notify(id(v1), null, null, null, "alice",
        99L)).result());
    assertEquals(WriteResult.NOT_FOUND, table.apply(new Change.Notify("nope-2022", null, null, null, "alice",
        null)).result());
  }
}
