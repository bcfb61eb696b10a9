package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.model.Finding;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Proactive2021.DocumentCounts;
import nianbao.core.model.Report;
import org.junit.jupiter.api.Test;

/**
 * Table A's figures run together ("行政规范性文件91132470"): split by the figures the narrative states for the
 * row's cells and by the continuity with the agency's year before; otherwise left null with a reading note.
 */
class RunTogetherTableATest {
  private static final String ROW = "规章000行政规范性文件8855698";
  private static final String NARRATIVE = "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件";

  private static String sample() throws Exception {
    return new String(ExpectedReportsTest.resource("/samples/04_pingtan-2022.txt"), StandardCharsets.UTF_8);
  }

  private static Report read(String text, PreviousYear previous) throws Exception {
    return ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "a.txt", previous);
  }

  private static DocumentCounts documents(Report report) {
    return ((Proactive2021) report.proactive()).normativeDocuments();
  }

  private static List<Finding> notesOnTheRow(Report report) {
    List<Finding> out = new ArrayList<>();
    report.findings().stream().filter(f -> f.rule().equals("S2") && "normativeDocuments".equals(f.location().row()))
        .forEach(out::add);
    return out;
  }

  @Test
  void theFiguresTheNarrativeStatesForTheRowSplitIt() throws Exception {
    String text = sample().replace(ROW, "规章000行政规范性文件91132470")
        .replace(NARRATIVE, "集中公开现行有效行政规范性文件470件，本年制发行政规范性文件91件");
    Report report = read(text, PreviousYear.NONE);
    assertEquals(new DocumentCounts(91L, 132L, 470L), documents(report));
    assertTrue(notesOnTheRow(report).get(0).message().contains("现行有效470件"), notesOnTheRow(report).toString());
  }

  @Test
  void oneStatedFigureFillsItsCellAndLeavesTheRestNull() throws Exception {
    String text = sample().replace(ROW, "规章000行政规范性文件91132470")
        .replace(NARRATIVE, "集中公开现行有效行政规范性文件470件");
    Report report = read(text, PreviousYear.NONE);
    assertEquals(new DocumentCounts(null, null, 470L), documents(report));
    assertEquals(1, notesOnTheRow(report).size());
  }

  /** The sample's narrative also says 本年度公开信息77条: a chance figure, and no ground to split 77… by. */
  @Test
  void aChanceFigureElsewhereInTheNarrativeDoesNotSplitTheRestOfARow() throws Exception {
    String text = sample().replace(ROW, "规章000行政规范性文件77132470")
        .replace(NARRATIVE, "集中公开现行有效行政规范性文件470件");
    assertEquals(new DocumentCounts(null, null, 470L), documents(read(text, PreviousYear.NONE)));
  }

  @Test
  void theYearBeforeDecidesWhereTheNarrativeDoesNot() throws Exception {
    String text = sample().replace(ROW, "规章000行政规范性文件91132470")
        .replace(NARRATIVE, "集中公开现行有效行政规范性文件470件");
    List<String> asked = new ArrayList<>();
    PreviousYear previous = (agency, year) -> {
      asked.add(agency + " " + year);
      return new Proactive2021(new DocumentCounts(0L, 0L, 0L), new DocumentCounts(60L, 10L, 511L), 1L, 1L, 1L, "1");
    };
    Report report = read(text, previous);
    assertEquals(new DocumentCounts(91L, 132L, 470L), documents(report));
    assertEquals(List.of("平潭综合实验区 2021"), asked);
    assertTrue(notesOnTheRow(report).get(0).message().contains("2021年现行有效511件"));
  }

  @Test
  void aYearBeforeThatFitsNoSplitDecidesNothing() throws Exception {
    String text = sample().replace(ROW, "规章000行政规范性文件91132470").replace(NARRATIVE, "");
    PreviousYear previous = (agency, year) ->
        new Proactive2021(new DocumentCounts(0L, 0L, 0L), new DocumentCounts(60L, 10L, 400L), 1L, 1L, 1L, "1");
    assertEquals(new DocumentCounts(null, null, null), documents(read(text, previous)));
  }

  @Test
  void nothingKnownLeavesTheRowNullWithANote() throws Exception {
    String text = sample().replace(ROW, "规章000行政规范性文件91132470").replace(NARRATIVE, "");
    Report report = read(text, PreviousYear.NONE);
    assertEquals(new DocumentCounts(null, null, null), documents(report));
    assertEquals(1, notesOnTheRow(report).size());
  }

  @Test
  void aNarrativeThatFitsNoSplitDecidesNothingAndThePrintedTableIsNotContradicted() throws Exception {
    String text = sample().replace(ROW, "规章000行政规范性文件91132470")
        .replace(NARRATIVE, "集中公开现行有效行政规范性文件393件，本年制发行政规范性文件91件");
    Report report = read(text, PreviousYear.NONE);
    assertEquals(new DocumentCounts(null, null, null), documents(report));
    assertTrue(report.findings().stream().noneMatch(f -> f.rule().equals("X1") && "二".equals(f.location().section())));
  }

  @Test
  void aTableThatSaysOtherwiseThanTheNarrativeGetsX1() throws Exception {
    String text = sample().replace(ROW, "规章 0 0 0 行政规范性文件 88 55 470");
    Report report = read(text, PreviousYear.NONE);
    assertEquals(new DocumentCounts(88L, 55L, 470L), documents(report));
    List<Finding> x1 = report.findings().stream()
        .filter(f -> f.rule().equals("X1") && "二".equals(f.location().section())).toList();
    assertEquals(1, x1.size(), report.findings().toString());
    assertEquals("inForce", x1.get(0).location().column());
    assertEquals("470", x1.get(0).expected());
    assertEquals("698", x1.get(0).actual());
  }
}
