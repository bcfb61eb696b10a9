package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;
import nianbao.core.model.Location;
import nianbao.core.recognise.CellSolver.Solution;
import nianbao.core.vocabulary.Vocabulary;

/** Table B (收到和处理政府信息公开申请情况): 25 rows × 7 columns, found row by row by their labels. */
final class ApplicationsRecogniser {
  static final String SECTION = "三";
  private static final int COLUMNS = 7;

  private static final List<RowSpec> HEAD = List.of(
      RowSpec.of("newReceived", 0, COLUMNS, "本年新收", "新收政府信息"),
      RowSpec.of("carriedOver", 0, COLUMNS, "上年结转"),
      RowSpec.of("granted", 0, COLUMNS, "予以公开"),
      RowSpec.of("partiallyGranted", 0, COLUMNS, "部分公开"),
      RowSpec.of("denied.stateSecret", 1, COLUMNS, "国家秘密"),
      RowSpec.of("denied.prohibitedByLaw", 2, COLUMNS, "禁止公开"),
      RowSpec.of("denied.threeSecurityOneStability", 3, COLUMNS, "三安全", "一稳定"),
      RowSpec.of("denied.thirdPartyRights", 4, COLUMNS, "第三方"),
      RowSpec.of("denied.internalAffairs", 5, COLUMNS, "内部事务"),
      RowSpec.of("denied.processInformation", 6, COLUMNS, "过程性"),
      RowSpec.of("denied.lawEnforcementFile", 7, COLUMNS, "执法案卷"),
      RowSpec.of("denied.administrativeQuery", 8, COLUMNS, "行政查询", "查询事项"),
      RowSpec.of("unavailable.notHeld", 1, COLUMNS, "不掌握"),
      RowSpec.of("unavailable.needsCreation", 2, COLUMNS, "另行制作", "现成信息"),
      RowSpec.of("unavailable.unclearAfterCorrection", 3, COLUMNS, "仍不明确", "不明确"),
      RowSpec.of("notProcessed.complaint", 1, COLUMNS, "信访", "举报投诉"),
      RowSpec.of("notProcessed.duplicate", 2, COLUMNS, "重复申请"),
      RowSpec.of("notProcessed.publication", 3, COLUMNS, "出版物"),
      RowSpec.of("notProcessed.massRepeated", 4, COLUMNS, "反复申请"),
      RowSpec.of("notProcessed.confirmation", 5, COLUMNS, "重新出具", "确认或"));

  /** （六）其他处理 as three rows (2021 template). */
  private static final List<RowSpec> OTHER_THREE = List.of(
      RowSpec.of("other.overdueCorrection", 1, COLUMNS, "不补正"),
      RowSpec.of("other.overdueFee", 2, COLUMNS, "缴纳费用", "收费通知"),
      RowSpec.of("other.other", 3, COLUMNS, "其他"));

  /** （六）其他处理 as one row (2019 template, and some 2021 reports). */
  private static final List<RowSpec> OTHER_ONE = List.of(
      RowSpec.of("other.other", 0, COLUMNS, "其他处理"));

  private static final List<RowSpec> TAIL = List.of(
      RowSpec.of("total", 0, COLUMNS, "总计"),
      RowSpec.of("carriedForward", 0, COLUMNS, "结转下年", "继续办理"));

  static final List<RowSpec> ROWS_2021 = concat(HEAD, OTHER_THREE, TAIL);
  static final List<RowSpec> ROWS_ONE_OTHER = concat(HEAD, OTHER_ONE, TAIL);
  private static final Map<String, TemplateCell[]> CELLS =
      TemplateCell.rows(SECTION, concat(ROWS_2021, OTHER_ONE), Applications.COLUMNS);

  /** B2 as the arithmetic of one row: the total column is the sum of the six applicant columns. */
  static final CellSolver.Constraint ROW_SUM = new CellSolver.Constraint() {
    @Override
    public boolean test(Long[] v) {
      long sum = 0;
      for (int i = 0; i < 6; i++) {
        if (v[i] == null) {
          return true;
        }
        sum += v[i];
      }
      return v[6] == null || v[6] == sum;
    }

    @Override
    public boolean isSum() {
      return true;
    }
  };

  record Result(Applications table, boolean found, boolean oneOtherRow) {}

  private ApplicationsRecogniser() {}

