package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pages whose report is a script's string, and raw markup saved as text: read as the HTML they are, so that
 * no number from a tag, an attribute, CSS or code becomes a value. (The whole reports, wrapped as sites wrap
 * them, are in corpus/html-in-script/ with their expected values.)
 */
class HtmlInScriptTest {
  private static final String TABLE = "<p style='text-indent:32px'>四、政府信息公开行政复议、行政诉讼情况</p>"
      + "<table style=\"width:602px\"><tr><td style=\"width:38px;\" width=\"38\">行政复议</td>"
      + "<td style=\"width:38px;\"><span style=\"font-size:14px\">3</span></td></tr>"
      + "<tr><td style=\"width:38px;\">总计</td><td style=\"width:38px;\">5</td></tr></table>";

  private static Document read(String text) throws UnreadableDocumentException {
    return DocumentReaders.read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static final List<Block> EXPECTED = List.of(new Paragraph("四、政府信息公开行政复议、行政诉讼情况"),
      new Table(List.of(List.of("行政复议", "3"), List.of("总计", "5"))));

  @Test
  void aLetContentStringSavedAsTextIsReadAsItsMarkup() throws Exception {
    String script = "let content = \"" + TABLE.replace("\"", "\\\"").replace("</", "<\\/") + "\";\n"
        + "$('.article').html(content); var w = 38;";
    Document d = read(script);
    assertEquals("html", d.format());
    assertEquals(EXPECTED, d.blocks());
  }

  @Test
  void aPageWhoseArticleAScriptFillsReadsTheScriptsMarkupInItsPlace() throws Exception {
    String page = "<!DOCTYPE html><html><head><style>td{width:38px}</style></head><body>"
        + "<div class='nav'><a href='/'>首页</a></div><div id='zoom'></div><script>document.write('"
        + TABLE.replace("'", "\\'") + "');</script><div class='footer'>访问量 3176550</div></body></html>";
    assertEquals(EXPECTED, read(page).blocks());
  }

  @Test
  void aScriptThatBuildsAWidgetIsNotContent() throws Exception {
    String page = "<html><body><div>" + TABLE + "</div><script>var pager = '<span>第1页</span><span>共38页</span>';"
        + "</script></body></html>";
    assertEquals(EXPECTED, read(page).blocks());
  }

  @Test
  void rawMarkupSavedAsTextIsHtmlNotText() throws Exception {
    Document d = read("<style>td{width:38px}</style>\n" + TABLE);
    assertEquals("html", d.format());
    assertEquals(EXPECTED, d.blocks());
    Document fragment = read("说明：以下为网页源码。\n" + TABLE + "<p>五、存在的主要问题</p><br/><div>六</div>");
    assertEquals("html", fragment.format(), "five block tags make a text markup");
    assertFalse(fragment.blocks().toString().contains("38"), fragment.blocks().toString());
  }

  @Test
  void aReportsPlainTextStaysText() throws Exception {
    Document d = read("一、总体情况\n本年度收到申请 38 件，width 不是标签 <5 件。\n");
    assertEquals("txt", d.format());
  }

  @Test
  void styleAndScriptInsideTheBodyNeverLeak() throws Exception {
    Document d = read("<html><body><p>四、政府信息公开行政复议、行政诉讼情况</p><style>td{width:38px}</style>"
        + "<script>var total = 190;</script><table><tr><td>行政复议</td><td>3</td></tr>"
        + "<tr><td>总计</td><td>5</td></tr></table></body></html>");
    assertEquals(EXPECTED, d.blocks());
    assertTrue(d.reader().startsWith("html/2+"), d.reader());
  }
}
