package nianbao.core.rules;

import static nianbao.core.rules.TestReports.consistent;
import static nianbao.core.rules.TestReports.recognised;
import static nianbao.core.rules.TestReports.rules;
import static nianbao.core.rules.TestReports.run;
import static nianbao.core.rules.TestReports.withCell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.ReviewAndLitigation.Group;
import nianbao.core.model.Severity;
import org.junit.jupiter.api.Test;

/** B1, B2, B3, C1: each crafted break fires its rule, and only where it should. */
class ArithmeticRulesTest {
  private final Report good = consistent();

  @Test
  void aConsistentReportBreaksNoRuleAtAll() {
    assertEquals(List.of(), SingleReportRules.check(recognised(good)));
  }

  @Test
  void b1FiresWhenACarryForwardDoesNotBalance() {
    // GIVEN carriedForward raised in one column: B1 breaks there; B2 breaks on that row (its total is stale)
    Report broken = withCell(good, "carriedForward", "researchInstitution", 2L);
    // WHEN
    List<Finding> findings = run(new ColumnBalanceRule(), recognised(broken));
    // THEN
    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals("B1", f.rule());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(Location.column("三", "researchInstitution"), f.location());
    assertEquals("5", f.expected());
    assertEquals("6", f.actual());
    assertEquals(List.of(), run(new ColumnBalanceRule(), recognised(good)));
  }

  @Test
  void b2FiresOnTheRowWhoseTotalIsNotTheSumOfItsApplicants() {
    Report broken = withCell(good, "granted", "total", 27L);
    List<Finding> findings = run(new RowTotalRule(), recognised(broken));
    assertEquals(1, findings.size());
    assertEquals(Location.cell("三", "granted", "total"), findings.get(0).location());
    assertEquals("26", findings.get(0).expected());
    assertEquals("27", findings.get(0).actual());
    assertEquals(List.of(), run(new RowTotalRule(), recognised(good)));
  }

  @Test
  void b3FiresOnTheColumnWhoseOutcomesDoNotAddUpToTheTotalRow() {
    Report broken = withCell(good, "unavailable.notHeld", "commercialEnterprise", 3L);
    List<Finding> findings = run(new OutcomeTotalRule(), recognised(broken));
    assertEquals(1, findings.size());
    assertEquals(Location.cell("三", "total", "commercialEnterprise"), findings.get(0).location());
    assertEquals("15", findings.get(0).expected());
    assertEquals("14", findings.get(0).actual());
    assertEquals(List.of(), run(new OutcomeTotalRule(), recognised(good)));
  }

  @Test
  void oneChangedOutcomeCellBreaksExactlyItsRowAndItsColumn() {
    Report broken = withCell(good, "unavailable.notHeld", "commercialEnterprise", 3L);
    List<Finding> findings = SingleReportRules.check(recognised(broken));
    assertEquals(List.of("B2", "B3"), rules(findings));
  }

  @Test
  void b3CountsTheTwoRowsThe2019TemplateLacksAsNothing() {
    Report oneOtherRow = good;
    for (String column : nianbao.core.model.Applications.COLUMNS) {
      oneOtherRow = withCell(oneOtherRow, "other.overdueCorrection", column, null);
      oneOtherRow = withCell(oneOtherRow, "other.overdueFee", column, null);
    }
    // other.other now must carry what the three rows held: 2+1+0 … ; put the merged values in
    long[] merged = {3, 2, 1, 0, 0, 1, 7};
    for (int c = 0; c < 7; c++) {
      oneOtherRow = withCell(oneOtherRow, "other.other", nianbao.core.model.Applications.COLUMNS.get(c), merged[c]);
    }
    assertEquals(List.of(), run(new OutcomeTotalRule(), recognised(oneOtherRow)));
    assertEquals(List.of(), new OutcomeTotalRule().skipped(recognised(oneOtherRow)));
  }

  @Test
  void c1FiresOnTheGroupWhoseTotalIsWrong() {
    ReviewAndLitigation review = good.reviewAndLitigation();
    Report broken = TestReports.withReview(good, new ReviewAndLitigation(review.adminReview(),
        new Group(1L, 0L, 1L, 1L, 4L), review.litigationAfterReview()));
    List<Finding> findings = run(new ReviewTotalRule(), recognised(broken));
    assertEquals(1, findings.size());
    assertEquals(Location.cell("四", "litigationDirect", "total"), findings.get(0).location());
    assertEquals("3", findings.get(0).expected());
    assertEquals("4", findings.get(0).actual());
    assertEquals(List.of(), run(new ReviewTotalRule(), recognised(good)));
  }

  @Test
  void blankCellsAreNotCheckedAndS2SaysSoOnce() {
    // GIVEN only the total given on one row (others blank), which would otherwise break nothing
    Report blanks = good;
    for (String column : List.of("naturalPerson", "commercialEnterprise", "researchInstitution",
        "socialWelfareOrganization", "legalServiceOrganization", "otherOrganization")) {
      blanks = withCell(blanks, "granted", column, null);
    }
    // WHEN
    List<Finding> findings = SingleReportRules.check(recognised(blanks));
    // THEN no arithmetic error, and one S2 naming B2's row and B3's columns
    assertEquals(List.of("S2"), rules(findings));
    String message = findings.get(0).message();
    assertTrue(message.contains("B2（予以公开）"), message);
    assertTrue(message.contains("B3（自然人、商业企业"), message);
    assertTrue(message.contains("B1") == false, message);
  }
}
