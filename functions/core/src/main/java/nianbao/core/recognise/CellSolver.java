package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Places the tokens printed after one label into the cells the row should have.
 *
 * <p>When the count is right, the tokens are the cells. When it is not, extraction damaged the row — digits
 * run together, a value lost, a value too many, numbers broken by spaces — and every placement the tokens
 * allow is generated, then kept only if it satisfies the row's own arithmetic. The caller fixes the cells
 * on which all kept placements agree and leaves the rest {@code null}; a placement is never invented.
 */
final class CellSolver {
  /**
   * Placements explored for one row, and for one table, before giving up: a report whose every row is a
   * long run of digits still reads in well under a second. Cells left undecided stay null, and S2 says so.
   */
  static final int ROW_NODES = 60_000;

  static final int TABLE_NODES = 400_000;

  /** What a table may still spend on searching placements; each row may take a share of it. */
  static final class Budget {
    private int nodes;

    Budget(int nodes) {
      this.nodes = nodes;
    }

    static Budget forTable() {
      return new Budget(TABLE_NODES);
    }

    /** A row's own budget, at most {@link #ROW_NODES} of what is left; {@link #settle} pays it back. */
    Budget forRow() {
      return new Budget(Math.min(ROW_NODES, nodes));
    }

    void settle(Budget row, int granted) {
      nodes -= granted - Math.max(0, row.nodes);
    }

    /** Spends one step; false when nothing is left. */
    boolean spend() {
      return --nodes > 0;
    }

    boolean left() {
      return nodes > 0;
    }

    /** Steps still to spend (what a test of the search bound counts). */
    int remaining() {
      return nodes;
    }
  }

  enum Kind {
    /** As many tokens as cells. */
    EXACT,
    /** No value printed at all: every cell blank. */
    BLANK,
    /** Digits run together, split by the row's arithmetic. */
    SPLIT,
    /** One value only, taken as the total column (the template allows filling only 总计). */
    TOTAL_ONLY,
    /** Fewer values than cells: placed by the row's arithmetic where it decides. */
    TOO_FEW,
    /** Fewer values than cells, and both a split and a lost value fit the row; the columns decide. */
    SPLIT_OR_TOO_FEW,
    /** More values than cells: the extra one dropped, or numbers broken by a space joined. */
    TOO_MANY,
    /** Labels and numbers printed apart: the row's values taken in template order, confirmed by arithmetic. */
    TEMPLATE_ORDER
  }

  /** Row arithmetic: {@code test} sees a full placement (cells may be null when blank or not a number). */
  interface Constraint {
    boolean test(Long[] values);

    /** Called as cells are filled from the left, to prune early; {@code filled} cells are set. */
    default boolean partial(Long[] values, int filled) {
      return true;
    }

    /** True when the last cell is the sum of the others, so a single lost cell is their difference. */
    default boolean isSum() {
      return false;
    }

    Constraint NONE = values -> true;
  }

  /** The placements kept; each holds the printed text of each cell, or null for a blank cell. */
  record Solution(Kind kind, List<String[]> candidates, boolean constraintHeld) {
    boolean certain() {
      return kind == Kind.EXACT || kind == Kind.BLANK;
    }

    /** Cells on which every candidate agrees; the others null. */
    String[] agreed(int n) {
      String[] out = new String[n];
      if (candidates.isEmpty()) {
        return out;
      }
      String[] first = candidates.get(0);
      for (int c = 0; c < n; c++) {
        String v = first[c];
        for (String[] other : candidates) {
          if (!java.util.Objects.equals(v, other[c])) {
            v = null;
            break;
          }
        }
        out[c] = v;
      }
      return out;
    }
  }

  private CellSolver() {}

  static Solution solve(List<String> printed, int n, Constraint constraint, boolean totalOnlyAllowed) {
    return solve(printed, n, constraint, totalOnlyAllowed, Budget.forTable());
  }

