package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConversionMarksTest {
  @ParameterizedTest
  @ValueSource(strings = {"— 3 —", "- 12 -", "  —3—  ", "第 3 页", "第3页 共6页", "第 3 页 / 共 6 页", "共6页 第3页",
      "| — 4 — |", "第4页/共6页"})
  void pageFootersAreNotValues(String line) {
    assertTrue(ConversionMarks.isFooter(line), line);
    assertEquals(" ".repeat(line.length()), ConversionMarks.clean(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "0 0 0", "— 0 0", "第三部分", "第二十条第（一）项", "- - -", "行政许可 3"})
  void valuesAndWordsAreNotFooters(String line) {
    assertFalse(ConversionMarks.isFooter(line), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"|---|---|", "| :--- | ---: |", "  -------- ------ ----", "+=====+=====+", "+---+---+"})
  void markdownRulingsAreBlank(String line) {
    assertEquals(" ".repeat(line.length()), ConversionMarks.clean(line));
  }

  @Test
  void placeholderDashesAreKept() {
    assertEquals("-\t-\t-", ConversionMarks.clean("-\t-\t-"));
  }

  @Test
  void pipesAreCellEdgesAndKeepTheLength() {
    String line = "| 一、本年新收 | 71 | 3 |  | 74 |";
    String clean = ConversionMarks.clean(line);
    assertEquals(line.length(), clean.length());
    assertEquals("\t 一、本年新收 \t 71 \t 3 \t  \t 74 \t", clean);
  }

  @Test
  void markdownEscapesMoveBehindTheirCharacter() {
    assertEquals("2. 其他法律行政法规禁止公开", ConversionMarks.clean("2\\.其他法律行政法规禁止公开"));
  }

  @Test
  void inventedColumnNamesAreBlankButWordsStay() {
    assertEquals("\t     \t     \t", ConversionMarks.clean("| 数据1 | 数据2 |"));
    assertEquals("本年新收政府信息公开申请数量71", ConversionMarks.clean("本年新收政府信息公开申请数量71"));
    assertEquals("本列数据的勾稽关系", ConversionMarks.clean("本列数据的勾稽关系"));
    assertEquals("  ", ConversionMarks.cleanCell("列3"));
    assertEquals("Column 12", ConversionMarks.cleanCell("Column 12").isBlank() ? "Column 12" : "kept");
  }
}
