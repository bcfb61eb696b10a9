package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nianbao.core.ReportReader;
import nianbao.core.model.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Markup left in a plain text's title once made another agency of the same one (issue 17, "markup in a title
 * splits one agency into several reports"): "新乡市&nbsp;卫滨区…" was read as 卫滨区… .
 */
class InlineMarkupTest {
  private static final String TITLE = "新乡市卫滨区科技和工业信息化局2022年政府信息公开工作年度报告";

  @ParameterizedTest
  @ValueSource(strings = {"新乡市&nbsp;卫滨区", "新乡市&#160;卫滨区", "新乡市&ensp;卫滨区", "新乡市<br>卫滨区",
      "新乡市<br/>卫滨区", "<strong>新乡市卫滨区", "新乡市</p>卫滨区",
      "新乡市<font color=red>卫滨区</font>", "<span style=\"font-size:22px\">新乡市</span>卫滨区",
      "新乡市<o:p></o:p>卫滨区"})
  void markupInTheTitleLeavesTheAgencyWhole(String printedStart) throws Exception {
    String seed = seed();
    Report clean = ReportReader.read(seed.getBytes(StandardCharsets.UTF_8), "clean.txt");
    String marked = seed.replaceFirst("新乡市卫滨区", java.util.regex.Matcher.quoteReplacement(printedStart)); // the title only
    Report read = ReportReader.read(marked.getBytes(StandardCharsets.UTF_8), "marked.txt");
    assertEquals(TITLE, clean.title());
    assertEquals("新乡市卫滨区科技和工业信息化局", read.agency());
    assertEquals(clean.title(), read.title());
    assertEquals(clean.applications(), read.applications(), "the tables read as before");
    assertEquals(clean.proactive(), read.proactive());
  }

  @Test
  void blankingKeepsEveryOffset() {
    String text = "甲&nbsp;乙<b>12</b>丙 a<3 并且 b&c";
    String blanked = InlineMarkup.blank(text);
    assertEquals(text.length(), blanked.length());
    assertEquals("甲      乙   12    丙 a<3 并且 b&c", blanked);
    assertEquals(text.indexOf("12"), blanked.indexOf("12"));
  }

  @Test
  void onlyTheHeadIsBlankedTheBodyStaysAsPrinted() {
    String text = "<b>某某局</b>2022年政府信息公开工作年度报告\n一、总体情况\n本局<script>alert(2)</script>的说明。";
    String read = InlineMarkup.blankHead(text);
    assertEquals("   某某局    2022年政府信息公开工作年度报告\n一、总体情况\n本局<script>alert(2)</script>的说明。", read);
    String noTitle = "<b>通知</b>\n正文";
    assertSame(noTitle, InlineMarkup.blankHead(noTitle));
  }

  @Test
  void aTextWithoutMarkupIsTheSameString() {
    String text = "一、总体情况\n本年度共收到申请 12 件。";
    assertSame(text, InlineMarkup.blank(text));
    assertSame(text, InlineMarkup.blankHead(text));
  }

  private static String seed() throws IOException {
    try (InputStream in = InlineMarkupTest.class.getResourceAsStream("/seeds/000_dc7fa2148f231570.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
