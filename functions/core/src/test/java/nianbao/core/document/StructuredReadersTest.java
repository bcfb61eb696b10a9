package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report fixture, in every format LibreOffice made of it, reads into the table grids its layout
 * defines: table A, table B with its merged label cells, table C with its two header levels — cell for
 * cell, independent of the recogniser.
 */
class StructuredReadersTest {
  static Stream<Arguments> documents() {
    return DocumentFixtures.REPORTS.stream().flatMap(base -> Stream.of("html", "docx", "pdf").map(ext -> Arguments.of(base, ext)));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("documents")
  void tablesHaveTheLayoutsGrid(String base, String ext) throws Exception {
    Document document = DocumentReaders.read(DocumentFixtures.document(base + "." + ext));
    assertEquals(ext, document.format());
    List<List<List<String>>> expected = DocumentFixtures.expectedTables(base);
    List<List<List<String>>> actual = DocumentFixtures.tables(document);
    if (ext.equals("pdf")) {
      assertEquals(DocumentFixtures.withoutSpaces(expected), DocumentFixtures.withoutSpaces(actual));
    } else {
      assertEquals(expected, actual);
    }
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("documents")
  void headingsAndTextAreParagraphsInReadingOrder(String base, String ext) throws Exception {
    Document document = DocumentReaders.read(DocumentFixtures.document(base + "." + ext));
    List<String> paragraphs = DocumentFixtures.paragraphs(document);
    String all = String.join("\n", paragraphs);
    assertTrue(paragraphs.get(0).contains("年度") && paragraphs.get(0).contains("报告"), paragraphs.get(0));
    int previous = -1;
    for (String heading : List.of("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")) {
      int at = paragraphs.indexOf(heading);
      assertTrue(at > previous, heading + " missing or out of order in\n" + all);
      previous = at;
    }
    // the tables sit between their headings
    int tableIndex = 0;
    List<Block> blocks = document.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) instanceof Table) {
        tableIndex++;
        String before = lastParagraphBefore(blocks, i);
        String expected = switch (tableIndex) {
          case 1 -> "二、";
          case 2 -> "三、";
          default -> "四、";
        };
        assertTrue(before.startsWith(expected) || before.startsWith("（此处为分页测试"), tableIndex + ": " + before);
      }
    }
    assertEquals(3, tableIndex);
  }

  private static String lastParagraphBefore(List<Block> blocks, int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (blocks.get(i) instanceof Paragraph p) {
        return p.text();
      }
    }
    return "";
  }

  @Test
  void pdfParagraphsAreWholeAgainAfterLineWrapping() throws Exception {
    Document pdf = DocumentReaders.read(DocumentFixtures.document("003_978a9fff42e671ca.pdf"));
    Document html = DocumentReaders.read(DocumentFixtures.document("003_978a9fff42e671ca.html"));
    assertEquals(DocumentFixtures.paragraphs(html).stream().map(s -> s.replace(" ", "")).toList(),
        DocumentFixtures.paragraphs(pdf).stream().map(s -> s.replace(" ", "")).toList());
  }

  @Test
  void tableSplitAcrossTwoPdfPagesIsOneTable() throws Exception {
    byte[] bytes = DocumentFixtures.document("edge-split-table.pdf");
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
      // the fixture really splits table B: its first rows on one page, 总计 on the next
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      String[] pages = new String[pdf.getNumberOfPages()];
      for (int p = 0; p < pages.length; p++) {
        stripper.setStartPage(p + 1);
        stripper.setEndPage(p + 1);
        pages[p] = stripper.getText(pdf).replaceAll("\\s", "");
      }
      int head = -1;
      int tail = -1;
      for (int p = 0; p < pages.length; p++) {
        if (pages[p].contains("本年新收")) {
          head = p;
        }
        if (pages[p].contains("结转下年度")) {
          tail = p;
        }
      }
      assertTrue(head >= 0 && tail > head, "fixture must split table B across pages");
    }
    Document document = DocumentReaders.read(bytes);
    assertEquals(DocumentFixtures.withoutSpaces(DocumentFixtures.expectedTables("edge-split-table")),
        DocumentFixtures.withoutSpaces(DocumentFixtures.tables(document)));
  }

  @Test
  void htmlInSiteChromeWithGbkMetaCharset() throws Exception {
    Document document = DocumentReaders.read(DocumentFixtures.document("edge-chrome-gbk.html"));
    assertEquals("html", document.format());
    assertEquals("GBK", document.encoding());
    assertEquals(DocumentFixtures.expectedTables("edge-chrome-gbk"), DocumentFixtures.tables(document));
    List<String> paragraphs = DocumentFixtures.paragraphs(document);
    assertEquals("新乡县人民政府2022年政府信息公开工作年度报告", paragraphs.get(0));
    assertEquals("本单位无收取信息处理费等其他需要报告的事项。", paragraphs.get(paragraphs.size() - 1));
    String all = String.join("\n", paragraphs);
    for (String chrome : List.of("设为首页", "首页", "当前位置", "政府信息公开指南", "2021年政府信息公开工作年度报告",
        "发布时间", "浏览次数", "分享到", "打印本页", "主办", "豫ICP备", "统计代码", "请输入关键字")) {
      assertFalse(all.contains(chrome), "site chrome leaked: " + chrome);
    }
  }

  @Test
  void docxWithVerticallyMergedCells() throws Exception {
    Document document = DocumentReaders.read(DocumentFixtures.document("edge-vmerge.docx"));
    assertEquals("docx", document.format());
    assertEquals(List.of(
        new Paragraph("测试单位2022年政府信息公开工作年度报告"),
        new Paragraph("第一行"),
        new Paragraph("第二行\t含制表符"),
        new Paragraph("标签\t值"),
        new Paragraph("三、收到和处理政府信息公开申请情况"),
        new Table(List.of(
            List.of("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况", "", ""),
            List.of("", "", "自然人", "商业企业", "总计"),
            List.of("一、本年新收政府信息公开申请数量", "", "13", "0", "13"),
            List.of("三、本年度办理结果", "（一）予以公开", "", "", "8"),
            List.of("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0", "0", "0"),
            List.of("", "（七）总计", "13", "0", "13"),
            List.of("", "备注", "无", "", ""))),
        new Paragraph("四、政府信息公开行政复议、行政诉讼情况")), document.blocks());
  }

  @Test
  void readersNameThemselvesForSourceReader() throws Exception {
    assertTrue(DocumentReaders.read(DocumentFixtures.document("003_978a9fff42e671ca.html")).reader().startsWith("html/2+jsoup-1."));
    assertTrue(DocumentReaders.read(DocumentFixtures.document("003_978a9fff42e671ca.docx")).reader().startsWith("docx/1+jdk"));
    assertTrue(DocumentReaders.read(DocumentFixtures.document("003_978a9fff42e671ca.pdf")).reader().startsWith("pdf/2+pdfbox-3."));
  }
}
