package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A refused document leaves no reader working: every loop of the text, HTML and DOCX readers checks the
 * deadline, so within a second of the refusal no reader thread uses the CPU any more. (The PDF reader is
 * being split into its geometry and its tables; its loops get the same test there.)
 */
class ReaderDeadlineTest {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void htmlNestedAHundredThousandDeepIsReadWithItsDepthCapped() throws Exception {
    String page = "<html><body>" + "<div>".repeat(100_000) + "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
        + "</div>".repeat(100_000) + "</body></html>";
    Document d = DocumentReaders.read(page.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(new Paragraph("四、政府信息公开行政复议、行政诉讼情况")), d.blocks());
    assertReaderThreadsIdleWithinOneSecond(System.nanoTime());
  }

  @Test
  void htmlRefusedAtItsDeadlineStopsUsingTheCpu() {
    String page = "<html><body>" + "<div><table><tr><td><span>政府信息公开工作年度报告 38</span></td></tr></table>"
        .repeat(60_000) + "</body></html>";
    // 20 ms, not 200: on an idle machine with a warm JIT this 4 MB page was once read whole within 200 ms (CI)
    assertStopsAfterRefusal(page.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(20));
  }

  @Test
  void htmlInAScriptRefusedAtItsDeadlineStopsUsingTheCpu() {
    String script = "let content = \"" + "<div style=\\\"width:38px\\\"><p>报告正文</p>".repeat(200_000) + "\";";
    assertStopsAfterRefusal(script.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(200));
  }

  @Test
  void docxRefusedAtItsDeadlineStopsUsingTheCpu() throws Exception {
    StringBuilder xml = new StringBuilder("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
        + "2006/main\"><w:body><w:p>");
    for (int i = 0; i < 1_000_000; i++) { // one paragraph of a million runs, 28 MB that compress only to 4 MB
      xml.append("<w:r><w:t>").append(Integer.toHexString(i * 7919 % 1_000_003)).append("</w:t></w:r>");
    }
    xml.append("</w:p></w:body></w:document>");
    assertStopsAfterRefusal(docx(xml.toString()), Duration.ofMillis(200));
  }

  @Test
  void docxTablesNestedTenThousandDeepAreReadWithoutFollowingThem() throws Exception {
    String xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        + "<w:tbl><w:tr><w:tc>".repeat(10_000) + "<w:p><w:r><w:t>深处</w:t></w:r></w:p>"
        + "</w:tc></w:tr></w:tbl>".repeat(10_000) + "<w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>";
    Document d = DocumentReaders.read(docx(xml));
    assertEquals(new Paragraph("正文"), d.blocks().get(d.blocks().size() - 1));
    assertReaderThreadsIdleWithinOneSecond(System.nanoTime());
  }

  @Test
  void textRefusedAtItsDeadlineStopsUsingTheCpu() {
    byte[] text = "一、总体情况\t38\t190\t383\n".repeat(600_000).getBytes(StandardCharsets.UTF_8);
    assertStopsAfterRefusal(text, Duration.ofMillis(1));
  }

  /** Reads with the limit, expects the refusal for time, and checks no reader thread works on past a second. */
  private static void assertStopsAfterRefusal(byte[] bytes, Duration limit) {
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.read(bytes, limit));
    long refused = System.nanoTime();
    assertTrue(e.getMessage().startsWith("读取超时："), e.getMessage());
    assertReaderThreadsIdleWithinOneSecond(refused);
  }

  /** From one second after {@code since}, no reader thread gains more than 50 ms of CPU in the next half second. */
  private static void assertReaderThreadsIdleWithinOneSecond(long since) {
    sleepUntil(since + 1_000_000_000L);
    Map<Long, Long> before = readerCpu();
    sleepUntil(System.nanoTime() + 500_000_000L);
    Map<Long, Long> after = readerCpu();
    for (Map.Entry<Long, Long> thread : after.entrySet()) {
      long used = thread.getValue() - before.getOrDefault(thread.getKey(), thread.getValue());
      assertTrue(used < 50_000_000L, "reader thread " + thread.getKey() + " still used " + used / 1_000_000
          + " ms of CPU more than a second after the refusal");
    }
  }

  private static Map<Long, Long> readerCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("nianbao-reader-")) {
        long time = THREADS.getThreadCpuTime(t.getId());
        if (time >= 0) {
          cpu.put(t.getId(), time);
        }
      }
    }
    return cpu;
  }

  private static void sleepUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      try {
        Thread.sleep(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static byte[] docx(String documentXml) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(documentXml.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
