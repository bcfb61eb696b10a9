package nianbao.core.document;

import java.util.List;

/**
 * A table with its real rows and cells, as a structured reader (HTML, DOCX, PDF) found it.
 * Merged cells are resolved onto the grid: the text stands in the top-left cell of the span and every
 * other position the span covers is the empty string; a blank cell is the empty string too.
 *
 * @param origin where the table stands in the source; not part of equality (two tables that read the same are
 *               the same table)
 */
public record Table(List<List<String>> rows, Origin origin) implements Block {
  public Table(List<List<String>> rows) {
    this(rows, Origin.NONE);
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
