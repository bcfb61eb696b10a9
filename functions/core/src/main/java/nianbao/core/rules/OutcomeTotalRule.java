package nianbao.core.rules;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.vocabulary.Vocabulary;

/**
 * B3: in every column of table B, row （七）总计 is the sum of the 21 outcome rows. On the 2019 template (and
 * a 2021 report printing （六） as one row) the two rows it lacks are blank by design and count as nothing.
 */
public final class OutcomeTotalRule implements Rule.NeedsCells {
  @Override
  public String id() {
    return "B3";
  }

  @Override
  public void check(RecognisedReport report, List<Finding> out) {
    Applications t = report.report().applications();
    for (int c = 0; c < Applications.COLUMNS.size(); c++) {
      Long sum = sumOfOutcomes(report.report(), c);
      Long total = t.cell("total", c);
      if (sum != null && total != null && !sum.equals(total)) {
        String column = Applications.COLUMNS.get(c);
        out.add(Finding.error(id(), Location.cell("三", "total", column),
            "“" + Vocabulary.columnName(column) + "”列：各项办理结果之和为 " + sum + "，（七）总计却是 " + total, sum, total));
      }
    }
  }

  @Override
  public List<String> skipped(RecognisedReport report) {
    List<String> columns = new ArrayList<>();
    Applications t = report.report().applications();
    for (int c = 0; c < Applications.COLUMNS.size(); c++) {
      if (t.cell("total", c) != null && sumOfOutcomes(report.report(), c) == null) {
        columns.add(Vocabulary.columnName(Applications.COLUMNS.get(c)));
      }
    }
    return columns;
  }

  private static Long sumOfOutcomes(Report report, int column) {
    Applications t = report.applications();
    boolean oneOtherRow = t.cell("other.overdueCorrection", column) == null
        && t.cell("other.overdueFee", column) == null
        && t.rows().get("other.overdueCorrection").stream().allMatch(v -> v == null)
        && t.rows().get("other.overdueFee").stream().allMatch(v -> v == null);
    long sum = 0;
    for (String row : Applications.OUTCOME_ROWS) {
      Long v = t.cell(row, column);
      if (v == null) {
        if (oneOtherRow && (row.equals("other.overdueCorrection") || row.equals("other.overdueFee"))) {
          continue;
        }
        return null;
      }
      sum += v;
    }
    return sum;
  }
}
