package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A PDF whose layout takes far longer than the reader's time limit is refused at the limit, and the thread
 * that read it stops working within a second: every loop of the reader (over the content streams' operators,
 * the glyphs, the rulings, the cells and the pages)
 * checks the deadline (a runaway thread in Lambda would steal the next invocations' CPU).
 */
class PdfDeadlineTest {
  private static final Duration LIMIT = Duration.ofSeconds(3);

  // 45,000 dashes took 2.8 s on a quiet machine (under the limit: no refusal to test); 200,000 is ~4× the limit
  static Stream<Arguments> hostilePdfs() throws IOException {
    return Stream.of(Arguments.of("boxes everywhere", boxesEverywhere(100)),
        Arguments.of("a dotted line", dottedLine(200_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostilePdfs")
  void theReadingThreadStopsWithinASecondOfTheRefusal(String name, byte[] pdf) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadCpuTimeSupported());
    threads.setThreadCpuTimeEnabled(true);
    AtomicReference<Thread> worker = new AtomicReference<>();
    DocumentReader reader = new DocumentReader() {
      @Override
      public String format() {
        return PdfReader.FORMAT;
      }

      @Override
      public String version() {
        return "test";
      }

      @Override
      public Document read(byte[] bytes) throws UnreadableDocumentException {
        worker.set(Thread.currentThread());
        return new PdfReader().read(bytes);
      }
    };
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> DocumentReaders.withLimit(reader, pdf, LIMIT));
    assertEquals("读取超时：PDF 超过 3 秒仍未读完，已停止（文件过于复杂或已损坏）", e.getMessage());
    long id = worker.get().getId();
    Thread.sleep(1000);
    long afterOneSecond = threads.getThreadCpuTime(id);
    Thread.sleep(1000);
    long afterTwoSeconds = threads.getThreadCpuTime(id);
    long burnt = afterTwoSeconds - afterOneSecond; // -1 - -1 = 0 when the thread has ended
    assertTrue(burnt < 20_000_000L, String.format(Locale.ROOT,
        "the reader's thread still worked %.0f ms in the second after the first second past its refusal", burnt / 1e6));
  }

  /** One page with one line of text and a dotted rule: dashes side by side, none touching the next. */
  static byte[] dottedLine(int dashes) throws IOException {
    StringBuilder content = new StringBuilder(dashes * 24);
    content.append("0.5 w\n");
    for (int i = 0; i < dashes; i++) {
      content.append(String.format(Locale.ROOT, "%d 400 m %d 400 l S\n", 20 + i * 5, 22 + i * 5));
    }
    content.append("BT /F1 12 Tf 20 420 Td (A line of text above the rule) Tj ET\n");
    return pdf(content, 1);
  }

  /**
   * Pages of 5,000 small boxes, none touching another, each around a glyph: 20,000 ruling lines and 5,000
   * one-cell tables per page, the most a page may have.
   */
  static byte[] boxesEverywhere(int pages) throws IOException {
    StringBuilder content = new StringBuilder(400_000);
    content.append("0.3 w\n");
    for (int row = 0; row < 100; row++) {
      for (int col = 0; col < 50; col++) {
        content.append(String.format(Locale.ROOT, "%d %d 8 5 re S\n", 20 + col * 11, 20 + row * 8));
      }
    }
    content.append("BT /F1 3 Tf\n");
    for (int row = 0; row < 100; row++) {
      content.append(String.format(Locale.ROOT, "1 0 0 1 22 %d Tm (", 21 + row * 8));
      for (int col = 0; col < 50; col++) {
        content.append(col == 0 ? "" : ") Tj 11 0 Td (").append((char) ('A' + col % 26));
      }
      content.append(") Tj\n");
    }
    content.append("ET\n");
    return pdf(content, pages);
  }

  /** Pages that share one content stream. */
  private static byte[] pdf(CharSequence content, int pages) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDStream stream = new PDStream(pdf);
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
      }
      PDResources resources = new PDResources();
      resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        page.setResources(resources);
        page.setContents(stream);
        pdf.addPage(page);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      pdf.save(bytes);
      return bytes.toByteArray();
    }
  }
}
