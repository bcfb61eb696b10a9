package nianbao.ocr;

import nianbao.core.document.UnreadableDocumentException;

/**
 * The pages of a scan, produced one at a time so that only one page's pixels are in memory at once. Close it to
 * release the document it reads from.
 */
public interface PageSource extends AutoCloseable {
  /** How many pages there are. */
  int count();

  /**
   * The page {@code n}, from 1, decoded or rendered now.
   *
   * @throws UnreadableDocumentException when that page cannot be decoded
   */
  PageImage page(int n) throws UnreadableDocumentException;

  /** The source's format, for {@code source.format}: {@code pdf}, {@code zip}, {@code tiff}. */
  String format();

  @Override
  void close();
}
