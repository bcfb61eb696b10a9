package nianbao.store.write;

import static nianbao.store.write.Reports.error;
import static nianbao.store.write.Reports.fingerprint;
import static nianbao.store.write.Reports.id;
import static nianbao.store.write.Reports.note;
import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static nianbao.store.write.Reports.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.Review;
import nianbao.core.review.FindingReviews;
import nianbao.store.Findings;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RuleFindings;
import org.junit.jupiter.api.Test;

/** A reviewer confirms or dismisses a finding; a dismissed one leaves the counts, the status and the summaries. */
class ReviewDecisionTest {
  private static final String CITY_2022 = Keys.summary(2022, "河南省", "新乡市");
  private final MemoryTable table = new MemoryTable();

  private Decision review(Report r, String rule, String decision, Long revision) {
    return table.apply(new Change.Review(id(r), fingerprint(r, rule), decision, "表格读取有误", "alice", revision));
  }

  @Test
  void dismissingTheOnlyErrorMakesTheReportValidInItsHeadRuleItemAndSummaries() {
    Report r = report(2022, 0, 0, "v1", error("B1"), warning("S3"));
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    assertEquals(1, table.count(CITY_2022, "status.HAS_ERRORS"));

    Decision d = review(r, "B1", Review.DISMISSED, null);

    assertEquals(WriteResult.REVIEWED, d.result());
    ReportHead head = table.head(id(r)).orElseThrow();
    assertEquals("VALID", head.status());
    assertEquals(0, head.errors());
    assertEquals(1, head.readErrors(), "the as-read count is kept beside");
    assertEquals(1, head.warnings());
    assertEquals(2, head.revision());
    assertEquals(0, table.count(CITY_2022, "status.HAS_ERRORS"));
    assertEquals(1, table.count(CITY_2022, "status.VALID"));
    assertEquals(0, table.count(CITY_2022, "errors"));
    assertEquals(0, table.count(CITY_2022, "rule.B1"));
    assertEquals(0, table.count(CITY_2022, "ruleReports.B1"));
    assertEquals(1, table.count(CITY_2022, "reports"), "still one report");
    RuleFindings b1 = table.ruleItems(id(r)).stream().filter(i -> i.rule().equals("B1")).findFirst().orElseThrow();
    assertEquals(0, b1.errors());
    Finding listed = Findings.of(b1).get(0);
    assertEquals(Review.DISMISSED, listed.review().state(), "still listed, with its review");
    assertEquals("alice", listed.review().by());
  }

  @Test
  void withdrawingTheDecisionCountsTheFindingAgain() {
    Report r = report(2022, 0, 0, "v1", error("B1"));
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    review(r, "B1", Review.DISMISSED, null);
    Decision d = review(r, "B1", null, null);
    assertEquals(WriteResult.REVIEWED, d.result());
    assertEquals("HAS_ERRORS", table.head(id(r)).orElseThrow().status());
    assertEquals(1, table.count(CITY_2022, "status.HAS_ERRORS"));
    assertEquals(1, table.count(CITY_2022, "rule.B1"));
    assertEquals(WriteResult.UNCHANGED, review(r, "B1", null, null).result(), "nothing left to withdraw");
  }

  @Test
  void aConfirmedFindingCountsAsBefore() {
    Report r = report(2022, 0, 0, "v1", error("B1"));
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    assertEquals(WriteResult.REVIEWED, review(r, "B1", Review.CONFIRMED, null).result());
    assertEquals(1, table.head(id(r)).orElseThrow().errors());
    assertEquals(1, table.count(CITY_2022, "rule.B1"));
    assertEquals(WriteResult.UNCHANGED, review(r, "B1", Review.CONFIRMED, null).result(), "the same again");
  }

  @Test
  void aDecisionHoldsForANewVersionWithTheSameValuesAndNotForOneWithOthers() {
    Report v1 = report(2022, 0, 0, "v1", error("B1"));
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    review(v1, "B1", Review.DISMISSED, null);
    // a re-upload that finds the same problem with the same values: still dismissed
    Report v2 = report(2022, 0, 0, "v2", error("B1"));
    table.apply(new Change.Store(v2, upload("a.txt", "2", 5, "20")));
    ReportHead head = table.head(id(v2)).orElseThrow();
    assertEquals(v2.source().sha256(), head.currentSha());
    assertEquals("VALID", head.status());
    // another with other values: back to review, saying why, and counted again
    Report v3 = report(2022, 0, 0, "v3", Finding.error("B1", Location.section("三"), "B1 不符", 7, 2));
    table.apply(new Change.Store(v3, upload("a.txt", "3", 9, "30")));
    head = table.head(id(v3)).orElseThrow();
    assertEquals("HAS_ERRORS", head.status());
    assertEquals(1, table.count(CITY_2022, "status.HAS_ERRORS"));
    Finding back = Findings.of(table.ruleItems(id(v3)).get(0)).get(0);
    assertEquals(Review.PENDING, back.review().state());
    assertEquals(Review.DISMISSED, back.review().previous());
    assertTrue(back.review().returned().contains("应为 1、实为 2"), back.review().returned());
  }

  @Test
  void aStaleRevisionAnUnknownFindingAndAReadingNoteAreRefused() {
    Report r = report(2022, 0, 0, "v1", error("B1"), note("S2"));
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    assertEquals(WriteResult.REVISION_MISMATCH, review(r, "B1", Review.DISMISSED, 7L).result());
    assertEquals(WriteResult.REVIEWED, review(r, "B1", Review.DISMISSED, 1L).result(), "at the revision read");
    assertEquals(WriteResult.NOT_REVIEWABLE, review(r, "S2", Review.DISMISSED, null).result());
    assertEquals(WriteResult.NOT_FOUND, table.apply(new Change.Review(id(r), "0000000000000000",
        Review.DISMISSED, "x", "alice", null)).result());
    assertEquals(WriteResult.NOT_FOUND, table.apply(new Change.Review("nope-2022", "0000000000000000",
        Review.DISMISSED, "x", "alice", null)).result());
  }

  @Test
  void aCrossYearFindingIsReviewedLikeAnyOther() {
    Report y2021 = report(2021, 0, 5, "a");
    Report y2022 = report(2022, 3, 0, "b");
    table.apply(new Change.Store(y2021, upload("2021.txt", "1", 0, "10")));
    table.apply(new Change.Store(y2022, upload("2022.txt", "1", 1, "11")));
    ReportHead head = table.head(id(y2022)).orElseThrow();
    String fp = FindingReviews.identify(Findings.read(head.crossFindings())).get(0).fingerprint();
    assertEquals(WriteResult.REVIEWED, table.apply(new Change.Review(id(y2022), fp, Review.DISMISSED, "上年数据有误",
        "alice", null)).result());
    assertEquals("VALID", table.head(id(y2022)).orElseThrow().status());
    // the earlier year re-uploaded with the same figures: the X2 finding is computed again, still dismissed
    table.apply(new Change.Store(report(2021, 0, 5, "a2"), upload("2021.txt", "2", 20, "20")));
    assertEquals("VALID", table.head(id(y2022)).orElseThrow().status());
    assertEquals(List.of(), table.ruleItems(id(y2022)).stream().filter(i -> i.errors() > 0).toList());
  }
}
