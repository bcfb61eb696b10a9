package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nianbao.core.document.Deadline;

/**
 * A table that ends a page and one that starts the next with the same outer edges are one table: the rows
 * are appended, and what the page break cut apart (a merged label cell, a row's wrapped label) is joined.
 */
final class ContinuedTables {
  private static final Pattern NUMBER = AlignedRow.NUMBER;

  private ContinuedTables() {}

  /** Ruled tables: the same outer edges. Aligned tables: the same value columns. */
  static boolean sameEdges(GridTable a, GridTable b) {
    if (a.isAligned() || b.isAligned()) {
      return a.isAligned() && b.isAligned() && sameColumns(a.valueCenters, b.valueCenters);
    }
    return Math.abs(a.left() - b.left()) <= 3f && Math.abs(a.right() - b.right()) <= 3f;
  }

  private static boolean sameColumns(float[] a, float[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > 3f) {
        return false;
      }
    }
    return true;
  }

  /** Joins a table continued on the next page: the union of both column edges, rows appended. */
  static GridTable concat(GridTable a, GridTable b) {
    if (a.isAligned()) {
      return appendAligned(a, b);
    }
    List<GridCell> above = new ArrayList<>(a.cells);
    b = joinBrokenRow(a, above, b);
    b = continueSpans(a, above, b);
    List<Float> all = new ArrayList<>();
    for (float x : a.xs) {
      all.add(x);
    }
    for (float x : b.xs) {
      all.add(x);
    }
    float[] xs = RuledTables.cluster(all);
    List<GridCell> cells = new ArrayList<>();
    for (GridCell c : above) {
      Deadline.check();
      cells.add(c.with(c.r0(), c.r1(), index(xs, a.xs[c.c0()]), index(xs, a.xs[c.c1() + 1]) - 1, c.text()));
    }
    for (GridCell c : b.cells) {
      Deadline.check();
      cells.add(c.with(c.r0() + a.rows, c.r1() + a.rows, index(xs, b.xs[c.c0()]), index(xs, b.xs[c.c1() + 1]) - 1,
          c.text()));
    }
    GridTable t = new GridTable(xs, a.rows + b.rows, cells, a.top, b.bottom);
    t.sortCells();
    return t;
  }

  /** An aligned table's rows continued: the same columns, nothing drawn to tell a cut cell. */
  private static GridTable appendAligned(GridTable a, GridTable b) {
    List<GridCell> cells = new ArrayList<>(a.cells);
    for (GridCell c : b.cells) {
      Deadline.check();
      cells.add(c.with(c.r0() + a.rows, c.r1() + a.rows, c.c0(), c.c1(), c.text()));
    }
    GridTable t = new GridTable(a.xs, a.rows + b.rows, cells, a.top, b.bottom, a.valueCenters);
    t.sortCells();
    return t;
  }

  private static int index(float[] xs, float x) {
    int best = 0;
    for (int i = 1; i < xs.length; i++) {
      if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
        best = i;
      }
    }
    return best;
  }

  /**
   * A cell that the page break cuts (三、本年度办理结果 merged over table B's outcome rows) goes on at the
   * top of the next page with the rest of its text: it is one cell again. It is recognised by no border at
   * the cut, or (office suites draw one) by the same edges with one side a one-row piece of a merged
   * cell and the other side spanning rows, or by an empty piece. Two merged groups meeting at the
   * break (（三）不予公开, then （四）无法提供) both span rows and stay apart.
   *
   * @param above the cells of {@code a}, extended here with the pieces joined to them
   * @return {@code b} without the pieces joined to a cell above
   */
  private static GridTable continueSpans(GridTable a, List<GridCell> above, GridTable b) {
    List<GridCell> rest = new ArrayList<>();
    for (GridCell c : b.cells) {
      Deadline.check();
      int cutFrom = -1;
      if (c.r0() == 0 && !NUMBER.matcher(c.text()).matches()) {
        for (int j = 0; j < above.size(); j++) {
          GridCell o = above.get(j);
          boolean cut = o.openBottom() || c.openTop() || c.text().isEmpty() || (o.r0() < o.r1()) != (c.r0() < c.r1());
          if (o.r1() == a.rows - 1 && cut && !NUMBER.matcher(o.text()).matches()
              && Math.abs(a.xs[o.c0()] - b.xs[c.c0()]) <= 3f && Math.abs(a.xs[o.c1() + 1] - b.xs[c.c1() + 1]) <= 3f) {
            cutFrom = j;
          }
        }
      }
      if (cutFrom >= 0) {
        GridCell o = above.get(cutFrom);
        above.set(cutFrom, o.joined(a.rows + c.r1(), c));
      } else {
        rest.add(c);
      }
    }
    return b.withCells(rest);
  }

  /**
   * A row broken by the page break (its label's last line on the next page) shows as a first row of the
   * continuation holding only text, each piece under a text cell of the last row above, while that row has
   * numbers: the pieces are joined to the cells above.
   *
   * @param above the cells of {@code a}, extended here with the pieces joined to them
   * @return {@code b} with those pieces emptied
   */
  private static GridTable joinBrokenRow(GridTable a, List<GridCell> above, GridTable b) {
    List<GridCell> lastRow = new ArrayList<>();
    boolean numbers = false;
    for (GridCell c : above) {
      if (c.r1() == a.rows - 1) {
        lastRow.add(c);
        numbers |= c.r0() == a.rows - 1 && NUMBER.matcher(c.text()).matches();
      }
    }
    if (!numbers) {
      return b;
    }
    List<int[]> joins = new ArrayList<>();
    for (int i = 0; i < b.cells.size(); i++) {
      Deadline.check();
      GridCell c = b.cells.get(i);
      if (c.r0() != 0 || c.text().isEmpty()) {
        continue;
      }
      if (c.r1() != 0 || NUMBER.matcher(c.text()).matches()) {
        return b;
      }
      float cx = (b.xs[c.c0()] + b.xs[c.c1() + 1]) / 2;
      int target = -1;
      for (GridCell candidate : lastRow) {
        if (a.xs[candidate.c0()] <= cx && cx <= a.xs[candidate.c1() + 1] && !candidate.text().isEmpty()
            && !NUMBER.matcher(candidate.text()).matches()) {
          target = above.indexOf(candidate);
        }
      }
      if (target < 0) {
        return b;
      }
      joins.add(new int[] {i, target});
    }
    if (joins.isEmpty()) {
      return b;
    }
    List<GridCell> rest = new ArrayList<>(b.cells);
    for (int[] join : joins) {
      GridCell piece = b.cells.get(join[0]);
      GridCell cell = above.get(join[1]);
      above.set(join[1], cell.joined(cell.r1(), piece));
      rest.set(join[0], piece.withText(""));
    }
    return b.withCells(rest);
  }
}
