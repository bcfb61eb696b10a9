package nianbao.core.document;

import java.util.List;

/**
 * A table with its real rows and cells, as a structured reader (HTML, DOCX, PDF) found it.
 * Merged cells are resolved onto the grid: the text stands in the top-left cell of the span and every
 * other position the span covers is the empty string; a blank cell is the empty string too.
 *
 * @param origin where the table stands in the source; not part of equality (two tables that read the same are
 *               the same table)
 * @param covered for each row, which positions a span that starts elsewhere covers (they print nothing of their
 *               own: a value cell merged over two columns is one value, not a value and a blank); null where the
 *               reader knows no spans (text and Markdown tables)
 */
public record Table(List<List<String>> rows, Origin origin, boolean[][] covered) implements Block {
  public Table(List<List<String>> rows) {
    this(rows, Origin.NONE);
  }

  public Table(List<List<String>> rows, Origin origin) {
    this(rows, origin, null);
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
