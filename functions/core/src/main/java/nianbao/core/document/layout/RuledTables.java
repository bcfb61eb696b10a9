package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.document.Deadline;

/**
 * Tables drawn with ruling lines: connected groups of crossing horizontal and vertical lines. The borders give
 * the grid, a missing border between two grid cells merges them (rowspan/colspan), and the words inside a
 * cell, over however many lines its label wraps, are its text.
 */
public final class RuledTables {
  /** More rulings than this on one page is not a table but a drawing (or an attack): no tables. */
  static final int MAX_RULINGS = 20_000;
  static final int MAX_GRID_CELLS = 100_000;
  /** How far apart two lines may be and still meet, or be one edge, in points. */
  private static final float TOLERANCE = 2f;

  private RuledTables() {}

  /** The ruled tables of one page, in no particular order. */
  public static List<GridTable> find(List<Ruling> rulings, List<PositionedWord> words) {
    List<Ruling> hs = merge(rulings, true);
    List<Ruling> vs = merge(rulings, false);
    if (hs.size() < 2 || vs.size() < 2 || hs.size() + vs.size() > MAX_RULINGS) {
      return List.of();
    }
    int n = hs.size() + vs.size();
    UnionFind groups = new UnionFind(n);
    for (int i = 0; i < hs.size(); i++) {
      Deadline.check();
      Ruling h = hs.get(i);
      for (int j = 0; j < vs.size(); j++) {
        Ruling v = vs.get(j);
        if (v.at() >= h.from() - TOLERANCE && v.at() <= h.to() + TOLERANCE
            && h.at() >= v.from() - TOLERANCE && h.at() <= v.to() + TOLERANCE) {
          groups.union(i, hs.size() + j);
        }
      }
    }
    Map<Integer, List<Ruling>> horizontal = new LinkedHashMap<>();
    Map<Integer, List<Ruling>> vertical = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if ((i & 1023) == 0) {
        Deadline.check();
      }
      int root = groups.find(i);
      if (i < hs.size()) {
        horizontal.computeIfAbsent(root, k -> new ArrayList<>()).add(hs.get(i));
      } else {
        vertical.computeIfAbsent(root, k -> new ArrayList<>()).add(vs.get(i - hs.size()));
      }
    }
    List<GridTable> tables = new ArrayList<>();
    for (Map.Entry<Integer, List<Ruling>> group : horizontal.entrySet()) {
      List<Ruling> v = vertical.getOrDefault(group.getKey(), List.of());
      if (group.getValue().size() >= 2 && v.size() >= 2) {
        GridTable t = table(group.getValue(), v, words);
        if (t != null) {
          tables.add(t);
        }
      }
    }
    return tables;
  }

  /** Joins pieces of one line: the same position (within 1.5) and touching or overlapping extents. */
  private static List<Ruling> merge(List<Ruling> rulings, boolean horizontal) {
    List<Ruling> list = new ArrayList<>();
    for (Ruling s : rulings) {
      if (s.horizontal() == horizontal) {
        list.add(s);
      }
    }
    list.sort(Comparator.comparingDouble(Ruling::at).thenComparingDouble(Ruling::from));
    List<Ruling> merged = new ArrayList<>();
    boolean[] used = new boolean[list.size()];
    for (int i = 0; i < list.size(); i++) {
      if (used[i]) {
        continue;
      }
      Deadline.check();
      Ruling s = list.get(i);
      float from = s.from();
      float to = s.to();
      boolean grew = true;
      while (grew) {
        grew = false;
        for (int j = i + 1; j < list.size() && list.get(j).at() - s.at() <= 1.5f; j++) {
          Ruling o = list.get(j);
          if (!used[j] && o.from() <= to + TOLERANCE && o.to() >= from - TOLERANCE) {
            used[j] = true;
            from = Math.min(from, o.from());
            to = Math.max(to, o.to());
            grew = true;
          }
        }
        Deadline.check();
      }
      merged.add(new Ruling(horizontal, s.at(), from, to));
    }
    return merged;
  }

  /** Positions closer than the tolerance to the first of their group are one position, their mean. */
  static float[] cluster(List<Float> values) {
    values.sort(Float::compare);
    List<Float> out = new ArrayList<>();
    float sum = 0;
    int count = 0;
    float first = 0;
    for (float v : values) {
      if (count > 0 && v - first > TOLERANCE) {
        out.add(sum / count);
        count = 0;
        sum = 0;
      }
      if (count == 0) {
        first = v;
      }
      sum += v;
      count++;
    }
    if (count > 0) {
      out.add(sum / count);
    }
    float[] a = new float[out.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = out.get(i);
    }
    return a;
  }

  /** Whether a line at {@code at} covers the middle half of from..to: a border is drawn there. */
  private static boolean covered(List<Ruling> lines, float at, float from, float to) {
    float mid = (from + to) / 2;
    float quarter = (to - from) / 4;
    for (Ruling s : lines) {
      if (Math.abs(s.at() - at) <= TOLERANCE && s.from() <= mid - quarter + 1f && s.to() >= mid + quarter - 1f) {
        return true;
      }
    }
    return false;
  }

  private static GridTable table(List<Ruling> h, List<Ruling> v, List<PositionedWord> words) {
    List<Float> xl = new ArrayList<>();
    for (Ruling s : v) {
      xl.add(s.at());
    }
    List<Float> yl = new ArrayList<>();
    for (Ruling s : h) {
      yl.add(s.at());
    }
    float[] xs = cluster(xl);
    float[] ys = cluster(yl);
    int rows = ys.length - 1;
    int cols = xs.length - 1;
    if (rows < 1 || cols < 1 || (long) rows * cols > MAX_GRID_CELLS) {
      return null;
    }
    // merge fine cells not separated by a drawn border
    UnionFind merged = new UnionFind(rows * cols);
    for (int r = 0; r < rows; r++) {
      Deadline.check();
      for (int c = 0; c < cols; c++) {
        if (c + 1 < cols && !covered(v, xs[c + 1], ys[r], ys[r + 1])) {
          merged.union(r * cols + c, r * cols + c + 1);
        }
        if (r + 1 < rows && !covered(h, ys[r + 1], xs[c], xs[c + 1])) {
          merged.union(r * cols + c, (r + 1) * cols + c);
        }
      }
    }
    int[][] box = new int[rows * cols][];
    for (int r = 0; r < rows; r++) {
      Deadline.check();
      for (int c = 0; c < cols; c++) {
        int root = merged.find(r * cols + c);
        int[] b = box[root];
        if (b == null) {
          box[root] = new int[] {r, r, c, c};
        } else {
          b[0] = Math.min(b[0], r);
          b[1] = Math.max(b[1], r);
          b[2] = Math.min(b[2], c);
          b[3] = Math.max(b[3], c);
        }
      }
    }
    List<List<PositionedWord>> inCell = new ArrayList<>();
    for (int i = 0; i < rows * cols; i++) {
      inCell.add(null);
    }
    int placed = 0;
    int seen = 0;
    for (PositionedWord w : words) {
      if ((++seen & 1023) == 0) {
        Deadline.check();
      }
      float cx = w.centerX();
      float cy = w.centerY();
      if (cx < xs[0] - 1 || cx > xs[cols] + 1 || cy < ys[0] - 1 || cy > ys[rows] + 1) {
        continue;
      }
      int c = Math.max(0, Math.min(cols - 1, upper(xs, cx) - 1));
      int r = Math.max(0, Math.min(rows - 1, upper(ys, cy) - 1));
      int root = merged.find(r * cols + c);
      if (inCell.get(root) == null) {
        inCell.set(root, new ArrayList<>());
      }
      inCell.get(root).add(w);
      placed++;
    }
    if (rows * cols == 1 && placed == 0) {
      return null; // a box drawn around nothing
    }
    List<GridCell> cells = new ArrayList<>();
    for (int i = 0; i < rows * cols; i++) {
      if ((i & 1023) == 0) {
        Deadline.check();
      }
      if (box[i] != null) {
        List<PositionedWord> inside = inCell.get(i);
        int[] b = box[i];
        boolean openTop = b[0] == 0 && !covered(h, ys[0], xs[b[2]], xs[b[3] + 1]);
        boolean openBottom = b[1] == rows - 1 && !covered(h, ys[rows], xs[b[2]], xs[b[3] + 1]);
        List<TextLine> lines = inside == null ? List.of() : Lines.of(inside);
        List<PositionedWord> ordered = new ArrayList<>();
        lines.forEach(line -> ordered.addAll(line.words()));
        String text = inside == null ? "" : Lines.joined(lines);
        cells.add(new GridCell(b[0], b[1], b[2], b[3], text, openTop, openBottom, ordered));
      }
    }
    GridTable t = new GridTable(xs, rows, cells, ys[0], ys[rows]);
    t.sortCells();
    return t;
  }

  /** Index of the first element greater than value. */
  private static int upper(float[] a, float value) {
    int i = Arrays.binarySearch(a, value);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Disjoint sets of indices, with path halving. */
  static final class UnionFind {
    private final int[] parent;

    UnionFind(int n) {
      parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    void union(int a, int b) {
      parent[find(a)] = find(b);
    }
  }
}
