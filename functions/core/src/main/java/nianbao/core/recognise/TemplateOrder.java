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

  /**
   * Rows {@code from} (inclusive) to {@code to} (exclusive) and the cells placed into each; {@code printed} the
   * run's values in order as printed (where each cell was read).
   */
  record Placement(int from, int to, List<String[]> rows, List<String> printed) {}

  /**
   * @param lines    per row in template order, the values of each line between its label and the next label
   *                 found (none when its label was not found)
   * @param fits     per row, whether it reads on its own: label found, one value per cell, nothing more
   * @param leading  the values of each line printed before the first label found (numbers ahead of labels)
   * @param columns  cells per row
   * @param rowRule  the arithmetic of one row
   * @param budget   what the row solver may spend when a line is one row with values missing
   */
  static List<Placement> place(List<List<List<String>>> lines, boolean[] fits, List<List<String>> leading,
      int columns, CellSolver.Constraint rowRule, CellSolver.Budget budget) {
    List<Placement> out = new ArrayList<>();
    int rows = lines.size();
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
      List<List<String>> runLines = new ArrayList<>();
      if (r == 0) {
        runLines.addAll(leading);
      }
      for (int i = r; i < end; i++) {
        runLines.addAll(lines.get(i));
      }
      Tokens stream = new Tokens();
      runLines.forEach(line -> stream.addAllFrom(values(line)));
      Placement placement = cut(stream, r, end, columns, rowRule);
      if (placement == null && !eachOnItsOwnLine(lines, leading, r, end)) {
        placement = byLine(runLines, r, end, columns, rowRule, budget);
      }
      if (placement != null) {
        out.add(placement);
      }
      r = end;
    }
    return out;
  }

  /** Every row of the run has one line of values after its own label: the row solver has read them already. */
  private static boolean eachOnItsOwnLine(List<List<List<String>>> lines, List<List<String>> leading, int from,
      int to) {
    if (from == 0 && !leading.isEmpty()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (lines.get(i).size() != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * One line of numbers per row (a row with only its total, or with a value lost, keeps its line): each line is
   * placed into its row as the row solver would place it after a label, and kept only if that is unambiguous.
   */
  private static Placement byLine(List<List<String>> runLines, int from, int to, int columns,
      CellSolver.Constraint rowRule, CellSolver.Budget budget) {
    if (to - from < 2 || runLines.size() != to - from) {
      return null;
    }
    List<String[]> cells = new ArrayList<>(runLines.size());
    for (List<String> line : runLines) {
      CellSolver.Solution solution = CellSolver.solve(line, columns, rowRule, true, budget);
      if (!solution.constraintHeld() || solution.candidates().size() != 1 || !CellSolver.allNumeric(
          solution.candidates().get(0))) {
        return null;
      }
      cells.add(solution.candidates().get(0));
    }
    Tokens printed = new Tokens();
    runLines.forEach(printed::addAllFrom);
    return new Placement(from, to, cells, printed);
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
    return new Placement(from, to, cells, stream);
  }

  /** The tokens that stand for cells: an empty cell right after a label is the label's merged column. */
  static List<String> values(List<String> tokens) {
    Tokens out = new Tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i) != ValueScanner.SOFT_BLANK) {
        out.addFrom(tokens, i);
      }
    }
    return out;
  }
}
