package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Applications;

/**
 * Rules B1, B2 and B3 over table B as the recogniser placed it, naming the rows each failed check involves,
 * so that a failure can be told apart: the agency's when every row it involves was read as printed, the
 * reader's doubt when it involves a row the reader had to repair.
 */
final class ApplicationsChecks {
  private static final int COLUMNS = 7;

  private ApplicationsChecks() {}

  /** One failed check: the rule, where (a column's or a row's name), and the rows (template indexes) it adds up. */
  record Failure(String rule, String where, List<Integer> rows) {}

  static List<Failure> failures(List<RowSpec> specs, Long[][] grid) {
    List<Failure> out = new ArrayList<>();
    int received = index(specs, "newReceived");
    int carriedOver = index(specs, "carriedOver");
    int total = index(specs, "total");
    int carriedForward = index(specs, "carriedForward");
    List<Integer> outcomes = new ArrayList<>();
    for (String key : Applications.OUTCOME_ROWS) {
      int r = index(specs, key);
      if (r >= 0) {
        outcomes.add(r);
      }
    }
    for (int r = 0; r < specs.size(); r++) {
      if (!ApplicationsRecogniser.ROW_SUM.test(row(grid, r))) {
        out.add(new Failure("B2", specs.get(r).key(), List.of(r)));
      }
    }
    for (int c = 0; c < COLUMNS; c++) {
      String column = Applications.COLUMNS.get(c);
      Long a = cell(grid, received, c);
      Long b = cell(grid, carriedOver, c);
      Long t = cell(grid, total, c);
      Long f = cell(grid, carriedForward, c);
      if (a != null && b != null && t != null && f != null && a + b != t + f) {
        out.add(new Failure("B1", column, List.of(received, carriedOver, total, carriedForward)));
      }
      Long sum = 0L;
      for (int r : outcomes) {
        Long v = cell(grid, r, c);
        if (v == null) {
          sum = null;
          break;
        }
        sum += v;
      }
      if (t != null && sum != null && !sum.equals(t)) {
        List<Integer> rows = new ArrayList<>(outcomes);
        rows.add(total);
        out.add(new Failure("B3", column, rows));
      }
    }
    return out;
  }

  private static Long[] row(Long[][] grid, int r) {
    return grid[r] == null ? new Long[COLUMNS] : grid[r];
  }

  private static Long cell(Long[][] grid, int r, int c) {
    return r < 0 || grid[r] == null ? null : grid[r][c];
  }

  private static int index(List<RowSpec> specs, String key) {
    for (int r = 0; r < specs.size(); r++) {
      if (specs.get(r).key().equals(key)) {
        return r;
      }
    }
    return -1;
  }
}
