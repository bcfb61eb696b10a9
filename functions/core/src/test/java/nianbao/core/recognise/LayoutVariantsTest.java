package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.model.Report;
import org.junit.jupiter.api.Test;

/** Small variations real reports print, each read the same way. */
class LayoutVariantsTest {
  private static final String SEED = "/seeds/003_978a9fff42e671ca.txt";

  private static Report read(String text) throws Exception {
    return ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "variant.txt");
  }

  private static String seed() throws Exception {
    return new String(ExpectedReportsTest.resource(SEED), StandardCharsets.UTF_8);
  }

  @Test
  void titleWithGuanYuAndTheOlderHeadingOfSectionFour() throws Exception {
    String text = seed().replace("新乡县人民政府2022年政府信息公开工作年度报告", "新乡县人民政府关于2022年度政府信息公开工作年度报告")
        .replace("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
        .replace("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况");
    Report report = read(text);
    assertEquals("新乡县人民政府", report.agency());
    assertEquals("新乡县人民政府关于2022年度政府信息公开工作年度报告", report.title());
    assertEquals(0L, report.reviewAndLitigation().adminReview().total());
    assertEquals(List.of(), report.findings().stream().filter(f -> f.rule().equals("S1")).toList());
  }

  @Test
  void digitsInsideTheAgencyNameStayInIt() throws Exception {
    Report report = read(seed().replace("新乡县人民政府2022年", "新乡县公安局第0分局2022年"));
    assertEquals("新乡县公安局第0分局", report.agency());
    assertEquals(2022, report.year());
  }

  @Test
  void fullWidthDigitsAndBracketsReadAsHalfWidth() throws Exception {
    String text = seed().replace("一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13",
        "一、本年新收政府信息公开申请数量\t１３\t０\t０\t０\t０\t０\t１３");
    assertEquals(Arrays.asList(13L, 0L, 0L, 0L, 0L, 0L, 13L), read(text).applications().rows().get("newReceived"));
  }

  @Test
  void dashesAndSlashesInCellsAreBlanks() throws Exception {
    String text = seed().replace("二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
        "二、上年结转政府信息公开申请数量\t—\t/\t-\t0\t0\t0\t0");
    List<Long> row = read(text).applications().rows().get("carriedOver");
    assertNull(row.get(0));
    assertNull(row.get(1));
    assertNull(row.get(2));
    assertEquals(0L, row.get(6));
  }

  @Test
  void aValueThatIsNotACountIsNullAndN1SaysWhatWasPrinted() throws Exception {
    String text = seed().replace("二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
        "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0.5");
    Report report = read(text);
    assertNull(report.applications().rows().get("carriedOver").get(6));
    assertEquals(List.of("0.5"), report.findings().stream().filter(f -> f.rule().equals("N1")).map(f -> f.actual())
        .toList());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "新乡县人民政府二〇二二年政府信息公开工作年度报告",
      "新乡县人民政府二○二二年度政府信息公开工作年度报告",
      "新乡县人民政府\n2022年政府信息公开工作年度报告",
      "新乡县人民政府\n二〇二二年度政府信息公开工作年度报告",
      "2022年新乡县人民政府政府信息公开工作年度报告",
      "2022年度新乡县人民政府政府信息公开工作年度报告",
      "二〇二二年新乡县人民政府政府信息公开工作年度报告",
      "新乡县人民政府政府信息公开工作年度报告（2022年）",
      "新乡县人民政府信息公开工作年度报告(2022年度)"})
  void titlesWithTheYearWrittenOrPlacedOtherwiseGiveTheAgencyAndYear(String title) throws Exception {
    Report report = read(seed().replace("新乡县人民政府2022年政府信息公开工作年度报告", title));
    assertEquals("新乡县人民政府", report.agency());
    assertEquals(2022, report.year());
    assertEquals(title.replace("\n", ""), report.title());
    assertEquals("新乡市", report.region().city());
  }

  @Test
  void aLineAboveTheTitleThatIsNotAnAgencyIsNotTakenForIt() throws Exception {
    Report report = read(seed().replace("新乡县人民政府2022年政府信息公开工作年度报告",
        "发布日期：见文末\n2022年政府信息公开工作年度报告"));
    assertNull(report.agency());
    assertEquals(2022, report.year());
  }

  @Test
  void thousandsSeparatorsJoinAGroupedNumberButCommaSeparatedCellsStayApart() throws Exception {
    String fixture = new String(ExpectedReportsTest.resource("/fixtures/nonzero-2021-split-labels.txt"),
        StandardCharsets.UTF_8);
    Report grouped = read(fixture.replace("行政许可\t2187", "行政许可\t2,187"));
    assertEquals(2187L, ((nianbao.core.model.Proactive2021) grouped.proactive()).licensing());
    Report fullWidth = read(fixture.replace("行政许可\t2187", "行政许可\t2，187"));
    assertEquals(2187L, ((nianbao.core.model.Proactive2021) fullWidth.proactive()).licensing());
    Report millions = read(seed().replace("一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13",
        "一、本年新收政府信息公开申请数量\t1,013,000\t0\t0\t0\t0\t0\t1,013,000"));
    assertEquals(Arrays.asList(1013000L, 0L, 0L, 0L, 0L, 0L, 1013000L),
        millions.applications().rows().get("newReceived"));
    Report csv = read(seed().replace("一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13",
        "一、本年新收政府信息公开申请数量,13,0,0,0,0,0,13"));
    assertEquals(Arrays.asList(13L, 0L, 0L, 0L, 0L, 0L, 13L), csv.applications().rows().get("newReceived"));
  }

  @Test
  void inATableAGroupedNumberIsAValueAndTheEmptyCellAfterItIsABlank() throws Exception {
    String html = new String(ExpectedReportsTest.resource("/documents/003_978a9fff42e671ca.html"),
        StandardCharsets.UTF_8).replace(
        "一、本年新收政府信息公开申请数量</td><td>13</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>13</td>",
        "一、本年新收政府信息公开申请数量</td><td>1,013</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td>1,013</td>");
    Report report = ReportReader.read(html.getBytes(StandardCharsets.UTF_8), "grouped.html");
    assertEquals(Arrays.asList(1013L, null, 0L, 0L, 0L, 0L, 1013L), report.applications().rows().get("newReceived"));
  }
}