  static Result recognise(FlatText flat, int from, int to, RecognitionNotes notes) {
    String compact = flat.compact;
    int cFrom = flat.compactPos(from);
    int cTo = flat.compactPos(to);
    // Any of the three rows' own words: one of them may be damaged (逾期补正 for 逾期不补正).
    boolean oneOtherRow = true;
    for (String word : List.of("不补正", "收费通知", "缴纳费用")) {
      oneOtherRow &= LabelFinder.indexOf(compact, word, cFrom, cTo) < 0;
    }
    List<RowSpec> specs = oneOtherRow ? ROWS_ONE_OTHER : ROWS_2021;
    LabelFinder.Hit[] hits = LabelFinder.find(flat, from, to, specs, SECTION, notes);

    Solution[] solutions = new Solution[specs.size()];
    CellSolver.Budget budget = CellSolver.Budget.forTable();
    List<List<String>> printed = new ArrayList<>();
    List<List<String>> everything = new ArrayList<>();
    List<List<List<String>>> lines = new ArrayList<>();
    boolean[] found = new boolean[specs.size()];
    boolean[] fits = new boolean[specs.size()];
    int firstLabel = to;
    for (int r = 0; r < specs.size(); r++) {
      LabelFinder.Hit hit = hits[r];
      if (hit == null) {
        printed.add(List.of());
        everything.add(List.of());
        lines.add(List.of());
        continue;
      }
      found[r] = true;
      firstLabel = Math.min(firstLabel, hit.labelStart());
      int nextMarker = r + 1 < specs.size() ? specs.get(r + 1).marker() : 0;
      ValueScanner.Run first = ValueScanner.scanRun(flat.text, hit.labelEnd(), hit.valuesEnd(), nextMarker);
      List<String> tokens = first.tokens();
      // values further on, past words, before the next label: other rows' numbers printed apart from their labels.
      // Where no digit follows the first run, they are the first run's (its marker aside: one value at most
      // more or fewer), so with 12 values or fewer no further rows can follow.
      int own = TemplateOrder.values(tokens).size();
      List<String> all = own <= 2 * COLUMNS - 2 && !ValueScanner.anyDigit(flat.text, first.end(), hit.valuesEnd())
          ? tokens
          : ValueScanner.scanRuns(flat.text, hit.labelEnd(), hit.valuesEnd(), Integer.MAX_VALUE);
      printed.add(tokens);
      boolean moreRowsFollow = all != tokens && TemplateOrder.values(all).size() >= 2 * COLUMNS;
      everything.add(moreRowsFollow ? all : tokens);
      lines.add(moreRowsFollow
          ? ValueScanner.lines(flat.text, hit.labelEnd(), hit.valuesEnd())
          : TemplateOrder.values(tokens).isEmpty() ? List.of() : List.of(tokens));
      fits[r] = all == tokens ? own == COLUMNS : TemplateOrder.fits(true, tokens, all, COLUMNS);
      solutions[r] = CellSolver.solve(tokens, COLUMNS, ROW_SUM, true, budget);
    }
    boolean any = firstLabel < to;
    boolean[] templatePlaced = new boolean[specs.size()];
    Solution[] perRow = solutions.clone();
    List<TemplateOrder.Placement> placements = List.of();
    if (any) {
      // values before the first label matter only to a first row whose own values do not fit
      List<List<String>> leading = fits[0] ? List.of() : ValueScanner.lines(flat.text, from, firstLabel);
      placements = TemplateOrder.place(lines, fits, leading, COLUMNS, ROW_SUM, budget);
      for (TemplateOrder.Placement p : placements) {
        for (int r = p.from(); r < p.to(); r++) {
          solutions[r] = new Solution(CellSolver.Kind.TEMPLATE_ORDER, List.<String[]>of(p.rows().get(r - p.from())),
              true);
          templatePlaced[r] = true;
        }
      }
    }
    ColumnSolver.narrow(specs, solutions);
    String[][] cells = new String[specs.size()][];
    for (int r = 0; r < specs.size(); r++) {
      cells[r] = solutions[r] == null ? new String[COLUMNS] : solutions[r].agreed(COLUMNS);
    }
    List<String> doubts = new ArrayList<>();
    if (!placements.isEmpty() && !confirmTemplateOrder(specs, cells, templatePlaced, doubts)) {
      for (int r = 0; r < specs.size(); r++) {
        if (templatePlaced[r]) {
          templatePlaced[r] = false;
          solutions[r] = perRow[r];
          cells[r] = perRow[r] == null ? new String[COLUMNS] : perRow[r].agreed(COLUMNS);
        }
      }
    }

    List<String> crowded = new ArrayList<>();
    for (int r = 0; r < specs.size(); r++) {
      if (found[r] && !templatePlaced[r] && everything.get(r) != printed.get(r)) {
        // its own run of values may be another row's: more rows' worth follows before the next label
        cells[r] = new String[COLUMNS];
        crowded.add(Vocabulary.rowName(specs.get(r).key()));
      }
    }
    if (!crowded.isEmpty()) {
      doubts.add("标签后印有多行数值，无法确定归属（" + String.join("、", crowded) + "）");
    }

    List<List<String>> readFrom = new ArrayList<>(printed);
    long[][] spans = CellSpans.rows(flat.text, printed, cells, solutions, placements, templatePlaced, readFrom);
    Applications table = Applications.blank();
    for (int r = 0; r < specs.size(); r++) {
      RowSpec spec = specs.get(r);
      if (!found[r] && !templatePlaced[r]) {
        notes.missing(Location.row(SECTION, spec.key()));
        continue;
      }
      List<Long> row = table.rows().get(spec.key());
      TemplateCell[] at = CELLS.get(spec.key());
      for (int c = 0; c < COLUMNS; c++) {
        row.set(c, notes.count(at[c], cells[r][c], readFrom.get(r), spans[r][c]));
      }
      notes.placement(Location.row(SECTION, spec.key()), solutions[r], printed.get(r), cells[r]);
    }
    if (any) {
      notes.unsure(SECTION, doubts(specs, found, templatePlaced, solutions, printed, cells, doubts));
    }
    return new Result(table, any, oneOtherRow);
  }

