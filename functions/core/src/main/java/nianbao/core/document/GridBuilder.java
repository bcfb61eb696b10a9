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
  /** What each cell's origin position holds besides its text (a PDF cell's glyphs); null until one is given. */
  private List<Object[]> payloads;
  private int width;
  private int row = -1;
  private int cells;
  private int[] keptRows = new int[0];
  private int[] keptColumns = new int[0];
  private List<List<Object>> keptPayloads;
  private boolean[][] keptCovered = new boolean[0][];

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
    place(r, col, text, colspan, rowspan, null);
  }

  /** Places a cell with what else it holds ({@link #payloads()} gives it back on the built grid). */
  public void place(int r, int col, String text, int colspan, int rowspan, Object payload) {
    if (payload != null) {
      ensureRow(r);
      if (payloads == null) {
        payloads = new ArrayList<>();
      }
      while (payloads.size() <= r) {
        payloads.add(new Object[0]);
      }
      Object[] p = payloads.get(r);
      if (col >= p.length) {
        payloads.set(r, p = java.util.Arrays.copyOf(p, col + 1));
      }
      if (p[col] == null && (col >= taken.get(r).length || !taken.get(r)[col])) {
        p[col] = payload;
      }
    }
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
    int[] kept = new int[rows];
    int keptCount = 0;
    int[] columns = new int[width];
    int columnCount = 0;
    for (int c = 0; c < width; c++) {
      if (keepCol[c]) {
        columns[columnCount++] = c;
      }
    }
    keptColumns = java.util.Arrays.copyOf(columns, columnCount);
    keptPayloads = payloads == null ? null : new ArrayList<>();
    List<boolean[]> covered = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      String[] t = texts.get(r);
      boolean[] o = origins.get(r);
      boolean anyOrigin = false;
      boolean anyText = false;
      List<String> out = new ArrayList<>();
      boolean[] spanned = new boolean[columnCount];
      boolean[] used = taken.get(r);
      for (int c = 0; c < width; c++) {
        if (!keepCol[c]) {
          continue;
        }
        String s = c < t.length && t[c] != null ? t[c] : "";
        boolean isOrigin = c < o.length && o[c];
        anyOrigin |= isOrigin;
        anyText |= !s.isEmpty();
        spanned[out.size()] = !isOrigin && c < used.length && used[c];
        out.add(s);
      }
      if (anyOrigin && anyText) {
        grid.add(List.copyOf(out));
        covered.add(spanned);
        kept[keptCount++] = r;
        if (keptPayloads != null) {
          Object[] p = r < payloads.size() ? payloads.get(r) : new Object[0];
          List<Object> rowPayloads = new ArrayList<>(columnCount);
          for (int c : keptColumns) {
            rowPayloads.add(c < p.length ? p[c] : null);
          }
          keptPayloads.add(rowPayloads);
        }
      }
    }
    keptRows = java.util.Arrays.copyOf(kept, keptCount);
    keptCovered = covered.toArray(new boolean[0][]);
    return List.copyOf(grid);
  }

  /**
   * After {@link #build}: for each row and column of the grid, whether a span that starts elsewhere covers it (a
   * position no cell was placed in at all, as at the end of a short row, is not covered: it is blank).
   */
  public boolean[][] covered() {
    return keptCovered;
  }

  /** After {@link #build}: for each row of the grid, the row it was placed as (the source's row). */
  public int[] keptRows() {
    return keptRows;
  }

  /** After {@link #build}: for each column of the grid, the grid column it was placed in (spans expanded). */
  public int[] keptColumns() {
    return keptColumns;
  }

  /** After {@link #build}: the payload of each cell of the grid (null where none was given), or null if none was. */
  public List<List<Object>> payloads() {
    return keptPayloads;
  }
}
