package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import nianbao.core.recognise.StatedDocumentCounts.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Figures of table A stated in the narrative: read where they are plainly about a cell, never otherwise. */
class StatedDocumentCountsTest {
  private static List<Statement> read(String text) {
    return StatedDocumentCounts.read(text, 2022).stream()
        .sorted(Comparator.comparing(Statement::row).thenComparing(Statement::column)).toList();
  }

  @Test
  void theSentencesOfARealReport() {
    assertEquals(List.of(new Statement("normativeDocuments", "inForce", 698), new Statement("normativeDocuments",
        "issued", 88)), read("一是做好规范性文件公开。设立规范性文件库，集中公开现行有效行政规范性文件698件，"
            + "动态更新本年度制发的规范性文件88件。二是做好各类规划公开。"));
  }

  @Test
  void aRowNamedOnceCarriesToTheClausesThatHoldOnlyAFigure() {
    assertEquals(List.of(new Statement("normativeDocuments", "inForce", 470),
        new Statement("normativeDocuments", "issued", 77), new Statement("normativeDocuments", "repealed", 132)),
        read("2022年，本机关制发行政规范性文件77件，废止132件，现行有效470件。"));
    assertEquals(List.of(new Statement("regulations", "inForce", 15), new Statement("regulations", "issued", 2)),
        read("本年制发规章2件，截至2022年底现行有效规章15件。"));
  }

  @Test
  void spacesAndLineBreaksOfAnExtractionDoNotMatter() {
    assertEquals(List.of(new Statement("normativeDocuments", "inForce", 393)),
        read("截至年底，现行有效行政规范\n性文件 393 件。"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2021年现行有效行政规范性文件393件。",
      "上年现行有效行政规范性文件393件。",
      "累计制发行政规范性文件393件。",
      "清理规范性文件400件，其中现行有效规范性文件393件。",
      "现行有效党内规范性文件393件。",
      "制定规章制度393件。",
      "制发涉及企业的规范性文件393件。",
      "现行有效规范性文件和规章共393件。",
      "主动公开政府信息393件。",
      "现行有效文件393件。",
      "印发政策文件20件，废止3件。",
      "制发并废止规范性文件393件。",
      "公开现行有效规范性文件目录，发布信息393条。",
      "现行有效行政规范性文件393件，现行有效行政规范性文件394件。"})
  void aFigureAboutSomethingElseIsNotAStatement(String text) {
    assertEquals(List.of(), read(text));
  }

  @Test
  void newlyIssuedIsNotInForceAndRegulationsAreNotNormativeDocuments() {
    assertEquals(List.of(new Statement("normativeDocuments", "issued", 393)), read("本年新制发行政规范性文件393件。"));
    assertEquals(List.of(new Statement("regulations", "inForce", 393)), read("现行有效规章393件。"));
  }

  /** The sentences and clauses are cut as String.split with a character class cut them before (the regex went). */
  @ParameterizedTest
  @ValueSource(strings = {"", "。", "甲。乙；丙", "。甲。。乙。", "甲，乙：丙,丁:", "，，甲", "无标点"})
  void cutAgreesWithSplit(String text) {
    assertEquals(List.of(text.split("[。；;!！?？]")), StatedDocumentCounts.cut(text, "。；;!！?？"));
    assertEquals(List.of(text.split("[,，:：]")), StatedDocumentCounts.cut(text, ",，:："));
  }
}
