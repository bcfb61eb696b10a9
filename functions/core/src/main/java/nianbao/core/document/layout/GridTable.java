package nianbao.core.document.layout;

import java.util.Comparator;
import java.util.List;
import nianbao.core.document.Deadline;
import nianbao.core.document.GridBuilder;
import nianbao.core.document.Origin;
import nianbao.core.document.Table;

/**
 * A table found on a page, before its grid is resolved: the x of its column edges, its row count, its cells
 * (merged ones spanning several rows or columns) and its vertical extent. Found by its ruling lines
 * ({@link RuledTables}) or by the alignment of its numbers ({@link AlignedTables}).
 */
public final class GridTable implements PageItem {
  final float[] xs;
  final int rows;
  final List<GridCell> cells;
  final float top;
  final float bottom;
  /** For a table found by its alignment alone: the centre of each value column (column 1 on); else null. */
  final float[] valueCenters;

  GridTable(float[] xs, int rows, List<GridCell> cells, float top, float bottom) {
    this(xs, rows, cells, top, bottom, null);
  }

  GridTable(float[] xs, int rows, List<GridCell> cells, float top, float bottom, float[] valueCenters) {
    this.xs = xs;
    this.rows = rows;
    this.cells = cells;
    this.top = top;
    this.bottom = bottom;
    this.valueCenters = valueCenters;
  }

  /** The same table with other cells. */
  GridTable withCells(List<GridCell> newCells) {
    return new GridTable(xs, rows, newCells, top, bottom, valueCenters);
  }

  /** Whether the table was found by its alignment alone, with no ruling line. */
  public boolean isAligned() {
    return valueCenters != null;
  }

  public float left() {
    return xs[0];
  }

  public float right() {
    return xs[xs.length - 1];
  }

  @Override
  public float top() {
    return top;
  }

  public float bottom() {
    return bottom;
  }

  public int rows() {
    return rows;
  }

  public List<GridCell> cells() {
    return List.copyOf(cells);
  }

  /** Whether the word's centre lies inside the table (a point of tolerance on each side). */
  boolean contains(PositionedWord w) {
    float cx = w.centerX();
    float cy = w.centerY();
    return cy >= top - 1 && cy <= bottom + 1 && cx >= left() - 1 && cx <= right() + 1;
  }

  void sortCells() {
    cells.sort(Comparator.comparingInt(GridCell::r0).thenComparingInt(GridCell::c0));
  }

  /** The table's grid: text in the top-left position of a span, "" elsewhere; empty rows and columns dropped. */
  public Table toTable() {
    return toTable(-1, Origin.PageSizes.UNKNOWN);
  }

  /**
   * The table's grid, each cell with its glyphs ({@link Origin.GlyphTable}).
   *
   * @param index the table's number among the document's tables
   */
  @SuppressWarnings("unchecked")
  public Table toTable(int index, Origin.PageSizes pages) {
    GridBuilder grid = new GridBuilder();
    for (int r = 0; r < rows; r++) {
      grid.startRow();
    }
    int placed = 0;
    for (GridCell c : cells) {
      if ((++placed & 1023) == 0) {
        Deadline.check();
      }
      grid.place(c.r0(), c.c0(), c.text(), c.c1() - c.c0() + 1, c.r1() - c.r0() + 1, c.words());
    }
    List<List<String>> built = grid.build();
    List<List<Object>> payloads = grid.payloads();
    List<List<List<PositionedWord>>> words = new java.util.ArrayList<>(built.size());
    for (int r = 0; r < built.size(); r++) {
      List<List<PositionedWord>> row = new java.util.ArrayList<>(built.get(r).size());
      for (int col = 0; col < built.get(r).size(); col++) {
        Object w = payloads == null ? null : payloads.get(r).get(col);
        row.add(w == null ? List.of() : (List<PositionedWord>) w);
      }
      words.add(row);
    }
    return new Table(built, new Origin.GlyphTable(index, words, pages), grid.covered());
  }
}
