package nianbao.ocr;

import java.awt.image.BufferedImage;

/**
 * One page of a scan as an image, ready for recognition.
 *
 * @param page    the page, from 1
 * @param image   the page's pixels (a PDF page rendered in colour, so that a red seal can be told from the text;
 *                a photo as decoded)
 * @param dpi     the image's resolution, pixels per inch: a pixel is {@code 72 / dpi} points
 * @param printed for a PDF page that has a text layer beside pictures, that text; null for a scanned page
 */
public record PageImage(int page, BufferedImage image, float dpi, PrintedText printed) {
  /** A scanned page: all its text is in the image. */
  public PageImage(int page, BufferedImage image, float dpi) {
    this(page, image, dpi, null);
  }

  /** Points per pixel of this image. */
  public float pointsPerPixel() {
    return 72f / dpi;
  }

  public float widthPt() {
    return image.getWidth() * pointsPerPixel();
  }

  public float heightPt() {
    return image.getHeight() * pointsPerPixel();
  }
}
