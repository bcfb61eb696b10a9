package nianbao.ocr;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import nianbao.core.document.PdfReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.document.layout.PositionedWord;
import nianbao.core.document.pdf.GlyphCollector;
import nianbao.core.document.pdf.RulingCollector;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF's pages rendered at {@link #DPI}, one at a time, with the page's text layer where it has one beside its
 * pictures ({@code withText}). The document stays open until {@link #close}.
 */
final class PdfPages implements PageSource {
  /** 300 dpi: a 10.5 pt character is 44 pixels high, where Tesseract reads best (measured: see the README). */
  static final float DPI = 300;
  static final long MAX_MEMORY = 256L * 1024 * 1024;

  private final PDDocument pdf;
  private final PDFRenderer renderer;
  private final boolean withText;

  private PdfPages(PDDocument pdf, boolean withText) {
    this.pdf = pdf;
    this.renderer = new PDFRenderer(pdf);
    this.withText = withText;
  }

  /** @param withText keep the text layer and read only the pictures (a PDF whose tables alone are images) */
  static PdfPages open(byte[] bytes, boolean withText) throws UnreadableDocumentException {
    PDDocument pdf = load(bytes);
    int pages = pdf.getNumberOfPages();
    if (pages > PdfReader.MAX_PAGES || pages == 0) {
      closeQuietly(pdf);
      throw new UnreadableDocumentException(PdfReader.FORMAT, pages == 0 ? "PDF 没有页面"
          : "PDF 页数过多（" + pages + " 页，上限 " + PdfReader.MAX_PAGES + " 页）");
    }
    return new PdfPages(pdf, withText);
  }

  static PDDocument load(byte[] bytes) throws UnreadableDocumentException {
    try {
      return Loader.loadPDF(bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache);
    } catch (InvalidPasswordException e) {
      throw new UnreadableDocumentException(PdfReader.FORMAT, "PDF 已加密（需要打开密码），无法读取", e);
    } catch (IOException e) {
      throw new UnreadableDocumentException(PdfReader.FORMAT, "PDF 已损坏，无法读取", e);
    }
  }

  /**
   * A scanned page is rendered at its picture's own resolution where that is between {@link #MIN_SCAN_DPI} and
   * {@link #DPI} (no resampling: the pixels Tesseract sees are the scanner's), else at {@link #DPI}.
   */
  static float renderDpi(float scanDpi) {
    return scanDpi >= MIN_SCAN_DPI && scanDpi < DPI ? Math.round(scanDpi) : DPI;
  }

  /** Below this a scan is too coarse to read as it is: rendered at {@link #DPI}. */
  static final float MIN_SCAN_DPI = 150;

  @Override
  public int count() {
    return pdf.getNumberOfPages();
  }

  @Override
  public PageImage page(int n) throws UnreadableDocumentException {
    if (n < 1 || n > count()) {
      throw new IndexOutOfBoundsException("page " + n + " of " + count());
    }
    try {
      PDPage page = pdf.getPage(n - 1);
      float dpi = withText ? DPI : renderDpi(PdfImageRegions.scanDpi(page));
      BufferedImage image = renderer.renderImageWithDPI(n - 1, dpi, ImageType.RGB);
      PrintedText printed = null;
      if (withText) {
        List<PositionedWord> words = new GlyphCollector().collect(pdf, n);
        List<Rectangle2D.Float> pictures = PdfImageRegions.of(page);
        printed = new PrintedText(words, new RulingCollector(page).collect().rulings(), pictures);
      }
      return new PageImage(n, image, dpi, printed);
    } catch (IOException e) {
      throw new UnreadableDocumentException(PdfReader.FORMAT, "PDF 第 " + n + " 页无法渲染（已损坏）", e);
    }
  }

  @Override
  public String format() {
    return PdfReader.FORMAT;
  }

  @Override
  public void close() {
    closeQuietly(pdf);
  }

  static void closeQuietly(PDDocument pdf) {
    try {
      pdf.close();
    } catch (IOException e) {
      // nothing was written: closing only releases buffers
    }
  }
}