  /**
   * A template-order placement stands only where the table's columns confirm it: false (and a doubt said) when
   * B1, B2 or B3 fails on a row it placed.
   */
  private static boolean confirmTemplateOrder(List<RowSpec> specs, String[][] cells, boolean[] templatePlaced,
      List<String> doubts) {
    boolean failed = false;
    for (ApplicationsChecks.Failure f : ApplicationsChecks.failures(specs, grid(cells))) {
      for (int r : f.rows()) {
        failed |= templatePlaced[r];
      }
    }
    if (failed) {
      List<String> rows = new ArrayList<>();
      for (int r = 0; r < specs.size(); r++) {
        if (templatePlaced[r]) {
          rows.add(Vocabulary.rowName(specs.get(r).key()));
        }
      }
      doubts.add("标签与数字分离，按模板行序放置后勾稽关系不符，未采用（" + String.join("、", rows) + "）");
    }
    return !failed;
  }

  /** What makes the table unsure: labels not found, placements left open, checks failing on repaired rows. */
  private static List<String> doubts(List<RowSpec> specs, boolean[] found, boolean[] templatePlaced,
      Solution[] solutions, List<List<String>> printed, String[][] cells, List<String> doubts) {
    List<String> missing = new ArrayList<>();
    List<String> open = new ArrayList<>();
    boolean[] repaired = new boolean[specs.size()];
    for (int r = 0; r < specs.size(); r++) {
      String name = Vocabulary.rowName(specs.get(r).key());
      repaired[r] = !found[r] || templatePlaced[r] || solutions[r] == null || !solutions[r].certain();
      if (!found[r] && !templatePlaced[r]) {
        missing.add(name);
      } else if (solutions[r] != null && !templatePlaced[r] && solutions[r].kind() != CellSolver.Kind.TOTAL_ONLY
          && !solutions[r].certain() && ValueScanner.holdsValue(printed.get(r)) && anyBlank(cells[r])) {
        open.add(name);
      }
    }
    List<String> out = new ArrayList<>(doubts);
    if (!missing.isEmpty()) {
      out.add("未找到的行：" + String.join("、", missing));
    }
    if (!open.isEmpty()) {
      out.add("数值无法唯一放置的行：" + String.join("、", open));
    }
    List<String> failed = new ArrayList<>();
    boolean anyRepaired = false;
    for (boolean r : repaired) {
      anyRepaired |= r;
    }
    // a failing check is a doubt only on a repaired row: with none repaired, the checks need not run here
    for (ApplicationsChecks.Failure f : anyRepaired ? ApplicationsChecks.failures(specs, grid(cells))
        : List.<ApplicationsChecks.Failure>of()) {
      if (f.rows().stream().anyMatch(r -> repaired[r])) {
        failed.add(f.rule() + "（" + (f.rule().equals("B2") ? Vocabulary.rowName(f.where()) : Vocabulary.columnName(f.where())) + "）");
      }
    }
    if (!failed.isEmpty()) {
      out.add("经修复的行核对不符：" + String.join("、", failed));
    }
    return out;
  }

  private static boolean anyBlank(String[] cells) {
    for (String c : cells) {
      if (c == null) {
        return true;
      }
    }
    return false;
  }

  private static Long[][] grid(String[][] cells) {
    Long[][] grid = new Long[cells.length][];
    for (int r = 0; r < cells.length; r++) {
      grid[r] = CellSolver.parse(cells[r]);
    }
    return grid;
  }

  @SafeVarargs
  private static List<RowSpec> concat(List<RowSpec>... parts) {
    List<RowSpec> all = new ArrayList<>();
    Arrays.stream(parts).forEach(all::addAll);
    return List.copyOf(all);
  }
}
