package nianbao.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A greyscale image as one byte per pixel, 0 black to 255 white, row after row: what every step of the page's
 * preparation reads and writes, without ImageIO's colour models in the way.
 */
final class Grey {
  final int width;
  final int height;
  final byte[] pixels;

  Grey(int width, int height, byte[] pixels) {
    if ((long) width * height != pixels.length) {
      throw new IllegalArgumentException("pixels do not fit " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  static Grey blank(int width, int height) {
    byte[] p = new byte[width * height];
    java.util.Arrays.fill(p, (byte) 255);
    return new Grey(width, height, p);
  }

  /**
   * The image in grey. Red and orange ink — a seal stamped over the text — turns white: its red channel stands far
   * above green and blue, where black, grey and blue ink have them close.
   */
  static Grey of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      if (data.length == w * h) {
        return new Grey(w, h, data.clone());
      }
    }
    byte[] out = new byte[w * h];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int rgb = row[x];
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        out[y * w + x] = (byte) (isSeal(r, g, b) ? 255 : (299 * r + 587 * g + 114 * b) / 1000);
      }
    }
    return new Grey(w, h, out);
  }

  /** Red ink: red well above both green and blue (a seal's red or orange, even faded to pink). */
  static boolean isSeal(int r, int g, int b) {
    return r - Math.max(g, b) > 60 && r > 120;
  }

  int at(int x, int y) {
    return pixels[y * width + x] & 255;
  }

  void set(int x, int y, int value) {
    pixels[y * width + x] = (byte) value;
  }

  BufferedImage toImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(pixels, 0, data, 0, pixels.length);
    return image;
  }

  /** The part of the image from (x0, y0), {@code w} by {@code h}, clipped to the image. */
  Grey crop(int x0, int y0, int w, int h) {
    x0 = Math.max(0, x0);
    y0 = Math.max(0, y0);
    w = Math.min(w, width - x0);
    h = Math.min(h, height - y0);
    byte[] out = new byte[Math.max(0, w) * Math.max(0, h)];
    for (int y = 0; y < h; y++) {
      System.arraycopy(pixels, (y0 + y) * width + x0, out, y * w, w);
    }
    return new Grey(Math.max(0, w), Math.max(0, h), out);
  }

  /** Binary PGM (P5): the simplest format Tesseract's Leptonica reads, written without compressing. */
  byte[] toPgm() {
    byte[] header = ("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + pixels.length);
    out.writeBytes(header);
    out.writeBytes(pixels);
    return out.toByteArray();
  }

  /** Otsu's threshold: the grey level that best splits the histogram into ink and paper. */
  int otsu() {
    long[] hist = new long[256];
    for (byte p : pixels) {
      hist[p & 255]++;
    }
    long total = pixels.length;
    double sum = 0;
    for (int i = 0; i < 256; i++) {
      sum += i * (double) hist[i];
    }
    double sumBack = 0;
    long weightBack = 0;
    double best = -1;
    int threshold = 128;
    for (int t = 0; t < 256; t++) {
      weightBack += hist[t];
      if (weightBack == 0) {
        continue;
      }
      long weightFore = total - weightBack;
      if (weightFore == 0) {
        break;
      }
      sumBack += t * (double) hist[t];
      double meanBack = sumBack / weightBack;
      double meanFore = (sum - sumBack) / weightFore;
      double between = (double) weightBack * weightFore * (meanBack - meanFore) * (meanBack - meanFore);
      if (between > best) {
        best = between;
        threshold = t;
      }
    }
    return threshold;
  }

  /** Ink where the pixel is at or below {@code threshold}. */
  boolean[] ink(int threshold) {
    boolean[] out = new boolean[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = (pixels[i] & 255) <= threshold;
    }
    return out;
  }
}
