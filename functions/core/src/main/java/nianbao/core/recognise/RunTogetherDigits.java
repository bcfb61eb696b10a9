package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.recognise.CellSolver.Budget;
import nianbao.core.recognise.CellSolver.Constraint;

/**
 * {@link CellSolver}'s search for a row whose digits ran together ("0 0 7" printed as "007"): every way the
 * runs of digits split into the row's cells, kept only where the row's arithmetic holds, within a budget.
 */
final class RunTogetherDigits {
  private RunTogetherDigits() {}

  /** Marks a cell cut from a run of digits during the search; its text is made from its value when kept. */
  private static final String SPLIT_PART = new String("split-part");

  /** @return false when the search was cut off by the budget */
  static boolean enumerateSplits(List<String> tokens, int n, Constraint constraint, List<String[]> out,
      Budget budget) {
    split(tokens, 0, 0, new String[n], new Long[n], constraint, out, budget);
    return budget.left();
  }

  private static void split(List<String> tokens, int tokenIndex, int filled, String[] cells, Long[] values,
      Constraint constraint, List<String[]> out, Budget budget) {
    if (!budget.spend()) {
      return;
    }
    int n = cells.length;
    if (tokenIndex == tokens.size()) {
      if (filled == n && constraint.test(values)) {
        String[] kept = cells.clone();
        for (int i = 0; i < n; i++) {
          if (kept[i] == SPLIT_PART) {
            kept[i] = Long.toString(values[i]);
          }
        }
        out.add(kept);
      }
      return;
    }
    String token = tokens.get(tokenIndex);
    int tokensLeft = tokens.size() - tokenIndex - 1;
    if (token == null || !ValueScanner.isDigits(token) || token.length() == 1) {
      if (filled < n) {
        cells[filled] = token;
        values[filled] = CellSolver.parseCount(token);
        if (constraint.partial(values, filled + 1)) {
          split(tokens, tokenIndex + 1, filled + 1, cells, values, constraint, out, budget);
        }
      }
      return;
    }
    splitDigits(tokens, tokenIndex, token, 0, filled, n - tokensLeft, cells, values, constraint, out, budget);
  }

  /** Splits {@code token} from {@code offset}; the token may fill cells up to (excluding) {@code limit}. */
  private static void splitDigits(List<String> tokens, int tokenIndex, String token, int offset, int filled,
      int limit, String[] cells, Long[] values, Constraint constraint, List<String[]> out, Budget budget) {
    if (!budget.left() || filled >= limit) {
      return;
    }
    int remaining = token.length() - offset;
    int maxLen = token.charAt(offset) == '0' ? 1 : Math.min(remaining, 12);
    long value = 0;
    for (int len = 1; len <= maxLen; len++) {
      // parts never start with 0 (but "0" itself), so a part's text is its value's: made only when kept
      value = value * 10 + (token.charAt(offset + len - 1) - '0');
      cells[filled] = SPLIT_PART;
      values[filled] = value;
      if (!constraint.partial(values, filled + 1)) {
        continue;
      }
      if (offset + len == token.length()) {
        split(tokens, tokenIndex + 1, filled + 1, cells, values, constraint, out, budget);
      } else {
        splitDigits(tokens, tokenIndex, token, offset + len, filled + 1, limit, cells, values, constraint, out,
            budget);
      }
      if (!budget.spend()) {
        return;
      }
    }
    cells[filled] = null;
    values[filled] = null;
  }

  /**
   * Splits for a row whose last cell is the sum of the others, searched from the total: each way the last
   * token can end in the total, then the rest split into numbers whose running sum never passes it. Far
   * fewer placements than splitting blindly, so long runs of digits (22 and more) are still searched
   * through. Only for tokens whose last one is all digits ({@link #suitsSumSearch}); false when the budget
   * ran out.
   */
  static boolean suitsSumSearch(List<String> tokens) {
    String last = tokens.get(tokens.size() - 1);
    return last != null && ValueScanner.isDigits(last);
  }

  static boolean sumRowSplits(List<String> tokens, int n, List<String[]> out, Budget budget) {
    String last = tokens.get(tokens.size() - 1);
    for (int length = 1; length <= Math.min(12, last.length()); length++) {
      String total = last.substring(last.length() - length);
      if (total.length() > 1 && total.charAt(0) == '0') {
        continue;
      }
      long sum = Long.parseLong(total);
      List<String> rest = new ArrayList<>(tokens.subList(0, tokens.size() - 1));
      if (length < last.length()) {
        rest.add(last.substring(0, last.length() - length));
      }
      if (rest.isEmpty()) {
        continue;
      }
      Constraint addsUp = new Constraint() {
        @Override
        public boolean test(Long[] values) {
          long s = 0;
          for (Long v : values) {
            if (v == null) {
              return false;
            }
            s += v;
          }
          return s == sum;
        }

        @Override
        public boolean partial(Long[] values, int filled) {
          long s = 0;
          for (int i = 0; i < filled; i++) {
            if (values[i] != null) {
              s += values[i];
            }
          }
          return s <= sum;
        }
      };
      List<String[]> heads = new ArrayList<>();
      split(rest, 0, 0, new String[n - 1], new Long[n - 1], addsUp, heads, budget);
      for (String[] head : heads) {
        String[] cells = java.util.Arrays.copyOf(head, n);
        cells[n - 1] = total;
        out.add(cells);
      }
    }
    return budget.left();
  }
}
