package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;
import nianbao.core.recognise.CellSolver.Solution;

/**
 * Where a damaged row of table B can be read several ways, the columns decide: the placements kept are
 * those under which rules B1 (新收 + 结转 = 总计 + 结转下年) and B3 (总计 = the 21 outcome rows) hold in
 * every column they can be checked in. When no combination holds — the report may really be wrong — the
 * rows keep all their placements and only the cells they agree on are filled.
 */
final class ColumnSolver {
  private static final long MAX_COMBINATIONS = 20_000;
  private static final int COLUMNS = 7;

  private ColumnSolver() {}

  static void narrow(List<RowSpec> specs, Solution[] solutions) {
    List<Integer> ambiguous = new ArrayList<>();
    long combinations = 1;
    for (int r = 0; r < solutions.length; r++) {
      Solution s = solutions[r];
      if (s != null && s.constraintHeld() && s.candidates().size() > 1) {
        ambiguous.add(r);
        combinations *= s.candidates().size();
        if (combinations > MAX_COMBINATIONS) {
          return;
        }
      }
    }
    if (ambiguous.isEmpty()) {
      return;
    }
    Map<String, Integer> rowOf = new HashMap<>();
    Long[][] grid = new Long[specs.size()][];
    for (int r = 0; r < specs.size(); r++) {
      rowOf.put(specs.get(r).key(), r);
      if (solutions[r] != null) {
        grid[r] = CellSolver.parse(solutions[r].agreed(COLUMNS));
      }
    }
    int[] choice = new int[ambiguous.size()];
    List<List<Boolean>> kept = new ArrayList<>();
    for (int r : ambiguous) {
      List<Boolean> flags = new ArrayList<>();
      solutions[r].candidates().forEach(c -> flags.add(false));
      kept.add(flags);
    }
    boolean anyHeld = false;
    for (long combo = 0; combo < combinations; combo++) {
      long rest = combo;
      for (int a = 0; a < ambiguous.size(); a++) {
        int size = solutions[ambiguous.get(a)].candidates().size();
        choice[a] = (int) (rest % size);
        rest /= size;
        grid[ambiguous.get(a)] = CellSolver.parse(solutions[ambiguous.get(a)].candidates().get(choice[a]));
      }
      if (columnsHold(grid, rowOf)) {
        anyHeld = true;
        for (int a = 0; a < ambiguous.size(); a++) {
          kept.get(a).set(choice[a], true);
        }
      }
    }
    if (!anyHeld) {
      return;
    }
    for (int a = 0; a < ambiguous.size(); a++) {
      int r = ambiguous.get(a);
      List<String[]> narrowed = new ArrayList<>();
      for (int i = 0; i < solutions[r].candidates().size(); i++) {
        if (kept.get(a).get(i)) {
          narrowed.add(solutions[r].candidates().get(i));
        }
      }
      solutions[r] = new Solution(solutions[r].kind(), narrowed, true);
    }
  }

  private static boolean columnsHold(Long[][] grid, Map<String, Integer> rowOf) {
    for (int c = 0; c < COLUMNS; c++) {
      Long received = cell(grid, rowOf, "newReceived", c);
      Long carriedOver = cell(grid, rowOf, "carriedOver", c);
      Long total = cell(grid, rowOf, "total", c);
      Long carriedForward = cell(grid, rowOf, "carriedForward", c);
      if (received != null && carriedOver != null && total != null && carriedForward != null
          && received + carriedOver != total + carriedForward) {
        return false;
      }
      if (total != null) {
        long sum = 0;
        boolean complete = true;
        for (String row : Applications.OUTCOME_ROWS) {
          Integer r = rowOf.get(row);
          if (r == null) {
            continue;
          }
          Long v = grid[r] == null ? null : grid[r][c];
          if (v == null) {
            complete = false;
            break;
          }
          sum += v;
        }
        if (complete && sum != total) {
          return false;
        }
      }
    }
    return true;
  }

  private static Long cell(Long[][] grid, Map<String, Integer> rowOf, String row, int c) {
    Integer r = rowOf.get(row);
    return r == null || grid[r] == null ? null : grid[r][c];
  }
}
