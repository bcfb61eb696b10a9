package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cell solver's search is bounded by steps, not by time: a row with values too many explores each distinct
 * reduction once, spends its steps from the row's and the table's budget, and when cut off decides nothing.
 */
class CellSolverSearchBoundTest {
  /** Table C with three values too many, all different and all digits, so that every drop and join is tried. */
  private static List<String> worstTableC() {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      tokens.add(String.valueOf(i % 9 + 1));
    }
    return tokens;
  }

  @Test
  void equalValuesTooManyAreReducedOnce() {
    CellSolver.Budget budget = new CellSolver.Budget(1_000);
    CellSolver.Solution solution =
        CellSolver.solve(Collections.nCopies(8, "0"), 7, ApplicationsRecogniser.ROW_SUM, true, budget);
    assertEquals(CellSolver.Kind.TOO_MANY, solution.kind());
    assertEquals(1, solution.candidates().size());
    assertArrayEquals(Collections.nCopies(7, "0").toArray(), solution.candidates().get(0));
    // the row, then dropping each of the eight zeros: seven of them reach the row already seen
    assertEquals(1 + 8, 1_000 - budget.remaining());
  }

  @Test
  void theWorstRowStaysWithinTheRowsBudget() {
    CellSolver.Budget table = CellSolver.Budget.forTable();
    CellSolver.Solution solution = CellSolver.solve(worstTableC(), 15, ReviewRecogniser.GROUP_SUMS, false, table);
    int spent = CellSolver.TABLE_NODES - table.remaining();
    assertTrue(spent > 0 && spent <= CellSolver.ROW_NODES, "steps spent: " + spent);
    assertEquals(CellSolver.Kind.TOO_MANY, solution.kind());
  }

  @Test
  void aSearchCutOffDecidesNoCell() {
    CellSolver.Budget budget = new CellSolver.Budget(100);
    CellSolver.Solution solution = CellSolver.solve(worstTableC(), 15, ReviewRecogniser.GROUP_SUMS, false, budget);
    assertEquals(CellSolver.Kind.TOO_MANY, solution.kind());
    assertFalse(solution.constraintHeld());
    assertArrayEquals(new String[15], solution.agreed(15));
    assertTrue(budget.remaining() <= 0);
  }
}
