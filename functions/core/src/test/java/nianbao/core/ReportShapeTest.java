package nianbao.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import nianbao.core.document.NotAReportException;
import nianbao.core.model.Report;
import nianbao.core.recognise.ExpectedReportsTestAccess;
import org.junit.jupiter.api.Test;

/** What a report is: three of the six sections and one of the three tables; anything less is refused with what was found. */
class ReportShapeTest {
  private static final String SEED = "/seeds/003_978a9fff42e671ca.txt";
  private static final String TITLE = "新乡县人民政府2022年政府信息公开工作年度报告";

  private static String seed() {
    try {
      return new String(ExpectedReportsTestAccess.resource(SEED), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String refusal(String text) {
    return assertThrows(NotAReportException.class,
        () -> ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "x.txt")).getMessage();
  }

  @Test
  void notesThatNameAReportAreNotOne() {
    assertEquals("不是政府信息公开工作年度报告：文中提到“" + TITLE + "”，但六个部分只找到2个（第二、三部分），也没有任何统计表",
        refusal(TITLE + "\n笔记：下周交稿。\n二、主动公开政府信息情况：规范性文件待统计，−8。\n"
            + "三、收到和处理政府信息公开申请情况：自然人约30件。\n电话 0373-2024\n"));
  }

  @Test
  void aReportOfTheLayoutBefore2019IsNamedForWhatItIs() {
    // the opening of 宿州市人民政府's 2016 report as published: 概述, 主动公开情况, 依申请公开情况 …, no fixed tables
    String old = "宿州市人民政府2016年政府信息公开工作年度报告\n宿州市人民政府办公室\n2017年3月\n"
        + "全文包括概述，主动公开情况，依申请公开情况，行政复议、行政诉讼情况，政府信息公开的收费及减免情况，存在的主要问题和改进措施。\n"
        + "一、概述\n2016年，我市政府信息公开工作在省政务公开办的关心指导下……\n二、主动公开政府信息情况\n全年主动公开政府信息5928条。\n"
        + "三、依申请公开政府信息情况\n共受理申请132件。\n";
    assertEquals("“宿州市人民政府2016年政府信息公开工作年度报告”是2016年度的报告，按2019年以前的格式编写（没有现行格式的六个部分和三张"
        + "统计表）；nianbao 只读取2019年度起的统一格式", refusal(old));
  }

  @Test
  void aTableOfContentsHasEverySectionAndNoTable() {
    String contents = TITLE + "\n目录\n一、总体情况……1\n二、主动公开政府信息情况……3\n三、收到和处理政府信息公开申请情况……4\n"
        + "四、政府信息公开行政复议、行政诉讼情况……5\n五、存在的主要问题及改进情况……6\n六、其他需要报告的事项……7\n";
    assertEquals("不是政府信息公开工作年度报告：文中提到“" + TITLE + "”，但六个部分的标题都在，却没有任何统计表（只有目录或摘录？）",
        refusal(contents));
  }

  @Test
  void aTableOnItsOwnIsNotAReport() {
    String text = seed();
    String table = text.substring(text.indexOf("三、收到和处理"), text.indexOf("四、政府信息公开行政复议"));
    assertEquals("不是政府信息公开工作年度报告：六个部分只找到1个（第三部分），只有第三部分的表格（一份报告至少要有三个部分）",
        refusal(table));
  }

  @Test
  void aReportCutOffBeforeItsTablesIsIncomplete() {
    String text = seed();
    assertEquals("报告不完整：只有第一、二部分，未找到任何统计表（第二、三、四部分的表格），文件可能被截断",
        refusal(text.substring(0, text.indexOf("第二十条"))));
  }

  @Test
  void threeSectionsAndOneTableAreAReport() throws Exception {
    String text = seed();
    // sections 一, 二 (its table A) and 六 only: the tables of 三 and 四 and section 五 cut out
    String cut = text.substring(0, text.indexOf("三、收到和处理")) + text.substring(text.indexOf("六、其他需要报告"));
    Report report = ReportReader.read(cut.getBytes(StandardCharsets.UTF_8), "cut.txt");
    assertEquals(TITLE, report.title());
  }
}