  static Solution solve(List<String> printed, int n, Constraint constraint, boolean totalOnlyAllowed,
      Budget table) {
    Budget row = table.forRow();
    int granted = Math.min(ROW_NODES, table.nodes);
    try {
      return solveRow(printed, n, constraint, totalOnlyAllowed, row);
    } finally {
      table.settle(row, granted);
    }
  }

  private static Solution solveRow(List<String> printed, int n, Constraint constraint, boolean totalOnlyAllowed,
      Budget budget) {
    List<String> tokens = new ArrayList<>(printed);
    // empty cells after a label go first: they are more likely a merged label column than a blank value
    for (int i = 0; i < tokens.size() && tokens.size() > n; ) {
      if (tokens.get(i) == ValueScanner.SOFT_BLANK) {
        tokens.remove(i);
      } else {
        i++;
      }
    }
    tokens.replaceAll(t -> t == ValueScanner.SOFT_BLANK ? null : t);
    while (tokens.size() > n && tokens.get(tokens.size() - 1) == null) {
      tokens.remove(tokens.size() - 1);
    }
    while (tokens.size() > n && tokens.get(0) == null) {
      tokens.remove(0);
    }
    if (tokens.stream().allMatch(t -> t == null)) {
      return new Solution(Kind.BLANK, List.<String[]>of(new String[n]), true);
    }
    if (tokens.size() == n) {
      String[] cells = tokens.toArray(new String[0]);
      return new Solution(Kind.EXACT, List.<String[]>of(cells), constraint.test(parse(cells)));
    }
    if (tokens.size() < n) {
      List<String[]> splits = new ArrayList<>();
      boolean complete = constraint.isSum() && RunTogetherDigits.suitsSumSearch(tokens)
          ? RunTogetherDigits.sumRowSplits(tokens, n, splits, budget)
          : RunTogetherDigits.enumerateSplits(tokens, n, constraint, splits, budget);
      dedupe(splits);
      // A value lost and digits run together can both fit one row; both stay candidates and the
      // columns (B1, B3) choose. A lost value counts only where the row's arithmetic gives it back.
      List<String[]> placed = LostValues.placeWithGaps(tokens, n, constraint);
      dedupe(placed);
      List<String[]> oneGap = placed.stream().filter(c -> java.util.Arrays.stream(c).allMatch(v -> v != null))
          .toList();
      if (!splits.isEmpty() || !oneGap.isEmpty()) {
        List<String[]> both = new ArrayList<>(splits);
        both.addAll(oneGap);
        dedupe(both);
        Kind kind = oneGap.isEmpty() ? Kind.SPLIT : splits.isEmpty() ? Kind.TOO_FEW : Kind.SPLIT_OR_TOO_FEW;
        return new Solution(kind, both, true);
      }
      if (totalOnlyAllowed && tokens.size() == 1 && tokens.get(0).length() < n) {
        String[] cells = new String[n];
        cells[n - 1] = tokens.get(0);
        return new Solution(Kind.TOTAL_ONLY, List.<String[]>of(cells), true);
      }
      if (!placed.isEmpty()) {
        return new Solution(Kind.TOO_FEW, placed, true);
      }
      return new Solution(Kind.TOO_FEW, complete ? List.of() : List.<String[]>of(new String[n]), false);
    }
    List<String[]> reduced = new ArrayList<>();
    if (!reduce(tokens, n, constraint, reduced, true, budget)) {
      return undecided(n);
    }
    if (!reduced.isEmpty()) {
      return new Solution(Kind.TOO_MANY, reduced, true);
    }
    if (!reduce(tokens, n, constraint, reduced, false, budget)) {
      return undecided(n);
    }
    return new Solution(Kind.TOO_MANY, reduced, false);
  }

  /** Too many values and the search cut off by the budget: a part of the reductions decides nothing. */
  private static Solution undecided(int n) {
    return new Solution(Kind.TOO_MANY, List.<String[]>of(new String[n]), false);
  }

