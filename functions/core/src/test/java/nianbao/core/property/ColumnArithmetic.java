package nianbao.core.property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;

/**
 * Narrows the readings of table B's rows by the columns' arithmetic: a reading of one row survives when
 * some choice of readings for all other rows makes B1 (新收 + 上年结转 = 总计 + 结转下年度) and B3 (总计 = the
 * 21 outcome rows) hold in every column where their cells are all printed. What survives is exactly what
 * the printed table still determines; where two readings survive, the value is lost.
 *
 * <p>This is the test's own oracle, written from docs/FORMAT.md's rules, not from the recogniser's code: a
 * depth-first search per (row, reading) with bounds on the column sums.
 */
final class ColumnArithmetic {
  /** Search steps before the oracle gives up on one question and keeps the reading (never stricter). */
  private static final long BUDGET = 2_000_000;

  private static final int COLUMNS = 7;

  /** @param exhaustive false when some search ran out of budget and kept readings it could not rule out */
  record Narrowed(Map<String, List<Long[]>> readings, boolean exhaustive) {}

  private ColumnArithmetic() {}

  static Narrowed narrow(Map<String, List<Long[]>> readings) {
    List<String> order = searchOrder(readings);
    Map<String, List<Long[]>> kept = new LinkedHashMap<>(readings);
    boolean exhaustive = true;
    for (String row : order) {
      List<Long[]> viable = new ArrayList<>();
      for (Long[] reading : readings.get(row)) {
        Search search = new Search(readings, order, row, reading);
        if (search.feasible(0) || search.steps > BUDGET) {
          viable.add(reading);
          exhaustive &= search.steps <= BUDGET;
        }
      }
      kept.put(row, viable);
    }
    return new Narrowed(kept, exhaustive);
  }

  /** The rows with more than one reading: the four rows of B1 first, then the outcome rows for B3. */
  private static List<String> searchOrder(Map<String, List<Long[]>> readings) {
    List<String> order = new ArrayList<>();
    for (String row : List.of("total", "newReceived", "carriedOver", "carriedForward")) {
      if (readings.get(row).size() > 1) {
        order.add(row);
      }
    }
    for (String row : Applications.OUTCOME_ROWS) {
      if (readings.get(row).size() > 1) {
        order.add(row);
      }
    }
    return order;
  }

  private static final class Search {
    private final Map<String, List<Long[]>> readings;
    private final List<String> order;
    private final Map<String, Long[]> chosen = new LinkedHashMap<>();
    long steps;

    Search(Map<String, List<Long[]>> readings, List<String> order, String fixedRow, Long[] fixedReading) {
      this.readings = readings;
      this.order = new ArrayList<>(order);
      this.order.remove(fixedRow);
      readings.forEach((row, list) -> {
        if (list.size() == 1) {
          chosen.put(row, list.get(0));
        }
      });
      chosen.put(fixedRow, fixedReading);
    }

    boolean feasible(int next) {
      if (++steps > BUDGET || !consistent()) {
        return false;
      }
      if (next == order.size()) {
        return true;
      }
      String row = order.get(next);
      for (Long[] reading : readings.get(row)) {
        chosen.put(row, reading);
        if (feasible(next + 1)) {
          return true;
        }
      }
      chosen.remove(row);
      return false;
    }

    /** No rule is broken by the rows chosen so far, and B3 can still hold given the rows still open. */
    private boolean consistent() {
      for (int c = 0; c < COLUMNS; c++) {
        Long received = cell("newReceived", c);
        Long over = cell("carriedOver", c);
        Long total = cell("total", c);
        Long forward = cell("carriedForward", c);
        if (received != null && over != null && total != null && forward != null
            && received + over != total + forward) {
          return false;
        }
        if (total != null && !outcomesCanSumTo(total, c)) {
          return false;
        }
      }
      return true;
    }

    private boolean outcomesCanSumTo(long total, int c) {
      long low = 0;
      long high = 0;
      for (String row : Applications.OUTCOME_ROWS) {
        Long[] reading = chosen.get(row);
        List<Long[]> open = reading == null ? readings.get(row) : List.<Long[]>of(reading);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Long[] r : open) {
          if (r[c] == null) {
            return true; // a blank cell in this column: B3 is not applied to it
          }
          min = Math.min(min, r[c]);
          max = Math.max(max, r[c]);
        }
        low += min;
        high += max;
      }
      return low <= total && total <= high;
    }

    private Long cell(String row, int c) {
      Long[] reading = chosen.get(row);
      return reading == null ? null : reading[c];
    }
  }
}
