package nianbao.ocr;

import java.awt.image.BufferedImage;

/**
 * One page of a scan as an image, ready for recognition.
 *
 * @param page  the page, from 1
 * @param image the page's pixels (greyscale for a rendered PDF page; as decoded for a photo)
 * @param dpi   the image's resolution, pixels per inch: a pixel is {@code 72 / dpi} points
 */
public record PageImage(int page, BufferedImage image, float dpi) {
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
