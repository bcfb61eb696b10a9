package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown as converters write it: pipe tables and HTML tables are tables, markup is never text. */
class MarkdownReaderTest {
  private static Document read(String text) throws UnreadableDocumentException {
    return DocumentReaders.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aGfmTableIsATableAndHeadingsAndLinesAreParagraphs() throws Exception {
    Document d = read("# **新乡县人民政府2022年政府信息公开工作年度报告**\n\n二、主动公开政府信息情况\n"
        + "![](images/5f2a193de4b0cda058d2022.jpg)\n\n"
        + "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|:---:|---|---|\n"
        + "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 14 | 19 | 35 |\n");
    assertEquals("md", d.format());
    assertEquals(List.of(new Paragraph("新乡县人民政府2022年政府信息公开工作年度报告"), new Paragraph("二、主动公开政府信息情况"),
        new Table(List.of(List.of("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"), List.of("规章", "0", "0", "0"),
            List.of("行政规范性文件", "14", "19", "35")))), d.blocks());
  }

  @Test
  void pipeRowsWithoutTheDelimiterLineAreATable() throws Exception {
    Document d = read("四、政府信息公开行政复议、行政诉讼情况\n\n| 行政复议 | | 行政诉讼 |\n| 结果维持 | 总计 | 总计 |\n"
        + "| 1 | 2 | 3 |\n");
    assertEquals(List.of(new Paragraph("四、政府信息公开行政复议、行政诉讼情况"),
        new Table(List.of(List.of("行政复议", "", "行政诉讼"), List.of("结果维持", "总计", "总计"), List.of("1", "2", "3")))),
        d.blocks());
  }

  @Test
  void anHtmlTableInTheMarkdownIsReadAsHtml() throws Exception {
    Document d = read("## 三、收到和处理政府信息公开申请情况\n\n"
        + "<html><body><table><tr><td style=\"width:38px\">一、本年新收<br>政府信息公开申请数量</td><td>13</td></tr>"
        + "<tr><td>二、上年结转政府信息公开申请数量</td><td>0</td></tr></table></body></html>\n\n五、存在的主要问题\n");
    assertEquals(List.of(new Paragraph("三、收到和处理政府信息公开申请情况"),
        new Table(List.of(List.of("一、本年新收政府信息公开申请数量", "13"), List.of("二、上年结转政府信息公开申请数量", "0"))),
        new Paragraph("五、存在的主要问题")), d.blocks());
  }

  @Test
  void anOrderedListKeepsItsNumbersAndEscapesAreText() throws Exception {
    Document d = read("| a | b |\n|---|---|\n| 1 | 2 |\n\n1. 属于国家秘密 0 0\n2. 其他法律行政法规禁止公开 0 0\n\n"
        + "3\\. 危及“三安全一稳定” \\| 0\n");
    assertEquals(List.of(new Table(List.of(List.of("a", "b"), List.of("1", "2"))), new Paragraph("1.属于国家秘密 0 0"),
        new Paragraph("2.其他法律行政法规禁止公开 0 0"), new Paragraph("3. 危及“三安全一稳定” | 0")), d.blocks());
  }

  @Test
  void textWithAStrayPipeStaysText() throws Exception {
    assertEquals("txt", read("一、总体情况\n申请 13 件 | 答复 13 件\n").format());
  }
}
