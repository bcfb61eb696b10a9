package nianbao.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of the ruled tables on a page image, as pixel rectangles: the same reading of borders as core's
 * {@code RuledTables} (lines that cross make a table; two fine cells with no border drawn between them are one
 * merged cell), kept in pixels so that each cell can be cut out of the image and recognised on its own.
 */
final class TableCells {
  /** A cell's inside, between its borders, in pixels: {@code x0..x1, y0..y1} exclusive of the lines. */
  record Cell(int x0, int y0, int x1, int y1) {
    int width() {
      return x1 - x0;
    }

    int height() {
      return y1 - y0;
    }

    boolean contains(float x, float y) {
      return x >= x0 && x < x1 && y >= y0 && y < y1;
    }
  }

  private TableCells() {}

  /**
   * The cells of every table the lines draw.
   *
   * @param tolerance how far apart (pixels) two lines may be and still meet, or be one edge
   */
  static List<Cell> of(List<RulingDetector.Line> lines, int tolerance) {
    List<RulingDetector.Line> hs = lines.stream().filter(RulingDetector.Line::horizontal).toList();
    List<RulingDetector.Line> vs = lines.stream().filter(l -> !l.horizontal()).toList();
    int n = hs.size() + vs.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < hs.size(); i++) {
      for (int j = 0; j < vs.size(); j++) {
        if (meet(hs.get(i), vs.get(j), tolerance)) {
          parent[find(parent, i)] = find(parent, hs.size() + j);
        }
      }
    }
    List<Cell> cells = new ArrayList<>();
    boolean[] done = new boolean[n];
    for (int i = 0; i < hs.size(); i++) {
      int root = find(parent, i);
      if (done[root]) {
        continue;
      }
      done[root] = true;
      List<RulingDetector.Line> th = new ArrayList<>();
      List<RulingDetector.Line> tv = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        if (find(parent, k) == root) {
          (k < hs.size() ? th : tv).add(k < hs.size() ? hs.get(k) : vs.get(k - hs.size()));
        }
      }
      if (th.size() >= 2 && tv.size() >= 2) {
        cells.addAll(table(th, tv, tolerance));
      }
    }
    return cells;
  }

  private static boolean meet(RulingDetector.Line h, RulingDetector.Line v, int t) {
    return v.at() >= h.from() - t && v.at() <= h.to() + t && h.at() >= v.from() - t && h.at() <= v.to() + t;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static List<Cell> table(List<RulingDetector.Line> h, List<RulingDetector.Line> v, int tolerance) {
    int[] ys = cluster(h, tolerance);
    int[] xs = cluster(v, tolerance);
    int rows = ys.length - 1;
    int cols = xs.length - 1;
    if (rows < 1 || cols < 1 || (long) rows * cols > 100_000) {
      return List.of();
    }
    int[] parent = new int[rows * cols];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (c + 1 < cols && !covered(v, xs[c + 1], ys[r], ys[r + 1], tolerance)) {
          parent[find(parent, r * cols + c)] = find(parent, r * cols + c + 1);
        }
        if (r + 1 < rows && !covered(h, ys[r + 1], xs[c], xs[c + 1], tolerance)) {
          parent[find(parent, r * cols + c)] = find(parent, (r + 1) * cols + c);
        }
      }
    }
    int[][] box = new int[rows * cols][];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int root = find(parent, r * cols + c);
        int[] b = box[root];
        box[root] = b == null ? new int[] {r, r, c, c}
            : new int[] {Math.min(b[0], r), Math.max(b[1], r), Math.min(b[2], c), Math.max(b[3], c)};
      }
    }
    List<Cell> cells = new ArrayList<>();
    int inset = tolerance / 2 + 1;
    for (int[] b : box) {
      if (b != null) {
        Cell cell = new Cell(xs[b[2]] + inset, ys[b[0]] + inset, xs[b[3] + 1] - inset, ys[b[1] + 1] - inset);
        if (cell.width() > 0 && cell.height() > 0) {
          cells.add(cell);
        }
      }
    }
    return cells;
  }

  /** Positions of the lines, those within the tolerance of the first of a group taken as one, their mean. */
  private static int[] cluster(List<RulingDetector.Line> lines, int tolerance) {
    int[] at = lines.stream().mapToInt(RulingDetector.Line::at).sorted().toArray();
    List<Integer> out = new ArrayList<>();
    int i = 0;
    while (i < at.length) {
      int j = i;
      long sum = 0;
      while (j < at.length && at[j] - at[i] <= tolerance) {
        sum += at[j++];
      }
      out.add((int) (sum / (j - i)));
      i = j;
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Whether a line at {@code at} covers the middle half of from..to: a border is drawn there. */
  private static boolean covered(List<RulingDetector.Line> lines, int at, int from, int to, int tolerance) {
    int mid = (from + to) / 2;
    int quarter = (to - from) / 4;
    for (RulingDetector.Line l : lines) {
      if (Math.abs(l.at() - at) <= tolerance && l.from() <= mid - quarter + 2 && l.to() >= mid + quarter - 2) {
        return true;
      }
    }
    return false;
  }
}
