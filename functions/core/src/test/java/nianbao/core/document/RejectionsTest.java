package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nianbao.core.ReportReader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every document that cannot be read is refused with one Chinese line saying why, never a crash or OOM. */
class RejectionsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "reject-scanned.pdf   | pdf  | 扫描版 PDF：没有文字层，无法读取（不做文字识别）",
      "reject-encrypted.pdf | pdf  | PDF 已加密（需要打开密码），无法读取",
      "reject-corrupt.docx  | docx | Word 文档（.docx）已损坏：ZIP 结构无法读取",
      "reject-old.doc       | doc  | 不支持的文件格式：旧版 Word 文档（.doc），请另存为 .docx 或 PDF 后上传",
      "reject-table.xlsx    | xlsx | 不支持的文件格式：Excel 表格（.xlsx），请把报告另存为 .docx 或 PDF 后上传",
      "reject-image.png     | image | 不支持的文件格式：图片（无文字层，不做文字识别）"})
  void fixtureIsRejectedWithItsReason(String name, String format, String reason) {
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.read(DocumentFixtures.document(name)));
    assertEquals(reason, e.getMessage());
    assertEquals(format, e.format());
    // the entry point refuses the same way
    UnreadableDocumentException viaReport = assertThrows(UnreadableDocumentException.class,
        () -> ReportReader.read(DocumentFixtures.document(name), name));
    assertEquals(reason, viaReport.getMessage());
  }

  @Test
  void over20MegabytesIsRejectedBeforeReading() {
    byte[] big = new byte[20 * 1024 * 1024 + 1];
    System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> DocumentReaders.read(big));
    assertEquals("文件过大（20.0 MB，上限 20 MB）", e.getMessage());
  }

  @Test
  void pdfOver100PagesIsRejected() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument pdf = new PDDocument()) {
      for (int i = 0; i < 101; i++) {
        pdf.addPage(new PDPage());
      }
      pdf.save(out);
    }
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.read(out.toByteArray()));
    assertEquals("PDF 页数过多（101 页，上限 100 页）", e.getMessage());
  }

  @Test
  void pdfWithoutTextOrImagesSaysSo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.addRect(100, 100, 200, 200);
        content.stroke();
      }
      pdf.save(out);
    }
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.read(out.toByteArray()));
    assertEquals("PDF 中没有可读取的文字", e.getMessage());
  }

  @Test
  void pdfWithOnlyAnOwnerPasswordIsRead() throws Exception {
    // restrictions without an open password do not stop reading (agencies often forbid copying)
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText("Annual report 2022 of the agency");
        content.endText();
      }
      var permissions = new org.apache.pdfbox.pdmodel.encryption.AccessPermission();
      permissions.setCanExtractContent(false);
      pdf.protect(new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "", permissions));
      pdf.save(out);
    }
    Document document = DocumentReaders.read(out.toByteArray());
    assertEquals(java.util.List.of(new Paragraph("Annual report 2022 of the agency")), document.blocks());
  }

  @Test
  void corruptPdfIsRejected() {
    byte[] bytes = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage garbage".getBytes(StandardCharsets.US_ASCII);
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> DocumentReaders.read(bytes));
    assertEquals("pdf", e.format());
    assertTrue(e.getMessage().startsWith("PDF"), e.getMessage());
  }

  @Test
  void zipBombInsideDocxIsRejectedWithoutInflatingIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 40; i++) { // 40 MB of nothing, about 40 KB compressed
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    long before = System.nanoTime();
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.read(out.toByteArray()));
    assertTrue(e.getMessage().startsWith("Word 文档（.docx）疑为压缩炸弹：解压后超过 "), e.getMessage());
    assertTrue(System.nanoTime() - before < 5_000_000_000L);
  }

  @Test
  void docxWithTooManyEntriesIsRejected() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("word/styles.xml"));
      zip.closeEntry();
      for (int i = 0; i < DocxReader.MAX_ENTRIES + 1; i++) {
        zip.putNextEntry(new ZipEntry("word/media/x" + i));
        zip.closeEntry();
      }
    }
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.read(out.toByteArray()));
    assertEquals("Word 文档（.docx）疑为压缩炸弹：条目超过 10000 个，拒绝读取", e.getMessage());
  }

  @Test
  void docxWithoutItsMainPartIsRejected() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("word/styles.xml"));
      zip.write("<styles/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.read(out.toByteArray()));
    assertEquals("不是有效的 Word 文档（.docx）：缺少正文部分 word/document.xml", e.getMessage());
  }

  @Test
  void docxWithAnExternalEntityDoesNotResolveIt() throws Exception {
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        + "<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(xml.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    try {
      Document d = DocumentReaders.read(out.toByteArray());
      assertTrue(d.blocks().stream().noneMatch(b -> b instanceof Paragraph p && p.text().contains("root")));
    } catch (UnreadableDocumentException e) {
      assertEquals("docx", e.format());
    }
  }

  @Test
  void aReaderOverItsTimeIsStoppedAndRejected() {
    DocumentReader slow = new DocumentReader() {
      @Override
      public String format() {
        return "pdf";
      }

      @Override
      public String version() {
        return "slow";
      }

      @Override
      public Document read(byte[] bytes) {
        while (true) {
          Deadline.check(); // a reader's loops check the deadline
        }
      }
    };
    long before = System.nanoTime();
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.withLimit(slow, new byte[1], Duration.ofMillis(300)));
    assertEquals("读取超时：PDF 超过 0.3 秒仍未读完，已停止（文件过于复杂或已损坏）", e.getMessage());
    assertTrue(System.nanoTime() - before < 2_000_000_000L);
  }

  @Test
  void realReadersStopAtTheDeadline() {
    byte[] pdf = DocumentFixtures.document("pingtan-2022.pdf");
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.read(pdf, Duration.ofMillis(1)));
    assertTrue(e.getMessage().startsWith("读取超时："), e.getMessage());
  }

  @Test
  void outOfMemoryInAReaderBecomesARejection() {
    DocumentReader greedy = new DocumentReader() {
      @Override
      public String format() {
        return "html";
      }

      @Override
      public String version() {
        return "greedy";
      }

      @Override
      public Document read(byte[] bytes) {
        throw new OutOfMemoryError("Java heap space");
      }
    };
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.withLimit(greedy, new byte[1], Duration.ofSeconds(5)));
    assertEquals("网页（HTML）过于复杂：读取所需内存超过上限", e.getMessage());
  }
}
