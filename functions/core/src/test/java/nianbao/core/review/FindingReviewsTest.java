package nianbao.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Finding;
import nianbao.core.model.FindingCounts;
import nianbao.core.model.Location;
import nianbao.core.model.Review;
import org.junit.jupiter.api.Test;

class FindingReviewsTest {
  private static final Finding B1 = Finding.error("B1", Location.column("三", "total"), "不平衡", 13, 12);
  private static final Finding B2 = Finding.error("B2", Location.row("三", "granted"), "合计不符", 5, 6);
  private static final Finding S2 = Finding.note("S2", Location.row("三", "granted"), "读取说明", null, null);

  @Test
  void aFingerprintIsTheRuleAndThePlaceNotTheValues() {
    Finding b1 = FindingReviews.identify(List.of(B1)).get(0);
    Finding b1Other = FindingReviews.identify(List.of(Finding.error("B1", Location.column("三", "total"), "另一说法",
        14, 12))).get(0);
    assertEquals(b1.fingerprint(), b1Other.fingerprint(), "same rule and place, other values");
    assertNotEquals(b1.valuesHash(), b1Other.valuesHash());
    Finding elsewhere = FindingReviews.identify(List.of(Finding.error("B1", Location.column("三", "naturalPerson"),
        "不平衡", 13, 12))).get(0);
    assertNotEquals(b1.fingerprint(), elsewhere.fingerprint());
    assertEquals(16, b1.fingerprint().length());
  }

  @Test
  void findingsOfOneRuleAtOnePlaceAreToldApartByTheirOrder() {
    List<Finding> two = FindingReviews.identify(List.of(Finding.warning("X1", Location.section("一"), "a", 1, 2),
        Finding.warning("X1", Location.section("一"), "b", 3, 4)));
    assertNotEquals(two.get(0).fingerprint(), two.get(1).fingerprint());
    assertEquals(two, FindingReviews.identify(two), "identifying again changes nothing");
  }

  @Test
  void aDismissedFindingLeavesTheCountsButStaysListed() {
    String fp = FindingReviews.identify(List.of(B1)).get(0).fingerprint();
    Finding identified = FindingReviews.identify(List.of(B1)).get(0);
    ReviewDecision d = FindingReviews.decide(identified, Review.DISMISSED, "表格读取有误", "alice", "2026-12-07T10:00:00Z");
    List<Finding> reviewed = FindingReviews.apply(List.of(B1, B2, S2), Map.of(fp, d));
    assertEquals(Review.DISMISSED, reviewed.get(0).review().state());
    assertEquals("表格读取有误", reviewed.get(0).review().reason());
    assertEquals(Review.NONE, reviewed.get(1).review(), "no decision: pending");
    assertNull(reviewed.get(2).review(), "reading notes are not reviewed");
    assertEquals(new FindingCounts(1, 0, 1), FindingCounts.of(reviewed));
    assertEquals(new FindingCounts(2, 0, 1), FindingCounts.asRead(reviewed));
  }

  @Test
  void aDecisionOnValuesThatChangedReturnsTheFindingToReviewSayingWhy() {
    Finding identified = FindingReviews.identify(List.of(B1)).get(0);
    ReviewDecision d = FindingReviews.decide(identified, Review.DISMISSED, "误报", "alice", "2026-12-07T10:00:00Z");
    Finding reread = Finding.error("B1", Location.column("三", "total"), "不平衡", 14, 12);
    Finding back = FindingReviews.apply(List.of(reread), Map.of(d.fingerprint(), d)).get(0);
    assertEquals(Review.PENDING, back.review().state());
    assertEquals(Review.DISMISSED, back.review().previous());
    assertTrue(back.review().returned().contains("应为 13、实为 12") && back.review().returned().contains("应为 14"),
        back.review().returned());
    assertEquals(new FindingCounts(1, 0, 0), FindingCounts.of(List.of(back)), "counted again");
  }

  @Test
  void identityAndReviewGoThroughTheJson() {
    Finding identified = FindingReviews.identify(List.of(B1)).get(0);
    ReviewDecision d = FindingReviews.decide(identified, Review.CONFIRMED, "确认", "bob", "2026-12-07T10:00:00Z");
    List<Finding> reviewed = FindingReviews.apply(List.of(B1, S2), Map.of(d.fingerprint(), d));
    String json = ReportJson.writeFindings(reviewed);
    assertTrue(json.contains("\"fingerprint\":\"" + d.fingerprint() + "\""), json);
    assertTrue(json.contains("\"review\":{\"state\":\"confirmed\",\"reason\":\"确认\",\"by\":\"bob\""), json);
    assertEquals(reviewed, ReportJson.readFindings(json));
  }
}
