package nianbao.core.rules;

import static nianbao.core.rules.TestReports.consistent;
import static nianbao.core.rules.TestReports.recognised;
import static nianbao.core.rules.TestReports.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.Sections;
import nianbao.core.model.Severity;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.recognise.RecognisedReport.Assumption;
import nianbao.core.recognise.RecognisedReport.InvalidCell;
import org.junit.jupiter.api.Test;

/** N1, S1, S2, M1, X1, S3 on crafted reports: each break fires its rule; the good report fires none. */
class TextRulesTest {
  private final Report good = consistent();

  @Test
  void n1FlagsPrintedTextThatIsNotACountAndNegativeCounts() {
    RecognisedReport report = new RecognisedReport(TestReports.withCell(good, "granted", "naturalPerson", -1L),
        List.of(), List.of(), List.of(new InvalidCell(Location.cell("三", "partiallyGranted", "total"), "1.5")), 4);
    List<Finding> findings = run(new NumberFormatRule(), report);
    assertEquals(2, findings.size());
    assertEquals("1.5", findings.get(0).actual());
    assertEquals(Location.cell("三", "granted", "naturalPerson"), findings.get(1).location());
    assertEquals(List.of(), run(new NumberFormatRule(), recognised(good)));
  }

  @Test
  void n1WarnsWhenTheFeeHasMoreDecimalsThanItsHeaderAsks() {
    Proactive2021 p = (Proactive2021) good.proactive();
    Report sixDecimals = TestReports.withProactive(good, new Proactive2021(p.regulations(), p.normativeDocuments(),
        p.licensing(), p.punishment(), p.enforcement(), "312.045612"));
    List<Finding> findings = run(new NumberFormatRule(), recognised(sixDecimals));
    assertEquals(1, findings.size());
    assertEquals(Severity.WARNING, findings.get(0).severity());
    assertEquals(Location.row("二", "fees"), findings.get(0).location());
  }

  @Test
  void s1NamesEachMissingSectionAndRow() {
    RecognisedReport report = new RecognisedReport(good, TestReports.missing("五", "三:denied.stateSecret"),
        List.of(), List.of(), 4);
    List<Finding> findings = run(new CompletenessRule(), report);
    assertEquals(2, findings.size());
    assertTrue(findings.get(0).message().contains("存在的主要问题"));
    assertEquals(Location.row("三", "denied.stateSecret"), findings.get(1).location());
    assertEquals(List.of(), run(new CompletenessRule(), recognised(good)));
  }

  @Test
  void s2RepeatsWhatTheReaderAssumedAsReadingNotes() {
    Assumption split = new Assumption(Location.row("三", "granted"), "数字连写（155112226），拆分为 15 5 1 1 2 2 26",
        "15 5 1 1 2 2 26", "155112226", true);
    RecognisedReport report = new RecognisedReport(good, List.of(), List.of(split), List.of(), 4);
    List<Finding> findings = run(new PlacementRule(List.of()), report);
    assertEquals(1, findings.size());
    assertEquals(Severity.NOTE, findings.get(0).severity());
    assertEquals("155112226", findings.get(0).actual());
    assertEquals(List.of(), run(new PlacementRule(List.of()), recognised(good)));
  }

  @Test
  void s2WarnsWhereTheDocumentPrintsOnlyTheTotalAndNotesTheChecksBlankCellsPrevented() {
    Assumption totalOnly = new Assumption(Location.row("三", "granted"), "只填写了总计列（26），其余单元格为空",
        "空 空 空 空 空 空 26", "26", false);
    Report blanks = TestReports.withCell(good, "granted", "naturalPerson", null);
    RecognisedReport report = new RecognisedReport(blanks, List.of(), List.of(totalOnly), List.of(), 4);
    List<Finding> findings = run(new PlacementRule(List.of(new RowTotalRule())), report);
    assertEquals(2, findings.size());
    assertEquals(Severity.WARNING, findings.get(0).severity());
    assertEquals(Severity.NOTE, findings.get(1).severity());
    assertTrue(findings.get(1).message().contains("B2"), findings.get(1).message());
  }

