package nianbao.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import nianbao.core.document.UnreadableDocumentException;
import org.w3c.dom.NodeList;

/**
 * Pages that are pictures: the images of a ZIP in name order ({@link ZipPages}) or the pages of a TIFF, decoded
 * one at a time through ImageIO (PNG, JPEG, TIFF, BMP, GIF). The resolution is the image's own where it gives a
 * page of a plausible paper size; otherwise (a photo says 72 dpi, or nothing) the page is taken to be A4.
 */
final class ImagePages {
  static final String FORMAT_IMAGE = "image";
  static final String FORMAT_TIFF = "tiff";
  /** More pixels than this in one page is not a page scan but a decompression bomb (A4 at 600 dpi is 35 M). */
  static final long MAX_PIXELS = 80_000_000L;
  private static final float A4_LONG_SIDE_INCHES = 11.69f;

  private ImagePages() {}

  /** Whether the bytes start like an image ImageIO reads. */
  static boolean isImage(byte[] b) {
    return startsWith(b, 0x89, 0x50, 0x4E, 0x47) || startsWith(b, 0xFF, 0xD8, 0xFF) || isTiff(b)
        || startsWith(b, 0x47, 0x49, 0x46, 0x38) || startsWith(b, 0x42, 0x4D);
  }

  static boolean isTiff(byte[] b) {
    return startsWith(b, 0x49, 0x49, 0x2A, 0x00) || startsWith(b, 0x4D, 0x4D, 0x00, 0x2A);
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** How many images the file holds (a TIFF may hold many, others one). */
  static int count(byte[] bytes, String format) throws UnreadableDocumentException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = reader(in, format);
      try {
        return reader.getNumImages(true);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw damaged(format, e);
    }
  }

  /** The {@code index}-th image of the file (from 0) as page {@code page}. */
  static PageImage decode(byte[] bytes, int index, int page, String format) throws UnreadableDocumentException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = reader(in, format);
      try {
        long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
        if (pixels > MAX_PIXELS) {
          throw new UnreadableDocumentException(format, "第 " + page + " 页图片过大（" + pixels / 1_000_000
              + " 百万像素，上限 " + MAX_PIXELS / 1_000_000 + "）");
        }
        float dpi = dpi(reader.getImageMetadata(index), reader.getWidth(index), reader.getHeight(index));
        BufferedImage image = reader.read(index);
        return new PageImage(page, image, dpi);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw damaged(format, e);
    }
  }

  private static ImageReader reader(ImageInputStream in, String format) throws UnreadableDocumentException {
    Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
    if (readers == null || !readers.hasNext()) {
      throw new UnreadableDocumentException(format, "图片格式无法识别（支持 JPEG、PNG、TIFF）");
    }
    ImageReader reader = readers.next();
    reader.setInput(in);
    return reader;
  }

  private static UnreadableDocumentException damaged(String format, Exception e) {
    return new UnreadableDocumentException(format, "图片已损坏，无法读取", e);
  }

  /**
   * The resolution the image records (ImageIO's standard metadata gives millimetres per pixel), when it makes the
   * page between 3 and 14 inches on its longer side; else the resolution at which the image is an A4 page.
   */
  static float dpi(IIOMetadata metadata, int width, int height) {
    int longer = Math.max(width, height);
    float recorded = recordedDpi(metadata);
    if (recorded > 0 && longer / recorded >= 3 && longer / recorded <= 14) {
      return recorded;
    }
    return longer / A4_LONG_SIDE_INCHES;
  }

  private static float recordedDpi(IIOMetadata metadata) {
    if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
      return 0;
    }
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
    NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
    if (sizes.getLength() == 0) {
      return 0;
    }
    try {
      float mmPerPixel = Float.parseFloat(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
      return mmPerPixel > 0 ? 25.4f / mmPerPixel : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The pages of a multi-page TIFF. */
  static PageSource tiff(byte[] bytes) throws UnreadableDocumentException {
    int count = count(bytes, FORMAT_TIFF);
    return new PageSource() {
      @Override
      public int count() {
        return count;
      }

      @Override
      public PageImage page(int n) throws UnreadableDocumentException {
        if (n < 1 || n > count) {
          throw new IndexOutOfBoundsException("page " + n + " of " + count);
        }
        return decode(bytes, n - 1, n, FORMAT_TIFF);
      }

      @Override
      public String format() {
        return FORMAT_TIFF;
      }

      @Override
      public void close() {}
    };
  }

  /** Refuses a scan of one page: a report runs over several, so one photo is never all of it. */
  static void requireSeveral(int pages, String format) throws UnreadableDocumentException {
    if (pages < 2) {
      throw new UnreadableDocumentException(format, "只有一页图片，年度报告不完整：请把各页图片按页序命名后打包为 ZIP，"
          + "或合成一个多页 TIFF 或 PDF 再上传");
    }
  }
}
