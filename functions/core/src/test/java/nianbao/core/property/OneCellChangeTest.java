package nianbao.core.property;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import nianbao.core.ReportReader;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.Severity;

/**
 * The arithmetic rules fire exactly where the arithmetic breaks: a consistent report in the clean layout
 * has no error at all, and one changed cell brings exactly the errors the cell takes part in — B2 for its
 * row; B3 for its column when it is an outcome row or row 总计; B1 for its column when it is 新收, 上年结转,
 * 总计 or 结转下年度; C1 for its group in table C.
 */
class OneCellChangeTest {
  @Provide
  Arbitrary<GeneratedReport> reports() {
    return GeneratedReports.consistentReports();
  }

  @Property(tries = 200)
  void aConsistentReportHasNoErrors(@ForAll("reports") GeneratedReport report) throws Exception {
    assertEquals(Set.of(), errors(read(report)));
  }

  @Property(tries = 400)
  void changingOneCellOfTableBFiresExactlyItsRules(@ForAll("reports") GeneratedReport report,
      @ForAll @IntRange(min = 0, max = 24) int rowIndex, @ForAll @IntRange(min = 0, max = 6) int column,
      @ForAll @IntRange(min = -3, max = 3) int delta) throws Exception {
    String row = Applications.ROWS.get(rowIndex);
    long change = delta == 0 || report.cell(row, column) + delta < 0 ? 1 : delta;
    Statistics.label("changed").collect(kind(row), column == Applications.TOTAL_COLUMN ? "总计列" : "申请人列");

    Report read = read(report.withApplicationCell(row, column, change));

    assertEquals(expectedForTableB(row, column), errors(read),
        () -> row + "/" + Applications.COLUMNS.get(column) + " changed by " + change);
  }

  @Property(tries = 100)
  void changingOneCellOfTableCFiresC1ForItsGroup(@ForAll("reports") GeneratedReport report,
      @ForAll @IntRange(min = 0, max = 2) int groupIndex, @ForAll @IntRange(min = 0, max = 4) int cell)
      throws Exception {
    String group = ReviewAndLitigation.GROUPS.get(groupIndex);
    Report read = read(report.withReviewCell(group, cell, 1));
    assertEquals(Set.of("C1 四/" + group + "/total"), errors(read));
  }

  /** Worked out from docs/FORMAT.md's rule table, cell by cell. */
  static Set<String> expectedForTableB(String row, int column) {
    String columnKey = Applications.COLUMNS.get(column);
    Set<String> rules = new TreeSet<>();
    rules.add("B2 三/" + row + "/total");
    if (Applications.OUTCOME_ROWS.contains(row) || row.equals("total")) {
      rules.add("B3 三/total/" + columnKey);
    }
    if (Set.of("newReceived", "carriedOver", "total", "carriedForward").contains(row)) {
      rules.add("B1 三/-/" + columnKey);
    }
    return rules;
  }

  private static String kind(String row) {
    if (Applications.OUTCOME_ROWS.contains(row)) {
      return "办理结果行";
    }
    return row;
  }

  private static Report read(GeneratedReport report) throws Exception {
    String text = ReportRenderer.render(report, Layout.clean()).text();
    return ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "one-cell.txt");
  }

  /** Every error finding as "rule section/row/column", "-" where the location has no row. */
  private static Set<String> errors(Report read) {
    Set<String> out = new TreeSet<>();
    for (Finding f : read.findings()) {
      if (f.severity() == Severity.ERROR) {
        String row = f.location().row() == null ? "-" : f.location().row();
        String column = f.location().column() == null ? "-" : f.location().column();
        out.add(f.rule() + " " + f.location().section() + "/" + row + "/" + column);
      }
    }
    return out;
  }
}
