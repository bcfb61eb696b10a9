package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML reader on small pages: spans, blanks, nesting, charsets. */
class HtmlReaderTest {
  private static Document read(String html) throws UnreadableDocumentException {
    return DocumentReaders.read(html.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rowspanAndColspanAreResolvedOntoTheGrid() throws Exception {
    Document d = read("<html><body><table>"
        + "<tr><td rowspan=2 colspan=2>a</td><td>b</td></tr>"
        + "<tr><td>c</td></tr>"
        + "<tr><td>d</td><td>&nbsp;</td><td> e \n f </td></tr>"
        + "</table></body></html>");
    assertEquals(List.of(new Table(List.of(
        List.of("a", "", "b"),
        List.of("", "", "c"),
        List.of("d", "", "e f")))), d.blocks());
  }

  @Test
  void positionsASpanCoversAreToldApartFromBlankCells() throws Exception {
    // the 2019 template's table A as a real site prints it: 本年新公开数量 merged over two grid columns
    Table t = (Table) read("<html><body><table>"
        + "<tr><td>信息内容</td><td>本年新制作数量</td><td colspan=2>本年新公开数量</td><td>对外公开总数量</td></tr>"
        + "<tr><td>规章</td><td>13</td><td colspan=2>13</td><td>524</td></tr>"
        + "<tr><td>行政许可</td><td colspan=2>0</td><td>&nbsp;</td><td>0</td></tr>"
        + "</table></body></html>").blocks().get(0);
    assertEquals(List.of("规章", "13", "13", "", "524"), t.rows().get(1));
    assertEquals(List.of(false, false, false, true, false), covered(t, 1));
    assertEquals(List.of(false, false, true, false, false), covered(t, 2)); // the &nbsp; cell is blank, not covered
  }

  private static List<Boolean> covered(Table t, int row) {
    return java.util.stream.IntStream.range(0, t.rows().get(row).size()).mapToObj(c -> t.isCovered(row, c)).toList();
  }

  @Test
  void blankAndNbspCellsAreEmptyAndRaggedRowsArePadded() throws Exception {
    Document d = read("<html><body><table><tr><td>行政许可</td><td>&nbsp;</td><td></td></tr>"
        + "<tr><td>行政处罚</td><td>3</td></tr></table></body></html>");
    assertEquals(List.of(new Table(List.of(List.of("行政许可", "", ""), List.of("行政处罚", "3", "")))), d.blocks());
  }

  @Test
  void aLayoutTableIsReadAsContentAndItsNestedTableAsATable() throws Exception {
    Document d = read("<html><body><table><tr><td><p>一、总体情况</p><p>正文。</p>"
        + "<table><tr><td>规章</td><td>0</td></tr><tr><td>行政规范性文件</td><td>1</td></tr></table>"
        + "<p>五、存在的主要问题及改进情况</p></td></tr></table></body></html>");
    assertEquals(List.of(new Paragraph("一、总体情况"), new Paragraph("正文。"),
        new Table(List.of(List.of("规章", "0"), List.of("行政规范性文件", "1"))),
        new Paragraph("五、存在的主要问题及改进情况")), d.blocks());
  }

  @Test
  void aLabelWrappedOverParagraphsInACellIsOneText() throws Exception {
    Document d = read("<html><body><table><tr><td><p>三、本年度</p><p>办理结果</p></td><td>1</td></tr>"
        + "<tr><td>Word<br>wrap</td><td>2</td></tr></table></body></html>");
    assertEquals(List.of(new Table(List.of(List.of("三、本年度办理结果", "1"), List.of("Word wrap", "2")))), d.blocks());
  }

  @Test
  void undeclaredGb18030IsDetectedStrictly() throws Exception {
    byte[] bytes = "<html><body><p>新乡县人民政府2022年政府信息公开工作年度报告</p></body></html>"
        .getBytes(Charset.forName("GB18030"));
    Document d = DocumentReaders.read(bytes);
    assertEquals("GB18030", d.encoding());
    assertEquals(List.of(new Paragraph("新乡县人民政府2022年政府信息公开工作年度报告")), d.blocks());
  }

  @Test
  void httpEquivCharsetIsHonoured() throws Exception {
    byte[] bytes = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
        + "<body><p>瀍河回族区</p></body></html>").getBytes(Charset.forName("GBK"));
    Document d = DocumentReaders.read(bytes);
    assertEquals("GBK", d.encoding());
    assertEquals(List.of(new Paragraph("瀍河回族区")), d.blocks());
  }

  @Test
  void aWrongDeclaredCharsetFallsBackToDetection() throws Exception {
    byte[] bytes = "<html><head><meta charset=\"gb2312\"></head><body><p>新乡县</p></body></html>"
        .getBytes(StandardCharsets.UTF_8);
    Document d = DocumentReaders.read(bytes);
    assertEquals("UTF-8", d.encoding());
    assertEquals(List.of(new Paragraph("新乡县")), d.blocks());
  }

  @Test
  void bytesThatAreNoCharsetAreRejected() {
    byte[] head = "<html><body><p>".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 4];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xFF;
    bytes[head.length + 1] = (byte) 0xFF;
    bytes[head.length + 2] = (byte) 0x81;
    bytes[head.length + 3] = (byte) 0x20;
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> DocumentReaders.read(bytes));
    assertEquals("无法识别网页的文字编码（声明的字符集与内容不符，也不是 UTF-8 或 GB18030）", e.getMessage());
  }

  @Test
  void scriptsStylesAndNavigationAreDropped() throws Exception {
    Document d = read("<html><head><style>p{}</style></head><body><nav><a href=/>首页</a></nav>"
        + "<script>var x = '不要';</script><h1>某局2022年政府信息公开工作年度报告</h1>"
        + "<p>一、总体情况</p><footer>版权所有</footer></body></html>");
    assertEquals(List.of(new Paragraph("某局2022年政府信息公开工作年度报告"), new Paragraph("一、总体情况")), d.blocks());
  }
}
