package nianbao.core.document;

import java.util.List;

/**
 * A table with its real rows and cells, as a structured reader (HTML, DOCX, PDF) found it.
 * Merged cells are resolved onto the grid: the text stands in the top-left cell of the span and every
 * other position the span covers is the empty string; a blank cell is the empty string too.
 *
 * @param origin where the table stands in the source; not part of equality (two tables that read the same are
 *               the same table)
 * @param covered for each row, which positions print no cell of their own: those a span that starts elsewhere
 *               covers (a value cell merged over two columns is one value, not a value and a blank), and those a
 *               Markdown table's shorter row was padded with; null where the reader knows neither
 * @param printedGrid whether the rows are the document's own grid (HTML, DOCX, PDF), so that an empty cell at a
 *               row's end is a blank the report prints; false for Markdown and text, whose rows may end with
 *               padding a converter or a crawler added
 */
public record Table(List<List<String>> rows, Origin origin, boolean[][] covered, boolean printedGrid)
    implements Block {
  public Table(List<List<String>> rows) {
    this(rows, Origin.NONE);
  }

  public Table(List<List<String>> rows, Origin origin) {
    this(rows, origin, null, false);
  }

  /** A table of the document's own grid, with the positions its spans cover. */
  public Table(List<List<String>> rows, Origin origin, boolean[][] covered) {
    this(rows, origin, covered, true);
  }

  /** Whether the position is covered by a span that starts in another position. */
  public boolean isCovered(int row, int column) {
    return covered != null && row < covered.length && column < covered[row].length && covered[row][column];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Table t && rows.equals(t.rows);
  }

  @Override
  public int hashCode() {
    return rows.hashCode();
  }

  @Override
  public String toString() {
    return "Table" + rows;
  }
}
