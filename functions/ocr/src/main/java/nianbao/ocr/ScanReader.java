package nianbao.ocr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.ReportReader;
import nianbao.core.document.Document;
import nianbao.core.document.Origin;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.document.layout.PageFlow;
import nianbao.core.document.layout.PageLayout;
import nianbao.core.model.Evidence;
import nianbao.core.model.Report;
import nianbao.core.model.Source;

/**
 * Recognised pages → a report, through the same layout geometry, recogniser and rules as a PDF's text layer
 * (core's {@code PdfReader} does the same with glyphs).
 */
public final class ScanReader {
  /**
   * The version of this reading, in {@code source.reader} before the engine: {@code ocr/3+tesseract-…} (2: unsure
   * text and figures read again, {@link Rereads}; 3: a scanned PDF read at its pictures' resolution, light print
   * darkened, {@link Grey#faintInkDarkened}).
   */
  public static final String VERSION = "ocr/3";

  private ScanReader() {}

  /**
   * Lays out the pages and recognises the report they print.
   *
   * @param source the upload, with {@code reader} naming the engine ({@link #reader})
   * @throws UnreadableDocumentException when the pages hold no report (nothing recognised, or not a report)
   */
  public static Report read(List<RecognisedPage> pages, Source source) throws UnreadableDocumentException {
    return onOriginalPages(UnsureCells.blanked(recognise(pages, source), UnsureCells.MIN_CONFIDENCE), pages);
  }

  /**
   * The report with its evidence boxes on the pages as uploaded: the layout was read on straightened pages, whose
   * coordinates are not the scan's where it was turned ({@link RecognisedPage#onOriginal}).
   */
  static Report onOriginalPages(Report report, List<RecognisedPage> pages) {
    Map<Integer, RecognisedPage> byPage = new HashMap<>();
    pages.forEach(p -> byPage.put(p.page(), p));
    if (pages.stream().allMatch(p -> p.skew() == 0)) {
      return report;
    }
    Map<String, Evidence> moved = new LinkedHashMap<>();
    report.evidence().forEach((key, e) -> {
      RecognisedPage page = e.page() == null ? null : byPage.get(e.page());
      moved.put(key, page == null || e.box() == null ? e : new Evidence(e.kind(), e.page(), e.pageSize(),
          page.onOriginal(e.box()), e.table(), e.row(), e.column(), e.offset(), e.length(), e.excerpt(),
          e.highlight(), e.inferred(), e.confidence()));
    });
    return report.withEvidence(moved);
  }

  /** The report as the recogniser reads the pages, unsure cells and all. */
  static Report recognise(List<RecognisedPage> pages, Source source) throws UnreadableDocumentException {
    if (pages.isEmpty()) {
      throw new UnreadableDocumentException(source.format(), "扫描件没有页面");
    }
    List<PageLayout> layouts = new ArrayList<>(pages.size());
    float[] widths = new float[pages.size()];
    float[] heights = new float[pages.size()];
    int words = 0;
    for (int i = 0; i < pages.size(); i++) {
      RecognisedPage page = pages.get(i);
      widths[i] = page.widthPt();
      heights[i] = page.heightPt();
      words += page.words().size();
      layouts.add(PageLayout.of(page.words(), page.rulings(), page.heightPt()));
    }
    if (words == 0) {
      throw new UnreadableDocumentException(source.format(), "扫描件中没有识别出文字");
    }
    Document document = new Document(source.format(), null, source.reader(),
        PageFlow.blocks(layouts, new Origin.PageSizes(widths, heights)));
    return ReportReader.recognise(document, source);
  }

  /** {@code source.reader} for pages recognised by {@code recogniser}: {@code ocr/3+tesseract-5.3.0+chi_sim@…+eng@…}. */
  public static String reader(PageRecogniser recogniser) {
    return VERSION + "+" + recogniser.engine();
  }

  /**
   * Reads a whole scan here, page after page (the OCR function instead keeps each finished page, so that a long
   * scan can be resumed).
   *
   * @throws UnreadableDocumentException when the upload is not a readable scan of a report
   * @throws OcrException                when the engine fails
   */
  public static Report read(byte[] bytes, String fileName, PageRecogniser recogniser)
      throws UnreadableDocumentException, OcrException {
    List<RecognisedPage> pages = new ArrayList<>();
    String format;
    try (PageSource source = ScanInputs.pages(bytes, fileName)) {
      format = source.format();
      for (int n = 1; n <= source.count(); n++) {
        pages.add(recogniser.recognise(source.page(n)));
      }
    }
    return read(pages, new Source(fileName, ReportReader.sha256(bytes), format, null, reader(recogniser)));
  }
}
