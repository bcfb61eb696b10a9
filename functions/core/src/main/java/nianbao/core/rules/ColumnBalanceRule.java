package nianbao.core.rules;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.vocabulary.Vocabulary;

/** B1, printed in the template itself: 新收 + 上年结转 = 办理结果总计 + 结转下年度, in every column. */
public final class ColumnBalanceRule implements Rule.NeedsCells {
  @Override
  public String id() {
    return "B1";
  }

  @Override
  public void check(RecognisedReport report, List<Finding> out) {
    Applications t = report.report().applications();
    for (int c = 0; c < Applications.COLUMNS.size(); c++) {
      Long received = t.cell("newReceived", c);
      Long carriedOver = t.cell("carriedOver", c);
      Long total = t.cell("total", c);
      Long carriedForward = t.cell("carriedForward", c);
      if (received == null || carriedOver == null || total == null || carriedForward == null) {
        continue;
      }
      long in = received + carriedOver;
      long outSide = total + carriedForward;
      if (in != outSide) {
        String column = Applications.COLUMNS.get(c);
        out.add(Finding.error(id(), Location.column("三", column),
            "“" + Vocabulary.columnName(column) + "”列：本年新收（" + received + "）加上年结转（" + carriedOver + "）为 " + in
                + "，不等于办理结果总计（" + total + "）加结转下年度（" + carriedForward + "）之和 " + outSide,
            in, outSide));
      }
    }
  }

  @Override
  public List<String> skipped(RecognisedReport report) {
    Applications t = report.report().applications();
    List<String> columns = new ArrayList<>();
    for (int c = 0; c < Applications.COLUMNS.size(); c++) {
      if (t.cell("newReceived", c) == null || t.cell("carriedOver", c) == null || t.cell("total", c) == null
          || t.cell("carriedForward", c) == null) {
        columns.add(Vocabulary.columnName(Applications.COLUMNS.get(c)));
      }
    }
    return columns;
  }
}
