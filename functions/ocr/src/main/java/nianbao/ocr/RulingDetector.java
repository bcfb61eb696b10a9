package nianbao.ocr;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.layout.Ruling;

/**
 * The ruling lines drawn on a (straightened) page image: long, thin runs of ink, horizontal or vertical — a
 * table's borders: a horizontal one crosses a vertical one, a vertical one runs from a horizontal one to another. A run may bridge gaps of a pixel or two (a scanned line
 * is often broken) and drift by a pixel between rows (a residue of skew). Lengths are in points, so the same
 * rules hold at any resolution: no character's stroke is as long as {@link #MIN_HORIZONTAL_PT} or as tall as
 * {@link #MIN_VERTICAL_PT} in a table's type (10–12 pt), and a table cell is wider and taller than these.
 */
final class RulingDetector {
  static final float MIN_HORIZONTAL_PT = 18f;
  static final float MIN_VERTICAL_PT = 12f;
  /** A band of ink thicker than this is a filled area, not a line. */
  static final float MAX_THICKNESS_PT = 3f;
  /** How far apart a horizontal and a vertical line may be and still meet (RuledTables' own tolerance). */
  static final float MEET_PT = 2f;

  /** A line in pixels: {@code at} its row (or column), {@code from..to} its extent, {@code thickness} in pixels. */
  record Line(boolean horizontal, int at, int from, int to, int thickness) {
    Ruling toRuling(float pointsPerPixel) {
      return new Ruling(horizontal, at * pointsPerPixel, from * pointsPerPixel, (to + 1) * pointsPerPixel);
    }
  }

  private RulingDetector() {}

  /** The table borders of the image, horizontal ones first. */
  static List<Line> find(Grey image, float dpi) {
    int otsu = image.otsu();
    boolean[] ink = image.ink(otsu + (255 - otsu) / 3); // thin lines come out light grey: a lenient threshold
    float px = dpi / 72f;
    int gap = Math.max(2, Math.round(dpi / 60f));
    int maxThickness = Math.max(3, Math.round(MAX_THICKNESS_PT * px));
    List<Line> hs = runs(ink, image.width, image.height, true, Math.round(MIN_HORIZONTAL_PT * px), gap,
        maxThickness);
    List<Line> vs = runs(ink, image.width, image.height, false, Math.round(MIN_VERTICAL_PT * px), gap,
        maxThickness);
    int meet = Math.round(MEET_PT * px);
    // Each rule holds against the lines kept by the other, until nothing more drops out: a bold title's strokes
    // can make a long run that crosses another stroke, but not a frame whose sides end on its kept borders.
    List<Line> keptH = hs;
    List<Line> keptV = vs;
    while (true) {
      List<Line> againstV = keptV;
      List<Line> nextH = keptH.stream().filter(h -> againstV.stream().anyMatch(v -> meet(h, v, meet))).toList();
      List<Line> nextV = keptV.stream().filter(v -> nextH.stream().anyMatch(h -> meetsEnd(h, v, v.from, meet))
          && nextH.stream().anyMatch(h -> meetsEnd(h, v, v.to, meet))).toList();
      if (nextH.size() == keptH.size() && nextV.size() == keptV.size()) {
        List<Line> out = new ArrayList<>(nextH);
        out.addAll(nextV);
        return out;
      }
      keptH = nextH;
      keptV = nextV;
    }
  }

  /**
   * Whether the horizontal line runs through the vertical one's end {@code end}: a cell's side border runs from one
   * horizontal border to another, where a character's stroke that touches a border (a seal's writing) ends in the
   * cell.
   */
  private static boolean meetsEnd(Line h, Line v, int end, int tolerance) {
    return Math.abs(h.at - end) <= tolerance + h.thickness && v.at >= h.from - tolerance && v.at <= h.to + tolerance;
  }

  private static boolean meet(Line h, Line v, int tolerance) {
    return v.at >= h.from - tolerance && v.at <= h.to + tolerance
        && h.at >= v.from - tolerance && h.at <= v.to + tolerance;
  }

  /**
   * Runs of ink along one direction at least {@code minLength} long, each pixel counted as ink when it or a
   * neighbour across the direction is (a line drifting by a pixel stays one run); runs in neighbouring rows that
   * overlap are one line.
   */
  private static List<Line> runs(boolean[] ink, int width, int height, boolean horizontal, int minLength, int gap,
      int maxThickness) {
    int along = horizontal ? width : height;
    int across = horizontal ? height : width;
    List<int[]> open = new ArrayList<>(); // {firstRow, lastRow, from, to}
    List<Line> lines = new ArrayList<>();
    for (int j = 0; j < across; j++) {
      List<int[]> segments = new ArrayList<>();
      int start = -1;
      int lastInk = -1;
      for (int i = 0; i <= along; i++) {
        boolean on = i < along && (inkAt(ink, width, horizontal, i, j)
            || j > 0 && inkAt(ink, width, horizontal, i, j - 1)
            || j + 1 < across && inkAt(ink, width, horizontal, i, j + 1));
        if (on) {
          if (start < 0) {
            start = i;
          }
          lastInk = i;
        } else if (start >= 0 && i - lastInk > gap) {
          if (lastInk - start + 1 >= minLength) {
            segments.add(new int[] {start, lastInk});
          }
          start = -1;
        }
      }
      List<int[]> stillOpen = new ArrayList<>();
      for (int[] s : segments) {
        int[] joined = null;
        for (int[] g : open) {
          if (g[1] == j - 1 && s[0] <= g[3] && s[1] >= g[2]) {
            joined = g;
            break;
          }
        }
        if (joined == null) {
          joined = new int[] {j, j, s[0], s[1]};
        } else {
          open.remove(joined);
          joined[1] = j;
          joined[2] = Math.min(joined[2], s[0]);
          joined[3] = Math.max(joined[3], s[1]);
        }
        stillOpen.add(joined);
      }
      for (int[] g : open) {
        close(g, horizontal, maxThickness, lines);
      }
      open = stillOpen;
    }
    for (int[] g : open) {
      close(g, horizontal, maxThickness, lines);
    }
    return lines;
  }

  private static void close(int[] g, boolean horizontal, int maxThickness, List<Line> lines) {
    int thickness = Math.max(1, g[1] - g[0] - 1); // the neighbour rule widens a band by a row on each side
    if (thickness <= maxThickness) {
      lines.add(new Line(horizontal, (g[0] + g[1]) / 2, g[2], g[3], thickness));
    }
  }

  private static boolean inkAt(boolean[] ink, int width, boolean horizontal, int along, int across) {
    return horizontal ? ink[across * width + along] : ink[along * width + across];
  }

  /** The image with the lines painted over in white, so that the recogniser sees only the text. */
  static Grey erase(Grey image, List<Line> lines) {
    Grey out = new Grey(image.width, image.height, image.pixels.clone());
    for (Line l : lines) {
      int half = l.thickness / 2 + 2;
      for (int d = -half; d <= half; d++) {
        for (int i = l.from; i <= l.to; i++) {
          int x = l.horizontal ? i : l.at + d;
          int y = l.horizontal ? l.at + d : i;
          if (x >= 0 && y >= 0 && x < out.width && y < out.height) {
            out.set(x, y, 255);
          }
        }
      }
    }
    return out;
  }
}
