package nianbao.ocr;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.document.PdfReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.document.layout.PositionedWord;
import nianbao.core.document.pdf.GlyphCollector;
import nianbao.core.model.Report;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Which uploads need OCR, and their pages as images. Everything is decided from the bytes; the file name only
 * names the upload in messages.
 */
public final class ScanInputs {
  /** A PDF with fewer glyphs than this in all its pages has no text layer worth the name: a scan. */
  static final int MIN_GLYPHS = 10;
  /**
   * A PDF whose text layer fills fewer table cells than this while it shows pictures has its tables as pictures
   * (a report's three tables have over a hundred cells; a text layer that reads has dozens filled).
   */
  static final int MIN_FILLED_CELLS = 20;
  /** A picture smaller than this share of its page is a logo or a seal, not a table. */
  static final float MIN_PICTURE_SHARE = 0.05f;

  private ScanInputs() {}

  /**
   * True for a PDF whose pages have no text layer (fewer than {@link #MIN_GLYPHS} glyphs in all) or whose tables
   * are only pictures (its text layer fills fewer than {@link #MIN_FILLED_CELLS} table cells and a page shows a
   * picture of at least {@link #MIN_PICTURE_SHARE} of its area), a JPEG/PNG/TIFF image (even one page: it is
   * {@link #pages} that refuses it, with the reason), or a ZIP holding only images.
   */
  public static boolean needsOcr(byte[] bytes, String fileName) {
    if (ImagePages.isImage(bytes)) {
      return true;
    }
    if (ZipPages.isZip(bytes)) {
      try {
        ZipPages.Contents contents = ZipPages.contents(bytes);
        return !contents.images().isEmpty() && contents.others().isEmpty();
      } catch (UnreadableDocumentException e) {
        return false; // a broken archive is refused by the usual readers
      }
    }
    if (isPdf(bytes)) {
      try {
        return pdfKind(bytes) != PdfKind.TEXT;
      } catch (UnreadableDocumentException e) {
        return false;
      }
    }
    return false;
  }

  /**
   * The pages of a scan: a PDF's pages rendered at 300 dpi (with its text layer where only its tables are
   * pictures), a ZIP's images in name order (natural: 2 before 10), a TIFF's pages.
   *
   * @throws UnreadableDocumentException with a one-line Chinese reason: not a scan, damaged, a single photo of one
   *     page (incomplete), a ZIP over the limits or holding other files
   */
  public static PageSource pages(byte[] bytes, String fileName) throws UnreadableDocumentException {
    if (ZipPages.isZip(bytes)) {
      return ZipPages.open(bytes);
    }
    if (ImagePages.isTiff(bytes)) {
      PageSource tiff = ImagePages.tiff(bytes);
      ImagePages.requireSeveral(tiff.count(), ImagePages.FORMAT_TIFF);
      return tiff;
    }
    if (ImagePages.isImage(bytes)) {
      ImagePages.requireSeveral(1, ImagePages.FORMAT_IMAGE);
    }
    if (isPdf(bytes)) {
      PdfKind kind = pdfKind(bytes);
      if (kind == PdfKind.TEXT) {
        throw new UnreadableDocumentException(PdfReader.FORMAT, "PDF 有文字层，不是扫描件：无需文字识别");
      }
      return PdfPages.open(bytes, kind == PdfKind.PICTURE_TABLES);
    }
    throw new UnreadableDocumentException("unknown", "不是扫描件（支持 PDF、多页 TIFF、页面图片的 ZIP）");
  }

  static boolean isPdf(byte[] b) {
    return b.length >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
  }

  enum PdfKind { TEXT, SCANNED, PICTURE_TABLES }

  static PdfKind pdfKind(byte[] bytes) throws UnreadableDocumentException {
    boolean pictures = false;
    int glyphs = 0;
    try (PDDocument pdf = PdfPages.load(bytes)) {
      GlyphCollector collector = new GlyphCollector();
      int pages = Math.min(pdf.getNumberOfPages(), PdfReader.MAX_PAGES);
      for (int p = 0; p < pages; p++) {
        PDPage page = pdf.getPage(p);
        for (PositionedWord w : collector.collect(pdf, p + 1)) {
          if (!w.isBlank()) {
            glyphs++;
          }
        }
        float area = page.getCropBox().getWidth() * page.getCropBox().getHeight();
        for (Rectangle2D.Float r : PdfImageRegions.of(page)) {
          pictures |= r.width * r.height >= MIN_PICTURE_SHARE * area;
        }
      }
    } catch (IOException e) {
      throw new UnreadableDocumentException(PdfReader.FORMAT, "PDF 已损坏，无法读取", e);
    }
    if (glyphs < MIN_GLYPHS) {
      return PdfKind.SCANNED;
    }
    if (!pictures) {
      return PdfKind.TEXT;
    }
    return filledCells(bytes) < MIN_FILLED_CELLS ? PdfKind.PICTURE_TABLES : PdfKind.TEXT;
  }

  /** How many table cells the text layer alone fills (0 when it reads as no report at all). */
  private static int filledCells(byte[] bytes) {
    try {
      Report report = ReportReader.read(bytes, "text-layer.pdf");
      return report.evidence().size();
    } catch (UnreadableDocumentException e) {
      return 0;
    }
  }
}
