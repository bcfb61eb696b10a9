package nianbao.core.rules;

import static nianbao.core.rules.TestReports.consistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.Sections;
import nianbao.core.model.Severity;
import org.junit.jupiter.api.Test;

/** X2, X4, X5 over two crafted reports of one agency, one year apart. */
class CrossYearRulesTest {
  /** Last year's report: carries forward what this year's carries over, and its in-force counts lead here. */
  private static Report lastYear() {
    Report r = TestReports.withYear(consistent(), 2022);
    long[] forward = {4, 1, 0, 1, 0, 2, 8};
    for (int c = 0; c < 7; c++) {
      r = TestReports.withCell(r, "carriedForward", nianbao.core.model.Applications.COLUMNS.get(c), forward[c]);
    }
    r = TestReports.withProactive(r, new Proactive2021(new Proactive2021.DocumentCounts(2L, 1L, 6L),
        new Proactive2021.DocumentCounts(10L, 2L, 49L), 1L, 1L, 1L, "0"));
    return TestReports.withSections(r, new Sections("去年我局做了很多不同的工作，开展了系列培训。去年网站改版上线运行。去年未收到申请。",
        "去年的问题是人员不足，培训次数偏少。去年的改进措施是补充人员并加强培训工作。", "无"));
  }

  @Test
  void consecutiveConsistentReportsBreakNothing() {
    assertEquals(List.of(), CrossYearRules.check(lastYear(), consistent()));
  }

  @Test
  void x2FiresWhereLastYearsCarryForwardIsNotThisYearsCarryOver() {
    Report thisYear = TestReports.withCell(consistent(), "carriedOver", "naturalPerson", 5L);
    List<Finding> findings = CrossYearRules.check(lastYear(), thisYear);
    assertEquals(List.of("X2"), TestReports.rules(findings));
    assertEquals(Severity.ERROR, findings.get(0).severity());
    assertEquals(Location.cell("三", "carriedOver", "naturalPerson"), findings.get(0).location());
    assertEquals("4", findings.get(0).expected());
    assertEquals("5", findings.get(0).actual());
  }

  @Test
  void x4FiresWhereInForceDoesNotFollowFromLastYear() {
    Proactive2021 p = (Proactive2021) consistent().proactive();
    Report thisYear = TestReports.withProactive(consistent(), new Proactive2021(p.regulations(),
        new Proactive2021.DocumentCounts(12L, 3L, 60L), p.licensing(), p.punishment(), p.enforcement(), p.fees()));
    List<Finding> findings = CrossYearRules.check(lastYear(), thisYear);
    assertEquals(List.of("X4"), TestReports.rules(findings));
    assertEquals(Location.cell("二", "normativeDocuments", "inForce"), findings.get(0).location());
    assertEquals("58", findings.get(0).expected());
    assertEquals("60", findings.get(0).actual());
  }

  @Test
  void x5GivesTheShareOfSentencesRepeatedFromLastYear() {
    Report copied = TestReports.withSections(consistent(), new Sections(consistent().sections().overview(),
        lastYear().sections().problems() + "今年新增一句不同的话作为补充说明。", "无"));
    List<Finding> findings = CrossYearRules.check(lastYear(), copied);
    assertEquals(List.of("X5"), TestReports.rules(findings));
    assertEquals(Location.section("五"), findings.get(0).location());
    assertEquals("67%", findings.get(0).actual());
    assertTrue(findings.get(0).message().contains("3 句中有 2 句"), findings.get(0).message());
  }

  @Test
  void reportsThatAreNotOneYearApartAreNotCompared() {
    Report thisYear = TestReports.withCell(consistent(), "carriedOver", "naturalPerson", 5L);
    assertEquals(List.of(), CrossYearRules.check(TestReports.withYear(lastYear(), 2021), thisYear));
  }
}
