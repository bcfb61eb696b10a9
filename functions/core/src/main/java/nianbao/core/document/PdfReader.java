package nianbao.core.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.layout.PageFlow;
import nianbao.core.document.layout.PageLayout;
import nianbao.core.document.layout.PositionedWord;
import nianbao.core.document.pdf.GlyphCollector;
import nianbao.core.document.pdf.RulingCollector;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * PDF with a text layer, through PDFBox 3. PDFBox loads the file within the limits below, and for each page
 * {@link GlyphCollector} gives its glyphs as positioned words and {@link RulingCollector} its ruling lines;
 * the layout geometry ({@link nianbao.core.document.layout}, which knows nothing of PDF) makes lines,
 * tables — ruled, or only aligned — and paragraphs of them.
 *
 * <p>Rejected: a PDF needing a password, one with more than {@link #MAX_PAGES} pages, one without a text
 * layer (scanned; no OCR here). Main memory for PDFBox's buffers is capped.
 */
public final class PdfReader implements DocumentReader {
  public static final String FORMAT = "pdf";
  public static final int MAX_PAGES = 100;
  static final long MAX_MEMORY = 256L * 1024 * 1024;
  static final String PDFBOX_VERSION = LibraryVersion.of("org.apache.pdfbox", "pdfbox", "3.0.6");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String version() {
    return "pdf/2+pdfbox-" + PDFBOX_VERSION; // 2: tables without ruling lines
  }

  @Override
  public Document read(byte[] bytes) throws UnreadableDocumentException {
    try (PDDocument pdf = Loader.loadPDF(bytes, "", null, null,
        MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache)) {
      int pages = pdf.getNumberOfPages();
      if (pages > MAX_PAGES) {
        throw new UnreadableDocumentException(FORMAT, "PDF 页数过多（" + pages + " 页，上限 " + MAX_PAGES + " 页）");
      }
      if (pages == 0) {
        throw new UnreadableDocumentException(FORMAT, "PDF 没有页面");
      }
      List<PageLayout> layouts = new ArrayList<>(pages);
      float[] widths = new float[pages];
      float[] heights = new float[pages];
      int glyphs = 0;
      boolean images = false;
      GlyphCollector collector = new GlyphCollector();
      for (int p = 0; p < pages; p++) {
        Deadline.check();
        PDPage page = pdf.getPage(p);
        List<PositionedWord> words = collector.collect(pdf, p + 1);
        RulingCollector rulings = new RulingCollector(page).collect();
        images |= rulings.images() > 0;
        for (PositionedWord w : words) {
          if (!w.isBlank()) {
            glyphs++;
          }
        }
        widths[p] = page.getCropBox().getWidth();
        heights[p] = page.getCropBox().getHeight();
        layouts.add(PageLayout.of(words, rulings.rulings(), heights[p]));
      }
      if (glyphs < 10) {
        throw new UnreadableDocumentException(FORMAT, images
            ? "扫描版 PDF：没有文字层，无法读取（不做文字识别）"
            : "PDF 中没有可读取的文字");
      }
      return new Document(FORMAT, null, version(), PageFlow.blocks(layouts, new Origin.PageSizes(widths, heights)));
    } catch (InvalidPasswordException e) {
      throw new UnreadableDocumentException(FORMAT, "PDF 已加密（需要打开密码），无法读取", e);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("Maximum allowed")) {
        throw new UnreadableDocumentException(FORMAT, "PDF 过于复杂：读取所需内存超过上限", e);
      }
      throw new UnreadableDocumentException(FORMAT, "PDF 已损坏，无法读取", e);
    }
  }
}
