package nianbao.ocr;

import nianbao.core.document.UnreadableDocumentException;

/** Which uploads need OCR, and their pages as images. */
public final class ScanInputs {
  private ScanInputs() {}

  /**
   * True for a PDF whose pages have no text layer (fewer than 10 glyphs in all) or whose tables are only
   * images, a JPEG/PNG/TIFF image, or a ZIP holding only page images.
   */
  public static boolean needsOcr(byte[] bytes, String fileName) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The pages of a scan: a PDF's pages rendered at 300 dpi in greyscale, a ZIP's images in name order (natural:
   * 2 before 10), a TIFF's pages.
   *
   * @throws UnreadableDocumentException with a one-line Chinese reason: not a scan, damaged, a single photo of one
   *     page (incomplete), a ZIP over the limits
   */
  public static PageSource pages(byte[] bytes, String fileName) throws UnreadableDocumentException {
    throw new UnsupportedOperationException("not yet");
  }
}
