package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nianbao.core.model.Applications;
import nianbao.core.model.Location;
import nianbao.core.recognise.CellSolver.Solution;

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

    Applications table = Applications.blank();
    Solution[] solutions = new Solution[specs.size()];
    CellSolver.Budget budget = CellSolver.Budget.forTable();
    List<List<String>> printed = new ArrayList<>();
    boolean any = false;
    for (int r = 0; r < specs.size(); r++) {
      RowSpec spec = specs.get(r);
      LabelFinder.Hit hit = hits[r];
      if (hit == null) {
        notes.missing(Location.row(SECTION, spec.key()));
        printed.add(List.of());
        continue;
      }
      any = true;
      int nextMarker = r + 1 < specs.size() ? specs.get(r + 1).marker() : 0;
      List<String> tokens = ValueScanner.scan(flat.text, hit.labelEnd(), hit.valuesEnd(), nextMarker);
      printed.add(tokens);
      solutions[r] = CellSolver.solve(tokens, COLUMNS, ROW_SUM, true, budget);
    }
    ColumnSolver.narrow(specs, solutions);
    for (int r = 0; r < specs.size(); r++) {
      if (solutions[r] == null) {
        continue;
      }
      RowSpec spec = specs.get(r);
      String[] cells = solutions[r].agreed(COLUMNS);
      List<Long> row = table.rows().get(spec.key());
      for (int c = 0; c < COLUMNS; c++) {
        Location at = Location.cell(SECTION, spec.key(), Applications.COLUMNS.get(c));
        row.set(c, notes.count(at, cells[c]));
      }
      notes.placement(Location.row(SECTION, spec.key()), solutions[r], printed.get(r), cells);
    }
    return new Result(table, any, oneOtherRow);
  }

  @SafeVarargs
  private static List<RowSpec> concat(List<RowSpec>... parts) {
    List<RowSpec> all = new ArrayList<>();
    Arrays.stream(parts).forEach(all::addAll);
    return List.copyOf(all);
  }
}
