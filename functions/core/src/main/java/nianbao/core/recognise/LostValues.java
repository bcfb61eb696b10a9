package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.recognise.CellSolver.Budget;
import nianbao.core.recognise.CellSolver.Constraint;

/**
 * {@link CellSolver}'s placements for a row printed with fewer values than cells: the values in order with
 * gaps left, a single gap filled only where the row's arithmetic gives its value back.
 */
final class LostValues {
  private LostValues() {}

  /**
   * Places k values into n cells in order, leaving n−k gaps. Where one gap remains and the row's arithmetic
   * fixes its value the gap is filled with it; placements that break the arithmetic are dropped.
   */
  static List<String[]> placeWithGaps(List<String> tokens, int n, Constraint constraint) {
    List<String[]> out = new ArrayList<>();
    int k = tokens.size();
    if (k == 0 || n - k > 3) {
      return out;
    }
    for (String t : tokens) {
      if (t != null && t.length() > 1 && t.charAt(0) == '0' && ValueScanner.isDigits(t)) {
        return out; // "00" is two values run together, never one value
      }
    }
    int[] positions = new int[k];
    choose(positions, 0, 0, n, tokens, constraint, out);
    return out;
  }

  private static void choose(int[] positions, int index, int start, int n, List<String> tokens,
      Constraint constraint, List<String[]> out) {
    int k = tokens.size();
    if (index == k) {
      String[] cells = new String[n];
      for (int i = 0; i < k; i++) {
        cells[positions[i]] = tokens.get(i);
      }
      String[] filled = fillOneGap(cells, constraint);
      if (filled != null) {
        out.add(filled);
      }
      return;
    }
    for (int p = start; p <= n - (k - index); p++) {
      positions[index] = p;
      choose(positions, index + 1, p + 1, n, tokens, constraint, out);
    }
  }

  /** Tries small values for a single gap; returns the cells with the gap filled, or null when none fits. */
  private static String[] fillOneGap(String[] cells, Constraint constraint) {
    int gaps = 0;
    int gap = -1;
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] == null) {
        gaps++;
        gap = i;
      }
    }
    Long[] values = CellSolver.parse(cells);
    if (gaps != 1 || !constraint.isSum()) {
      return constraint.test(values) ? cells : null;
    }
    // The arithmetic of a row is a sum, so the gap's value is the difference; find it by trying the
    // candidates the other cells imply rather than knowing the rule here.
    for (long candidate : impliedValues(values, gap)) {
      values[gap] = candidate;
      if (candidate >= 0 && constraint.test(values)) {
        String[] filled = cells.clone();
        filled[gap] = Long.toString(candidate);
        return filled;
      }
    }
    return null;
  }

  /** Values a single gap could take in a row whose last cell is the sum of the others. */
  private static long[] impliedValues(Long[] values, int gap) {
    long sumOthers = 0;
    int last = values.length - 1;
    for (int i = 0; i < values.length; i++) {
      if (i != gap && i != last && values[i] != null) {
        sumOthers += values[i];
      }
    }
    if (gap == last) {
      return new long[] {sumOthers};
    }
    long total = values[last] == null ? 0 : values[last];
    return new long[] {total - sumOthers};
  }
}