  /** Every printed cell is a number (a blank counts as one): "2." or "1.2.3" is not. */
  static boolean allNumeric(String[] cells) {
    for (String cell : cells) {
      if (cell != null && !isNumber(cell)) {
        return false;
      }
    }
    return true;
  }

  static boolean isNumber(String cell) {
    int n = cell.length();
    int i = n > 0 && cell.charAt(0) == '-' ? 1 : 0;
    int digits = 0;
    int dots = 0;
    for (; i < n; i++) {
      char c = cell.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && digits > 0 && dots == 0 && i + 1 < n) {
        dots++;
      } else {
        return false;
      }
    }
    return digits > 0;
  }

  static Long[] parse(String[] cells) {
    Long[] values = new Long[cells.length];
    for (int i = 0; i < cells.length; i++) {
      values[i] = parseCount(cells[i]);
    }
    return values;
  }

  /** A printed integer (a leading minus allowed, so rule N1 can see it), or null. */
  static Long parseCount(String cell) {
    if (cell == null || cell.isEmpty() || cell.length() > 15) {
      return null;
    }
    int start = cell.charAt(0) == '-' ? 1 : 0;
    if (start == cell.length()) {
      return null;
    }
    long v = 0;
    for (int i = start; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return start == 1 ? -v : v;
  }

  // ---- too many values: drop extras or join numbers broken by a space --------------------------------

  /** @return false when the search was cut off by the budget */
  private static boolean reduce(List<String> tokens, int n, Constraint constraint, List<String[]> out,
      boolean requireConstraint, Budget budget) {
    int extra = tokens.size() - n;
    if (extra > 3) {
      out.add(new String[n]);
      return true;
    }
    boolean complete = reduceRec(tokens, extra, constraint, out, requireConstraint, new HashSet<>(), budget);
    dedupe(out);
    return complete;
  }

  /**
   * Every way to drop {@code extra} tokens or join neighbours. Different orders of the same drops and joins
   * reach the same tokens again ("0 0 0": dropping either zero); a state seen before has already added all
   * it can, in the same order, so it is skipped — the candidates after {@link #dedupe} are the same.
   */
  private static boolean reduceRec(List<String> tokens, int extra, Constraint constraint, List<String[]> out,
      boolean requireConstraint, Set<List<String>> seen, Budget budget) {
    if (!budget.spend()) {
      return false;
    }
    if (!seen.add(tokens)) {
      return true;
    }
    if (extra == 0) {
      String[] cells = tokens.toArray(new String[0]);
      if (!requireConstraint || allNumeric(cells) && constraint.test(parse(cells))) {
        out.add(cells);
      }
      return true;
    }
    for (int i = 0; i < tokens.size(); i++) {
      List<String> dropped = new ArrayList<>(tokens);
      dropped.remove(i);
      if (!reduceRec(dropped, extra - 1, constraint, out, requireConstraint, seen, budget)) {
        return false;
      }
      if (i + 1 < tokens.size() && tokens.get(i) != null && tokens.get(i + 1) != null
          && ValueScanner.isDigits(tokens.get(i)) && ValueScanner.isDigits(tokens.get(i + 1))
          && !tokens.get(i).equals("0")) {
        List<String> joined = new ArrayList<>(tokens);
        joined.set(i, tokens.get(i) + tokens.get(i + 1));
        joined.remove(i + 1);
        if (!reduceRec(joined, extra - 1, constraint, out, requireConstraint, seen, budget)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Drops repeated candidates, keeping the first of each in order (a hash set: reductions may be thousands). */
  private static void dedupe(List<String[]> candidates) {
    if (candidates.size() < 2) {
      return;
    }
    Set<List<String>> seen = new HashSet<>();
    candidates.removeIf(c -> !seen.add(Arrays.asList(c)));
  }
}
