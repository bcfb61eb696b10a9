package nianbao.core.rules;

import java.time.Year;
import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.recognise.RecognisedReport;

/**
 * M1: the title names the agency and the year, and the year is plausible — not before 2008, when the
 * disclosure regulations took effect, and not after the current year.
 */
public final class TitleRule implements Rule {
  static final int FIRST_REPORT_YEAR = 2008;

  @Override
  public String id() {
    return "M1";
  }

  @Override
  public void check(RecognisedReport recognised, List<Finding> out) {
    Report report = recognised.report();
    Location title = Location.section("标题");
    if (report.title() == null) {
      out.add(Finding.warning(id(), title, "未找到“<机关名称><年份>年政府信息公开工作年度报告”形式的标题",
          "<机关名称><年份>年政府信息公开工作年度报告", null));
      return;
    }
    if (report.agency() == null) {
      out.add(Finding.warning(id(), title, "标题中没有机关名称", "机关名称", report.title()));
    }
    int thisYear = Year.now().getValue();
    if (report.year() == null) {
      out.add(Finding.warning(id(), title, "标题中没有年份", "年份", report.title()));
    } else if (report.year() < FIRST_REPORT_YEAR || report.year() > thisYear) {
      out.add(Finding.warning(id(), title, "报告年份 " + report.year() + " 不合理（应在 " + FIRST_REPORT_YEAR + "—"
          + thisYear + " 之间）", FIRST_REPORT_YEAR + "—" + thisYear, report.year()));
    }
  }
}
