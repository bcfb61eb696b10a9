package nianbao.core.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a damaged row still says: every way of reading the values the layout printed as the row's cells
 * that keeps the row's own arithmetic (B2 for table B, C1 for table C). Computed from the printed text
 * alone, independently of the recogniser, so the tests know where a layout really lost information: where
 * several readings remain, and the columns (see {@link ColumnArithmetic}) cannot choose, a cell may be null.
 */
final class Readings {
  private Readings() {}

  /** A row's arithmetic over its cells; a null cell (blank) is never checked against. */
  interface Arithmetic {
    boolean holds(Long[] cells);

    /** Called with cells filled from the left up to {@code filled}, to cut the enumeration early. */
    default boolean partlyHolds(Long[] cells, int filled) {
      return true;
    }
  }

  /** B2: the last cell is the sum of the others. */
  static final Arithmetic ROW_TOTAL = cells -> sumHolds(cells, 0, cells.length - 1);

  /** C1: each group of five ends with the sum of its four results. */
  static final Arithmetic GROUP_TOTALS = new Arithmetic() {
    @Override
    public boolean holds(Long[] cells) {
      return partlyHolds(cells, cells.length);
    }

    @Override
    public boolean partlyHolds(Long[] cells, int filled) {
      for (int g = 0; g + 5 <= filled; g += 5) {
        if (!sumHolds(cells, g, g + 4)) {
          return false;
        }
      }
      return true;
    }
  };

  /** Table A's rows have no arithmetic: every split is a reading. */
  static final Arithmetic NONE = cells -> true;

  /**
   * @param printed the row as printed: its value tokens in order (a token may be digits run together)
   * @param cells   how many cells the row has
   */
  static List<Long[]> of(PrintedRow printed, int cells, Arithmetic arithmetic) {
    List<String> tokens = printed.tokens();
    List<Long[]> out = new ArrayList<>();
    if (printed.onlyTotal()) {
      // The cells before the total are blank in the document itself: nothing was lost, they are null.
      Long[] row = new Long[cells];
      row[cells - 1] = Long.parseLong(tokens.get(0));
      out.add(row);
      return out;
    }
    if (tokens.size() > cells) {
      reduce(tokens, cells, arithmetic, out);
    } else {
      split(tokens, 0, 0, 0, new Long[cells], arithmetic, out);
      if (tokens.size() == cells - 1 && arithmetic == ROW_TOTAL) {
        fillOneGap(tokens, cells, out);
      }
    }
    return distinct(out);
  }

  /** Whether reading some token as several numbers run together gives the row its cells and arithmetic. */
  static boolean splitHolds(List<String> tokens, int cells, Arithmetic arithmetic) {
    List<Long[]> out = new ArrayList<>();
    split(tokens, 0, 0, 0, new Long[cells], arithmetic, out);
    return !out.isEmpty();
  }

  // ---- digits run together: each token is one or more whole numbers --------------------------------

  private static void split(List<String> tokens, int token, int offset, int filled, Long[] cells,
      Arithmetic arithmetic, List<Long[]> out) {
    if (token == tokens.size()) {
      if (filled == cells.length && arithmetic.holds(cells)) {
        out.add(cells.clone());
      }
      return;
    }
    String digits = tokens.get(token);
    int cellsLeft = cells.length - filled;
    if (cellsLeft == 0 || digits.length() - offset < 1) {
      return;
    }
    // A number never starts with 0 unless it is 0 itself; none of these counts has 13 digits.
    int longest = digits.charAt(offset) == '0' ? 1 : Math.min(12, digits.length() - offset);
    for (int length = 1; length <= longest; length++) {
      cells[filled] = Long.parseLong(digits.substring(offset, offset + length));
      if (!arithmetic.partlyHolds(cells, filled + 1)) {
        continue;
      }
      if (offset + length == digits.length()) {
        split(tokens, token + 1, 0, filled + 1, cells, arithmetic, out);
      } else {
        split(tokens, token, offset + length, filled + 1, cells, arithmetic, out);
      }
    }
    cells[filled] = null;
  }

  // ---- a value too few: it may have been any of the cells; B2 gives its value ------------------------

  private static void fillOneGap(List<String> tokens, int cells, List<Long[]> out) {
    for (int gap = 0; gap < cells; gap++) {
      Long[] row = new Long[cells];
      for (int i = 0, t = 0; i < cells; i++) {
        if (i != gap) {
          row[i] = Long.parseLong(tokens.get(t++));
        }
      }
      long others = 0;
      for (int i = 0; i < cells - 1; i++) {
        others += i == gap ? 0 : row[i];
      }
      row[gap] = gap == cells - 1 ? others : row[cells - 1] - others;
      if (row[gap] >= 0) {
        out.add(row);
      }
    }
  }

  // ---- values too many: an extra value printed, or one number broken in two by a space ---------------

  private static void reduce(List<String> tokens, int cells, Arithmetic arithmetic, List<Long[]> out) {
    if (tokens.size() == cells) {
      Long[] row = tokens.stream().map(Long::parseLong).toArray(Long[]::new);
      if (arithmetic.holds(row)) {
        out.add(row);
      }
      return;
    }
    for (int i = 0; i < tokens.size(); i++) {
      List<String> dropped = new ArrayList<>(tokens);
      dropped.remove(i);
      reduce(dropped, cells, arithmetic, out);
      if (i + 1 < tokens.size() && !tokens.get(i).equals("0")) {
        List<String> joined = new ArrayList<>(tokens);
        joined.set(i, tokens.get(i) + tokens.get(i + 1));
        joined.remove(i + 1);
        reduce(joined, cells, arithmetic, out);
      }
    }
  }

  private static boolean sumHolds(Long[] cells, int from, int totalAt) {
    long sum = 0;
    for (int i = from; i < totalAt; i++) {
      if (cells[i] == null) {
        return true;
      }
      sum += cells[i];
    }
    return cells[totalAt] == null || cells[totalAt] == sum;
  }

  private static List<Long[]> distinct(List<Long[]> readings) {
    List<Long[]> out = new ArrayList<>();
    for (Long[] r : readings) {
      if (out.stream().noneMatch(o -> Arrays.equals(o, r))) {
        out.add(r);
      }
    }
    return out;
  }

  /** Where all readings agree, that value; elsewhere null (the layout lost it, or never printed it). */
  static Long[] agreed(List<Long[]> readings, int cells) {
    Long[] out = new Long[cells];
    for (int c = 0; c < cells && !readings.isEmpty(); c++) {
      Long v = readings.get(0)[c];
      for (Long[] r : readings) {
        if (!Objects.equals(v, r[c])) {
          v = null;
          break;
        }
      }
      out[c] = v;
    }
    return out;
  }
}
