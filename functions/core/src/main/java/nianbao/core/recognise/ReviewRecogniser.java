package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Location;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.ReviewAndLitigation.Group;
import nianbao.core.vocabulary.Vocabulary;

/**
 * Table C (行政复议、行政诉讼): fifteen cells printed as one row of numbers under a two-level header, in the
 * order 行政复议, 未经复议直接起诉, 复议后起诉, each 维持, 纠正, 其他, 尚未审结, 总计.
 */
final class ReviewRecogniser {
  static final String SECTION = "四";
  private static final int CELLS = 15;

  /** C1 for each group of five: the total is the sum of the four results. Prunes as each group fills. */
  static final CellSolver.Constraint GROUP_SUMS = new CellSolver.Constraint() {
    @Override
    public boolean test(Long[] v) {
      return partial(v, CELLS);
    }

    @Override
    public boolean partial(Long[] v, int filled) {
      for (int g = 0; g + 5 <= filled; g += 5) {
        long sum = 0;
        boolean complete = true;
        for (int i = g; i < g + 4; i++) {
          if (v[i] == null) {
            complete = false;
            break;
          }
          sum += v[i];
        }
        if (complete && v[g + 4] != null && v[g + 4] != sum) {
          return false;
        }
      }
      return true;
    }
  };

  record Result(ReviewAndLitigation table, boolean found) {}

  /** Each group's cells, in {@link ReviewAndLitigation#GROUPS} order. */
  private static final TemplateCell[][] TEMPLATE_CELLS = ReviewAndLitigation.GROUPS.stream()
      .map(group -> TemplateCell.row(SECTION, group, ReviewAndLitigation.CELLS)).toArray(TemplateCell[][]::new);

  private ReviewRecogniser() {}

  static Result recognise(FlatText flat, int from, int to, RecognitionNotes notes) {
    ValueScanner.Runs runs = ValueScanner.runs(flat.text, from, to, CELLS);
    List<String> tokens = runs.tokens();
    if (tokens.isEmpty()) {
      for (String group : ReviewAndLitigation.GROUPS) {
        notes.missing(Location.row(SECTION, group));
      }
      return new Result(blank(), false);
    }
    CellSolver.Solution solution = CellSolver.solve(tokens, CELLS, GROUP_SUMS, false);
    String[] cells = solution.agreed(CELLS);
    List<String> doubts = doubts(solution, tokens, runs.count(), cells);
    if (runs.count() > 1 && !doubts.isEmpty()) {
      // values gathered from between header words: their order is not certain once C1 fails
      cells = new String[CELLS];
    }
    notes.unsure(SECTION, doubts);
    long[] spans = CellSpans.match(flat.text, tokens, cells, CellSpans.splits(solution));
    List<Group> groups = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      String groupKey = ReviewAndLitigation.GROUPS.get(g);
      List<Long> values = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        values.add(notes.count(TEMPLATE_CELLS[g][i], cells[g * 5 + i], tokens, spans[g * 5 + i]));
      }
      groups.add(Group.of(values));
    }
    notes.placement(Location.section(SECTION), solution, tokens, cells);
    return new Result(new ReviewAndLitigation(groups.get(0), groups.get(1), groups.get(2)), true);
  }

  /**
   * Why table C is unsure: cells left open, or C1 failing where the values were repaired or gathered from
   * several runs between header words (a conversion that printed the header and the numbers interleaved).
   */
  private static List<String> doubts(CellSolver.Solution solution, List<String> tokens, int runs, String[] cells) {
    List<String> out = new ArrayList<>();
    boolean printedAny = ValueScanner.holdsValue(tokens);
    if (printedAny && !solution.certain() && java.util.Arrays.stream(cells).anyMatch(c -> c == null)) {
      out.add("数值无法唯一放置");
    }
    if (!solution.certain() || runs > 1) {
      Long[] values = CellSolver.parse(cells);
      List<String> failed = new ArrayList<>();
      for (int g = 0; g < 3; g++) {
        Long[] group = java.util.Arrays.copyOfRange(values, g * 5, g * 5 + 5);
        Long[] padded = new Long[CELLS];
        System.arraycopy(group, 0, padded, 0, 5);
        if (!GROUP_SUMS.partial(padded, 5)) {
          failed.add(Vocabulary.rowName(ReviewAndLitigation.GROUPS.get(g)));
        }
      }
      if (!failed.isEmpty()) {
        out.add((runs > 1 ? "数值与表头交错印出" : "数值经修复") + "，C1 核对不符（" + String.join("、", failed) + "）");
      }
    }
    return out;
  }

  static ReviewAndLitigation blank() {
    Group empty = new Group(null, null, null, null, null);
    return new ReviewAndLitigation(empty, empty, empty);
  }
}
