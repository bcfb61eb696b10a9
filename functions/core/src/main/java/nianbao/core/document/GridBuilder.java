package nianbao.core.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Places cells with their spans onto a grid, the way HTML's table model does, and gives the grid the
 * shape {@link Table} promises: text in the top-left position of a span, "" everywhere else the span
 * covers, "" for blank cells. Rows and columns in which no cell starts (artefacts of spans: a column that
 * exists only because some other row splits it finer, an empty {@code <tr>}) and rows without any text
 * are dropped.
 */
public final class GridBuilder {
  /** A guard against absurd spans in hostile documents. */
  static final int MAX_SPAN = 1000;
  static final int MAX_CELLS = 200_000;

  private final List<String[]> texts = new ArrayList<>();
  private final List<boolean[]> origins = new ArrayList<>();
  private final List<boolean[]> taken = new ArrayList<>();
  private int width;
  private int row = -1;
  private int cells;

  /** Starts the next row; cells are then placed left to right into the first free positions. */
  public void startRow() {
    row++;
    ensureRow(row);
  }

  int currentRow() {
    return row;
  }

  /** Places a cell at the first free column of the current row (HTML). Returns the column it landed in. */
  int add(String text, int colspan, int rowspan) {
    int col = 0;
    boolean[] used = taken.get(row);
    while (col < used.length && used[col]) {
      col++;
    }
    place(row, col, text, colspan, rowspan);
    return col;
  }

  /** Places a cell at a known grid column of the current row (DOCX, PDF). */
  public void place(int r, int col, String text, int colspan, int rowspan) {
    colspan = Math.max(1, Math.min(colspan, MAX_SPAN));
    rowspan = Math.max(1, Math.min(rowspan, MAX_SPAN));
    cells += colspan * rowspan;
    if (cells > MAX_CELLS) {
      throw new IllegalStateException("table too large");
    }
    for (int dr = 0; dr < rowspan; dr++) {
      ensureRow(r + dr);
      for (int dc = 0; dc < colspan; dc++) {
        set(r + dr, col + dc, dr == 0 && dc == 0 ? text : "", dr == 0 && dc == 0);
      }
    }
  }

  /** Marks a position as covered by a span that started elsewhere (DOCX vMerge continue). */
  void cover(int r, int col, int colspan) {
    ensureRow(r);
    for (int dc = 0; dc < Math.max(1, Math.min(colspan, MAX_SPAN)); dc++) {
      set(r, col + dc, "", false);
    }
  }

  private void set(int r, int c, String text, boolean origin) {
    String[] t = texts.get(r);
    if (c >= t.length) {
      int n = Math.max(c + 1, t.length * 2);
      texts.set(r, t = java.util.Arrays.copyOf(t, n));
      origins.set(r, java.util.Arrays.copyOf(origins.get(r), n));
      taken.set(r, java.util.Arrays.copyOf(taken.get(r), n));
    }
    if (taken.get(r)[c]) {
      return; // overlapping spans: the first one wins, as in browsers
    }
    t[c] = text;
    origins.get(r)[c] = origin;
    taken.get(r)[c] = true;
    width = Math.max(width, c + 1);
  }

  private void ensureRow(int r) {
    while (texts.size() <= r) {
      texts.add(new String[8]);
      origins.add(new boolean[8]);
      taken.add(new boolean[8]);
    }
  }

  /** Rows beyond the last started row exist only through rowspans reaching past the table's end. */
  public List<List<String>> build() {
    int rows = Math.min(texts.size(), row + 1);
    boolean[] keepCol = new boolean[width];
    for (int r = 0; r < rows; r++) {
      boolean[] o = origins.get(r);
      for (int c = 0; c < Math.min(o.length, width); c++) {
        keepCol[c] |= o[c];
      }
    }
    List<List<String>> grid = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      String[] t = texts.get(r);
      boolean[] o = origins.get(r);
      boolean anyOrigin = false;
      boolean anyText = false;
      List<String> out = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        if (!keepCol[c]) {
          continue;
        }
        String s = c < t.length && t[c] != null ? t[c] : "";
        anyOrigin |= c < o.length && o[c];
        anyText |= !s.isEmpty();
        out.add(s);
      }
      if (anyOrigin && anyText) {
        grid.add(List.copyOf(out));
      }
    }
    return List.copyOf(grid);
  }
}
