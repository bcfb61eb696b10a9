package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import nianbao.core.ReportReader;
import nianbao.core.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain text in every encoding agencies' files come in reads the same; anything else is refused clearly. */
class TextReaderTest {
  private static final String SEED = "/seeds/003_978a9fff42e671ca.txt";

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "UTF-8-BOM", "UTF-16LE-BOM", "UTF-16BE-BOM", "GB18030", "GBK"})
  void everyEncodingGivesTheSameReport(String encoding) throws Exception {
    String text = new String(nianbao.core.recognise.ExpectedReportsTestAccess.resource(SEED), StandardCharsets.UTF_8);
    Report reference = ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "seed.txt");
    byte[] bytes = encode(text, encoding);
    Report report = ReportReader.read(bytes, "seed.txt");
    assertEquals(reference.title(), report.title());
    assertEquals(reference.applications(), report.applications());
    assertEquals(reference.sections(), report.sections());
    String expectedName = encoding.replace("-BOM", "").equals("GBK") ? "GB18030" : encoding.replace("-BOM", "");
    assertEquals(expectedName, report.source().encoding());
  }

  @Test
  void gbkBytesAreNeverReadAsMojibake() throws Exception {
    byte[] gbk = "新乡县人民政府".getBytes(Charset.forName("GBK"));
    assertEquals("新乡县人民政府", TextReader.decode(gbk).text());
  }

  @Test
  void emptyFileIsRefused() {
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ReportReader.read(new byte[0], "empty.txt"));
    assertEquals("文件为空", e.getMessage());
  }

  @Test
  void binaryJunkIsRefusedAsNotText() {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    junk[0] = 0x01;
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ReportReader.read(junk, "junk.bin"));
    assertTrue(e.getMessage().contains("编码") || e.getMessage().contains("二进制"), e.getMessage());
  }

  @Test
  void textThatIsNotAReportIsRefused() {
    byte[] poem = "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n".getBytes(StandardCharsets.UTF_8);
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ReportReader.read(poem, "poem.txt"));
    assertTrue(e.getMessage().startsWith("不是政府信息公开工作年度报告"), e.getMessage());
  }

  @Test
  void jsonDataIsRefusedAsNotADocument() {
    byte[] json = "{\"rows\": [[\"一、本年新收政府信息公开申请数量\", \"13\"]]}".getBytes(StandardCharsets.UTF_8);
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ReportReader.read(json, "tables.json"));
    assertTrue(e.getMessage().contains("JSON"), e.getMessage());
  }

  @Test
  void tableLabelsWithoutTitleOrSectionsAreNotAReport() throws Exception {
    String text = new String(nianbao.core.recognise.ExpectedReportsTestAccess.resource(SEED), StandardCharsets.UTF_8);
    String tableOnly = text.substring(text.indexOf("(本列数据"), text.indexOf("四、政府信息公开行政复议"));
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ReportReader.read(tableOnly.getBytes(StandardCharsets.UTF_8), "table.txt"));
    assertTrue(e.getMessage().startsWith("不是政府信息公开工作年度报告"), e.getMessage());
  }

  @Test
  void aReportCutOffBeforeItsTablesIsRefusedAsTruncated() throws Exception {
    String text = new String(nianbao.core.recognise.ExpectedReportsTestAccess.resource(SEED), StandardCharsets.UTF_8);
    String head = text.substring(0, text.indexOf("第二十条"));
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ReportReader.read(head.getBytes(StandardCharsets.UTF_8), "cut.txt"));
    assertTrue(e.getMessage().startsWith("报告不完整"), e.getMessage());
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefusedBeforeReading() {
    byte[] big = new byte[(int) DocumentReaders.MAX_BYTES + 1];
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ReportReader.read(big, "big.txt"));
    assertTrue(e.getMessage().startsWith("文件过大"), e.getMessage());
  }

  private static byte[] encode(String text, String encoding) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (encoding) {
      case "UTF-8" -> out.write(text.getBytes(StandardCharsets.UTF_8));
      case "UTF-8-BOM" -> {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      case "UTF-16LE-BOM" -> {
        out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.write(text.getBytes(StandardCharsets.UTF_16LE));
      }
      case "UTF-16BE-BOM" -> {
        out.write(new byte[] {(byte) 0xFE, (byte) 0xFF});
        out.write(text.getBytes(StandardCharsets.UTF_16BE));
      }
      default -> out.write(text.getBytes(Charset.forName(encoding)));
    }
    return out.toByteArray();
  }
}
