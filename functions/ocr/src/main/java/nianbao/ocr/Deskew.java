package nianbao.ocr;

/**
 * Straightens a page scanned or photographed at a slight angle. The angle is the one at which the ink's
 * horizontal projection is sharpest (the rows of ink fall into the fewest, fullest bins): text lines and
 * ruling lines both line up then. Searched over ±{@link #MAX_DEGREES}° in steps of 0.1°, then to 0.01° around
 * the best; the page is turned back with bilinear interpolation, paper-white where the turn uncovers corners.
 */
final class Deskew {
  static final double MAX_DEGREES = 5;
  /** Below this the page is left as it is: a residue of 0.03° moves the ends of an A4 row by about a pixel. */
  static final double NEGLIGIBLE_DEGREES = 0.03;
  /** At most this many ink pixels are projected (every k-th): enough for 0.01°, bounded in time. */
  private static final int SAMPLE = 400_000;

  private Deskew() {}

  /** The page's skew in degrees: positive when its lines fall to the right (clockwise, y down). */
  static double angle(Grey image) {
    boolean[] ink = image.ink(image.otsu());
    int count = 0;
    for (boolean b : ink) {
      if (b) {
        count++;
      }
    }
    if (count < 100) {
      return 0;
    }
    int step = Math.max(1, count / SAMPLE);
    int[] xs = new int[count / step + 1];
    int[] ys = new int[xs.length];
    int n = 0;
    int seen = 0;
    for (int i = 0; i < ink.length; i++) {
      if (ink[i] && seen++ % step == 0 && n < xs.length) {
        xs[n] = i % image.width;
        ys[n] = i / image.width;
        n++;
      }
    }
    double best = 0;
    double bestScore = -1;
    for (int i = (int) (-MAX_DEGREES * 10); i <= MAX_DEGREES * 10; i++) {
      double score = sharpness(xs, ys, n, image.width, image.height, i / 10.0);
      if (score > bestScore) {
        bestScore = score;
        best = i / 10.0;
      }
    }
    double coarse = best;
    for (int i = -10; i <= 10; i++) {
      double a = coarse + i / 100.0;
      double score = sharpness(xs, ys, n, image.width, image.height, a);
      if (score > bestScore) {
        bestScore = score;
        best = a;
      }
    }
    return best;
  }

  /** The sum of squared bin counts of the ink projected along lines at {@code degrees}. */
  private static double sharpness(int[] xs, int[] ys, int n, int width, int height, double degrees) {
    double tan = Math.tan(Math.toRadians(degrees));
    int pad = (int) Math.ceil(Math.abs(tan) * width) + 1;
    long[] bins = new long[height + 2 * pad];
    for (int i = 0; i < n; i++) {
      int bin = (int) Math.round(ys[i] - xs[i] * tan) + pad;
      if (bin >= 0 && bin < bins.length) {
        bins[bin]++;
      }
    }
    double sum = 0;
    for (long b : bins) {
      sum += (double) b * b;
    }
    return sum;
  }

  /** The image turned back by {@code degrees} (as {@link #angle} measured it), the same size. */
  static Grey rotate(Grey image, double degrees) {
    if (Math.abs(degrees) < NEGLIGIBLE_DEGREES) {
      return image;
    }
    double a = Math.toRadians(degrees);
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    int w = image.width;
    int h = image.height;
    double cx = w / 2.0;
    double cy = h / 2.0;
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      double dy = y - cy;
      for (int x = 0; x < w; x++) {
        double dx = x - cx;
        double sx = cx + dx * cos - dy * sin;
        double sy = cy + dx * sin + dy * cos;
        out[y * w + x] = (byte) bilinear(image, sx, sy);
      }
    }
    return new Grey(w, h, out);
  }

  private static int bilinear(Grey image, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    if (x0 < 0 || y0 < 0 || x0 + 1 >= image.width || y0 + 1 >= image.height) {
      return 255;
    }
    double fx = x - x0;
    double fy = y - y0;
    double top = image.at(x0, y0) * (1 - fx) + image.at(x0 + 1, y0) * fx;
    double bottom = image.at(x0, y0 + 1) * (1 - fx) + image.at(x0 + 1, y0 + 1) * fx;
    return (int) Math.round(top * (1 - fy) + bottom * fy);
  }
}
