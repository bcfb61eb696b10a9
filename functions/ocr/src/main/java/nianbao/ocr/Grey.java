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

  /** The image in grey, a red seal stamped over the print taken out ({@link Seals}). */
  static Grey of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      if (data.length == w * h) {
        return new Grey(w, h, data.clone());
      }
    }
    return new Grey(w, h, Seals.grey(image));
  }

  /**
   * The image under even light: each pixel divided by the paper's brightness around it (the 90th percentile of its
   * tile of about a sixth of an inch, smoothed over neighbouring tiles), so that a photo's shadowed corner is as
   * white as its middle and one threshold fits the whole page.
   */
  Grey flattened(float dpi) {
    int tile = Math.max(16, Math.round(dpi / 6));
    int tx = (width + tile - 1) / tile;
    int ty = (height + tile - 1) / tile;
    int[] paper = new int[tx * ty];
    int[] hist = new int[256];
    for (int j = 0; j < ty; j++) {
      for (int i = 0; i < tx; i++) {
        java.util.Arrays.fill(hist, 0);
        int n = 0;
        for (int y = j * tile; y < Math.min(height, (j + 1) * tile); y++) {
          for (int x = i * tile; x < Math.min(width, (i + 1) * tile); x++) {
            hist[pixels[y * width + x] & 255]++;
            n++;
          }
        }
        int rank = n - n / 10;
        int v = 0;
        for (int seen = 0; v < 255 && (seen += hist[v]) < rank; v++) {
          // finds the 90th percentile
        }
        paper[j * tx + i] = v;
      }
    }
    int[] smooth = new int[paper.length]; // a tile full of ink (a thick bar) takes its brightest neighbour's paper
    for (int j = 0; j < ty; j++) {
      for (int i = 0; i < tx; i++) {
        int best = 0;
        for (int dj = -1; dj <= 1; dj++) {
          for (int di = -1; di <= 1; di++) {
            int a = i + di;
            int b = j + dj;
            if (a >= 0 && b >= 0 && a < tx && b < ty) {
              best = Math.max(best, paper[b * tx + a]);
            }
          }
        }
        smooth[j * tx + i] = Math.max(64, best);
      }
    }
    byte[] out = new byte[pixels.length];
    for (int y = 0; y < height; y++) {
      float fy = Math.max(0, Math.min(ty - 1, (y + 0.5f) / tile - 0.5f));
      int j0 = (int) fy;
      int j1 = Math.min(ty - 1, j0 + 1);
      float wy = fy - j0;
      for (int x = 0; x < width; x++) {
        float fx = Math.max(0, Math.min(tx - 1, (x + 0.5f) / tile - 0.5f));
        int i0 = (int) fx;
        int i1 = Math.min(tx - 1, i0 + 1);
        float wx = fx - i0;
        float bg = (smooth[j0 * tx + i0] * (1 - wx) + smooth[j0 * tx + i1] * wx) * (1 - wy)
            + (smooth[j1 * tx + i0] * (1 - wx) + smooth[j1 * tx + i1] * wx) * wy;
        out[y * width + x] = (byte) Math.min(255, Math.round((pixels[y * width + x] & 255) * 255f / bg));
      }
    }
    return new Grey(width, height, out);
  }

  /**
   * The image with its faint ink darkened (each grey squared: 255·(v/255)², paper stays white, black stays black,
   * 223 → 195, 188 → 139) where the print is light on clean paper ({@link #printIsLightOnCleanPaper}). A light
   * typeface and light-grey table rules scanned at 200 dpi come out as strokes of grey 190–230: Tesseract's own
   * binarisation lost their thin parts (seed 003's 4658 read 4058 at 0.81, 一 read as a dash) and
   * {@link RulingDetector} saw no lines, so no grid. On noisy paper (a photo, a JPEG) the same curve darkens the
   * noise into specks; on dark print it only thickens strokes that read well as they are.
   */
  Grey faintInkDarkened() {
    if (!printIsLightOnCleanPaper()) {
      return this;
    }
    byte[] curve = new byte[256];
    for (int v = 0; v < 256; v++) {
      curve[v] = (byte) Math.round(v * v / 255f);
    }
    byte[] out = new byte[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = curve[pixels[i] & 255];
    }
    return new Grey(width, height, out);
  }

  /** Grey just short of white (236–254) on more pixels than this: the paper is noisy, not clean. */
  static final double NOISY_PAPER_SHARE = 0.05;
  /** Faint ink (between Otsu's threshold and 235) on more pixels than this share of the ink's: light print. */
  static final double LIGHT_PRINT_RATIO = 0.6;

  /**
   * Whether the (flattened) page's paper is clean — fewer than {@link #NOISY_PAPER_SHARE} of its pixels just short
   * of white — and its print light: more faint ink than {@link #LIGHT_PRINT_RATIO} of the ink below Otsu's
   * threshold. Measured on the fixtures' pages: near-white paper 0.04–1.4 % on rendered and scanned pages, 60–75 % on
   * the photo-like JPEGs; faint to dark ink 0.12–0.50 on the committed clean scans, 0.72–2.28 on seed 003 rendered
   * in 256 greys at 200 dpi and put in a PDF (the local stack's scan).
   */
  boolean printIsLightOnCleanPaper() {
    long[] hist = new long[256];
    for (byte p : pixels) {
      hist[p & 255]++;
    }
    long nearWhite = 0;
    for (int v = 236; v < 255; v++) {
      nearWhite += hist[v];
    }
    if (nearWhite >= NOISY_PAPER_SHARE * pixels.length) {
      return false;
    }
    int otsu = otsu();
    long ink = 0;
    long faint = 0;
    for (int v = 0; v <= 235; v++) {
      if (v <= otsu) {
        ink += hist[v];
      } else {
        faint += hist[v];
      }
    }
    return faint > LIGHT_PRINT_RATIO * ink;
  }

  /**
   * The image without specks: groups of touching ink pixels (at or below {@code threshold}) no larger than
   * {@code maxPixels} turn to paper — a scan's dust, which Tesseract would read as punctuation or strokes. A full
   * stop is several times larger at any resolution worth reading.
   */
  Grey withoutSpecks(int threshold, int maxPixels) {
    byte[] out = pixels.clone();
    boolean[] seen = new boolean[pixels.length];
    int[] stack = new int[maxPixels + 1];
    int[] group = new int[maxPixels + 1];
    for (int start = 0; start < pixels.length; start++) {
      if (seen[start] || (pixels[start] & 255) > threshold) {
        continue;
      }
      int size = 0;
      int top = 0;
      boolean large = false;
      stack[top++] = start;
      seen[start] = true;
      java.util.ArrayDeque<Integer> overflow = null;
      while (top > 0 || overflow != null && !overflow.isEmpty()) {
        int i = top > 0 ? stack[--top] : overflow.pop();
        if (size <= maxPixels) {
          group[size] = i;
        }
        size++;
        int x = i % width;
        int y = i / width;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
              continue;
            }
            int n = ny * width + nx;
            if (!seen[n] && (pixels[n] & 255) <= threshold) {
              seen[n] = true;
              if (top < stack.length) {
                stack[top++] = n;
              } else {
                if (overflow == null) {
                  overflow = new java.util.ArrayDeque<>();
                }
                overflow.push(n);
              }
            }
          }
        }
      }
      large = size > maxPixels;
      if (!large) {
        for (int k = 0; k < size; k++) {
          out[group[k]] = (byte) 255;
        }
      }
    }
    return new Grey(width, height, out);
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

  /** The image {@code factor} times as large (or small), bilinear. */
  Grey scaled(float factor) {
    int w = Math.max(1, Math.round(width * factor));
    int h = Math.max(1, Math.round(height * factor));
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      float fy = Math.max(0, Math.min(height - 1, (y + 0.5f) / factor - 0.5f));
      int y0 = (int) fy;
      int y1 = Math.min(height - 1, y0 + 1);
      float wy = fy - y0;
      for (int x = 0; x < w; x++) {
        float fx = Math.max(0, Math.min(width - 1, (x + 0.5f) / factor - 0.5f));
        int x0 = (int) fx;
        int x1 = Math.min(width - 1, x0 + 1);
        float wx = fx - x0;
        float v = (at(x0, y0) * (1 - wx) + at(x1, y0) * wx) * (1 - wy) + (at(x0, y1) * (1 - wx) + at(x1, y1) * wx) * wy;
        out[y * w + x] = (byte) Math.round(v);
      }
    }
    return new Grey(w, h, out);
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
