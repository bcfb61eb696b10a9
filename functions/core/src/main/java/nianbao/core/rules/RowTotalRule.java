package nianbao.core.rules;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.vocabulary.Vocabulary;

/** B2: in every row of table B, the 总计 column is the sum of the six applicant columns. */
public final class RowTotalRule implements Rule.NeedsCells {
  @Override
  public String id() {
    return "B2";
  }

  @Override
  public void check(RecognisedReport report, List<Finding> out) {
    Applications t = report.report().applications();
    for (String row : Applications.ROWS) {
      List<Long> cells = t.rows().get(row);
      Long sum = sumOfApplicants(cells);
      Long total = cells.get(Applications.TOTAL_COLUMN);
      if (sum != null && total != null && !sum.equals(total)) {
        out.add(Finding.error(id(), Location.cell("三", row, "total"),
            "“" + Vocabulary.rowName(row) + "”行：六类申请人之和为 " + sum + "，总计列却是 " + total, sum, total));
      }
    }
  }

  @Override
  public List<String> skipped(RecognisedReport report) {
    Applications t = report.report().applications();
    List<String> rows = new ArrayList<>();
    for (String row : Applications.ROWS) {
      List<Long> cells = t.rows().get(row);
      if (cells.stream().anyMatch(v -> v == null) && cells.stream().anyMatch(v -> v != null)) {
        rows.add(Vocabulary.rowName(row));
      }
    }
    return rows;
  }

  static Long sumOfApplicants(List<Long> cells) {
    long sum = 0;
    for (int c = 0; c < Applications.TOTAL_COLUMN; c++) {
      Long v = cells.get(c);
      if (v == null) {
        return null;
      }
      sum += v;
    }
    return sum;
  }
}
