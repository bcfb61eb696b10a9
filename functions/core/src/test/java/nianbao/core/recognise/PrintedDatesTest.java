package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import nianbao.core.model.PrintedDate;
import org.junit.jupiter.api.Test;

class PrintedDatesTest {
  private static final String BODY = "六、其他需要报告的事项\n本年度无收费。2023年1月1日起施行的新规定已公开。\n";

  @Test
  void aLabelledPublicationDateWinsWhereverItStands() {
    PrintedDate d = PrintedDates.find("发布日期：2023-02-03\n" + BODY + "新乡县人民政府\n2023年1月20日\n", 13, 2022);
    assertEquals(new PrintedDate("2023-02-03", "发布日期", "发布日期：2023-02-03"), d);
    assertEquals("2020-01-20", PrintedDates.find(BODY + "标题: …\n发布时间: 2020-01-20 15:22\n", 0, 2019).date());
    // a page's 信息索引 table as a crawler stores it: the label and the date in cells side by side
    assertEquals(new PrintedDate("2023-01-18", "发布日期", "发文日期 2023-01-18"),
        PrintedDates.find("发布机构\t某局\t发文日期\t 2023-01-18 09:30\t\n" + BODY, 0, 2022));
  }

  @Test
  void theSignaturesDateIsTheLastDateOnALineOfItsOwnAfterSectionSix() {
    PrintedDate d = PrintedDates.find(BODY + "新乡县人民政府\n2023年1月20日\n", 0, 2022);
    assertEquals("2023-01-20", d.date());
    assertEquals("落款", d.kind());
    assertEquals("2023-01-31", PrintedDates.find(BODY + "某局\n  2023 年 1 月 31 日  \n", 0, 2022).date());
    assertEquals("2023-01-18", PrintedDates.find(BODY + "某局\n二〇二三年一月十八日\n", 0, 2022).date());
    assertEquals("2024-02-29", PrintedDates.find(BODY + "某局\n二〇二四年二月二十九日\n", 0, 2023).date());
  }

  @Test
  void aDateInTheTextOrImplausibleIsNone() {
    // the date in a sentence is no signature; a signature before section 六 is not looked at
    assertNull(PrintedDates.find(BODY, 0, 2022));
    assertNull(PrintedDates.find("2023年1月20日\n" + BODY, 14, 2022));
    assertNull(PrintedDates.find(BODY + "某局\n2023年2月30日\n", 0, 2022), "no such day");
    assertNull(PrintedDates.find(BODY + "某局\n2019年1月20日\n", 0, 2022), "before the report's year");
    assertNull(PrintedDates.find(BODY + "某局\n2027年1月20日\n", 0, 2022), "years after it");
  }
}
