package nianbao.ocr;

import java.awt.image.BufferedImage;

/**
 * A colour page in grey with its red seals taken out. Stamp ink is translucent: where it lies, the pixel is the
 * print's grey times the seal's colour, so the print's grey is the red channel divided by the seal's own red —
 * paper under a seal comes out white, and print under it keeps its grey. Where a seal lies is told by redness
 * (red above green and blue, where black, grey and blue ink have them close): strongly red pixels, and near them
 * any reddish one (a JPEG halves the colour resolution, leaving a fringe of weaker red around each stroke).
 */
final class Seals {
  /** Red above green and blue by this much is a seal's ink (its faded pink edge too). */
  static final int STRONG_RED = 60;
  /** Near a seal's ink, red above green and blue by this much is still the seal (its JPEG fringe). */
  static final int WEAK_RED = 8;
  /** Fewer strongly red pixels than this on a page is no seal (a red heading's dot, a JPEG's stray colour). */
  static final int MIN_SEAL_PIXELS = 50;

  private Seals() {}

  /** The page's grey levels, 0 black to 255 white, row after row. */
  static byte[] grey(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h];
    byte[] red = new byte[w * h];
    short[] redness = new short[w * h];
    boolean[] strong = new boolean[w * h];
    long[] sealRed = new long[256];
    int strongCount = 0;
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int rgb = row[x];
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        int i = y * w + x;
        out[i] = (byte) ((299 * r + 587 * g + 114 * b) / 1000);
        red[i] = (byte) r;
        redness[i] = (short) (r - Math.max(g, b));
        if (redness[i] > STRONG_RED) {
          strong[i] = true;
          sealRed[r]++;
          strongCount++;
        }
      }
    }
    if (strongCount < MIN_SEAL_PIXELS) {
      return out;
    }
    int paperRed = Math.max(1, percentile(sealRed, strongCount, 0.9));
    boolean[] zone = dilate(strong, w, h, Math.max(2, w / 800));
    for (int i = 0; i < out.length; i++) {
      if (zone[i] && redness[i] > WEAK_RED) {
        out[i] = (byte) Math.min(255, (red[i] & 255) * 255 / paperRed);
      }
    }
    return out;
  }

  private static int percentile(long[] histogram, int count, double p) {
    long rank = Math.round(count * p);
    long seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen >= rank) {
        return v;
      }
    }
    return 255;
  }

  /** The mask grown by {@code r} pixels in each direction (a square: along rows, then along columns). */
  static boolean[] dilate(boolean[] mask, int w, int h, int r) {
    boolean[] rows = new boolean[mask.length];
    for (int y = 0; y < h; y++) {
      int last = -r - 1;
      for (int x = 0; x < w; x++) {
        last = mask[y * w + x] ? x : last;
        rows[y * w + x] = x - last <= r;
      }
      last = w + r + 1;
      for (int x = w - 1; x >= 0; x--) {
        last = mask[y * w + x] ? x : last;
        rows[y * w + x] |= last - x <= r;
      }
    }
    boolean[] out = new boolean[mask.length];
    for (int x = 0; x < w; x++) {
      int last = -r - 1;
      for (int y = 0; y < h; y++) {
        last = rows[y * w + x] ? y : last;
        out[y * w + x] = y - last <= r;
      }
      last = h + r + 1;
      for (int y = h - 1; y >= 0; y--) {
        last = rows[y * w + x] ? y : last;
        out[y * w + x] |= last - y <= r;
      }
    }
    return out;
  }
}
