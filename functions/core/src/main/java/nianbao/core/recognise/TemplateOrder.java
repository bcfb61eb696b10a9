package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows whose numbers cannot be tied to their labels, placed by the template's row order.
 *
 * <p>PDF-to-text and PDF-to-Markdown conversions print a table's label column apart from its numbers, move a
 * label out of its row or lose it: the numbers of several rows then follow one label and the rows around it
 * get none. The numbers themselves keep the table's row order. So a run of consecutive rows that do not hold
 * one value per cell each — a label missing, no values, too many — is taken as a whole: when its values are
 * exactly as many as its rows' cells, they are cut into rows in template order. A row placed so is kept only
 * if its own arithmetic holds; the caller keeps the whole placement only if the table's columns confirm it.
 * No search: one pass over the rows.
 */
final class TemplateOrder {
  private TemplateOrder() {}

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) and the cells placed into each. */
  record Placement(int from, int to, List<String[]> rows) {}

  /**
   * @param printed  per row in template order, every value read between its label and the next label found
   *                 (empty when its label was not found)
   * @param fits     per row, whether it reads on its own: label found, one value per cell, nothing more
   * @param leading  values printed before the first label found (numbers printed ahead of their labels)
   * @param columns  cells per row
   * @param rowRule  the arithmetic of one row
   */
  static List<Placement> place(List<List<String>> printed, boolean[] fits, List<String> leading, int columns,
      CellSolver.Constraint rowRule) {
    List<Placement> out = new ArrayList<>();
    int rows = printed.size();
    int r = 0;
    while (r < rows) {
      if (fits[r]) {
        r++;
        continue;
      }
      int end = r;
      while (end < rows && !fits[end]) {
        end++;
      }
      List<String> stream = new ArrayList<>();
      if (r == 0) {
        stream.addAll(values(leading));
      }
      for (int i = r; i < end; i++) {
        stream.addAll(values(printed.get(i)));
      }
      Placement placement = cut(stream, r, end, columns, rowRule);
      if (placement != null) {
        out.add(placement);
      }
      r = end;
    }
    return out;
  }

  /** A row that reads on its own: label found and one value per cell, no further values before the next label. */
  static boolean fits(boolean found, List<String> firstRun, List<String> all, int columns) {
    return found && values(firstRun).size() == columns && values(all).size() < 2 * columns;
  }

  private static Placement cut(List<String> stream, int from, int to, int columns, CellSolver.Constraint rowRule) {
    int rows = to - from;
    if (rows < 2 || stream.size() != rows * columns || stream.stream().allMatch(t -> t == null)) {
      return null;
    }
    List<String[]> cells = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      String[] row = stream.subList(i * columns, (i + 1) * columns).toArray(new String[0]);
      if (!CellSolver.allNumeric(row) || !rowRule.test(CellSolver.parse(row))) {
        return null;
      }
      cells.add(row);
    }
    return new Placement(from, to, cells);
  }

  /** The tokens that stand for cells: an empty cell right after a label is the label's merged column. */
  static List<String> values(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      if (t != ValueScanner.SOFT_BLANK) {
        out.add(t);
      }
    }
    return out;
  }
}
