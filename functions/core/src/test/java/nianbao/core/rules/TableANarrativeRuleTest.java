package nianbao.core.rules;

import static nianbao.core.rules.TestReports.recognised;
import static nianbao.core.rules.TestReports.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.Sections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * X1 on table A: 规章 and 行政规范性文件 figures the text states against the table (2021 template). The good
 * report's table A: 规章 1 / 0 / 7, 行政规范性文件 12 / 3 / 58; its year is 2023.
 */
class TableANarrativeRuleTest {
  private final Report good = TestReports.consistent();

  private List<Finding> saying(String overview) {
    Report report = TestReports.withSections(good, new Sections(overview, TestReports.PROBLEMS, "无"));
    return run(new NarrativeFigureRule(), recognised(report));
  }

  @Test
  void aStatedFigureThatDisagreesWithItsCellIsAWarning() {
    List<Finding> findings = saying("2023年，集中公开现行有效行政规范性文件39件，本年制发行政规范性文件12件。");
    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals("X1", f.rule());
    assertEquals(Location.cell("二", "normativeDocuments", "inForce"), f.location());
    assertEquals("58", f.expected());
    assertEquals("39", f.actual());
  }

  @Test
  void figuresOfOneSentenceAreComparedEachWithItsOwnCell() {
    List<Finding> findings = saying("本年制发规章2件，废止1件，现行有效7件。");
    assertEquals(List.of(Location.cell("二", "regulations", "issued"), Location.cell("二", "regulations", "repealed")),
        findings.stream().map(Finding::location).toList());
  }

  @Test
  void figuresThatAgreeAreNoFinding() {
    assertEquals(List.of(), saying("本年制发行政规范性文件12件，废止3件，现行有效58件；现行有效规章7件。"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "本年新制发行政规范性文件12件。",
      "现行有效规章7件。",
      "2022年现行有效行政规范性文件39件。",
      "截至上年底，现行有效行政规范性文件39件。",
      "累计制发行政规范性文件390件。",
      "现行有效党内规范性文件39件。",
      "制发涉及优化营商环境的规范性文件5件。",
      "清理规范性文件120件，其中现行有效规范性文件39件。",
      "全年主动公开政府信息390条，其中规范性文件39件。"})
  /** 12 is this year's 行政规范性文件 and 7 the 规章 in force: neither is compared with 行政规范性文件 in force (58). */
  void aFigureAboutSomethingElseIsNeverComparedWithTheTable(String overview) {
    assertEquals(List.of(), saying(overview));
  }
}
