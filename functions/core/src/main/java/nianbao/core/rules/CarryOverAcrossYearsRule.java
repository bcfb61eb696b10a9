package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.vocabulary.Vocabulary;

/** X2: last year's 结转下年度继续办理 is this year's 上年结转, column by column. */
final class CarryOverAcrossYearsRule implements CrossYearRules.CrossYearRule {
  @Override
  public String id() {
    return "X2";
  }

  @Override
  public void check(Report earlier, Report later, List<Finding> out) {
    for (int c = 0; c < Applications.COLUMNS.size(); c++) {
      Long forward = earlier.applications().cell("carriedForward", c);
      Long over = later.applications().cell("carriedOver", c);
      if (forward != null && over != null && !forward.equals(over)) {
        String column = Applications.COLUMNS.get(c);
        out.add(Finding.error(id(), Location.cell("三", "carriedOver", column),
            "“" + Vocabulary.columnName(column) + "”列：" + earlier.year() + " 年报告结转下年度 " + forward + " 件，本年报告上年结转却是 "
                + over + " 件", forward, over));
      }
    }
  }
}