  @Test
  void m1WarnsOnAMissingAgencyOrYearOrAnImplausibleYear() {
    assertEquals(1, run(new TitleRule(), recognised(TestReports.withTitle(good, null, null, null))).size());
    assertEquals(1, run(new TitleRule(), recognised(TestReports.withTitle(good, "2023年政府信息公开工作年度报告", null,
        2023))).size());
    List<Finding> early = run(new TitleRule(), recognised(TestReports.withYear(good, 1998)));
    assertEquals(1, early.size());
    assertEquals("1998", early.get(0).actual());
    assertEquals(List.of(), run(new TitleRule(), recognised(good)));
  }

  @Test
  void x1ComparesTheFiguresTheTextStatesWithTheTable() {
    Report says75 = TestReports.withSections(good, new Sections(
        "全区收到政府信息公开申请75件，涉及自然人72件。全年发生行政复议案件2件、行政诉讼案件5件。", TestReports.PROBLEMS, "无"));
    List<Finding> findings = run(new NarrativeFigureRule(), recognised(says75));
    assertEquals(List.of("X1", "X1", "X1"), TestReports.rules(findings));
    assertEquals(Location.cell("三", "newReceived", "total"), findings.get(0).location());
    assertEquals("85", findings.get(0).expected());
    assertEquals("75", findings.get(0).actual());
    assertEquals("4", findings.get(1).expected());
    assertEquals("4", findings.get(2).expected());
    assertEquals("5", findings.get(2).actual());
    assertEquals(List.of(), run(new NarrativeFigureRule(), recognised(good)));
  }

  @Test
  void x1ReadsNoApplicationsReceivedAsZero() {
    Report saysNone = TestReports.withSections(good, new Sections("2022年度，未收到政府信息公开申请件。", TestReports.PROBLEMS,
        "无"));
    List<Finding> findings = run(new NarrativeFigureRule(), recognised(saysNone));
    assertEquals(1, findings.size());
    assertEquals("0", findings.get(0).actual());
  }

  @Test
  void x3NamesAPlaceOutsideTheAgencysOwnCityOnce() {
    Report copied = TestReports.withSections(good, new Sections(TestReports.OVERVIEW + "充分利用好苏仙区政府网这一平台。",
        TestReports.PROBLEMS + "苏仙区的做法值得学习。", "无"));
    List<Finding> findings = run(new ForeignPlaceRule(), recognised(copied));
    assertEquals(1, findings.size());
    assertEquals("X3", findings.get(0).rule());
    assertEquals(Location.section("一"), findings.get(0).location());
    assertEquals("苏仙区", findings.get(0).actual());
    assertTrue(findings.get(0).message().contains("湖南省郴州市"), findings.get(0).message());
  }

  @Test
  void x3LeavesTheAgencysOwnProvinceCityAndNeighboursAlone() {
    Report local = TestReports.withSections(good, new Sections(
        "按照河南省、新乡市的部署，牧野区与卫辉市、红旗区一道推进政务公开。", TestReports.PROBLEMS, "无"));
    assertEquals(List.of(), run(new ForeignPlaceRule(), recognised(local)));
    assertEquals(List.of(), run(new ForeignPlaceRule(), recognised(good)));
  }

  @Test
  void s3WarnsWhenTheProblemsSectionSaysNothing() {
    for (String empty : new String[] {"无", "无。", "暂无。", "我局政府信息公开工作仍有不足，将进一步改进。"}) {
      Report report = TestReports.withSections(good, new Sections(TestReports.OVERVIEW, empty, "无"));
      assertEquals(List.of("S3"), TestReports.rules(run(new ProblemsSubstanceRule(), recognised(report))), empty);
    }
    Report missing = TestReports.withSections(good, new Sections(TestReports.OVERVIEW, null, "无"));
    assertEquals(1, run(new ProblemsSubstanceRule(), recognised(missing)).size());
    assertEquals(List.of(), run(new ProblemsSubstanceRule(), recognised(good)));
  }
}
