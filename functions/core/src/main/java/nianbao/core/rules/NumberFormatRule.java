package nianbao.core.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.recognise.RecognisedReport.InvalidCell;

/**
 * N1: every count is a whole number ≥ 0 and the fee a number ≥ 0; a warning where the fee's header demands
 * 保留N位小数 and more decimals are printed. Only 2019's 本年增/减 may be negative.
 */
public final class NumberFormatRule implements Rule {
  @Override
  public String id() {
    return "N1";
  }

  @Override
  public void check(RecognisedReport report, List<Finding> out) {
    for (InvalidCell cell : report.invalidCells()) {
      out.add(Finding.error(id(), cell.location(),
          "单元格内容“" + cell.printed() + "”不是有效数字（计数应为不小于 0 的整数）", "不小于 0 的整数", cell.printed()));
    }
    Applications t = report.report().applications();
    for (Map.Entry<String, List<Long>> row : t.rows().entrySet()) {
      for (int c = 0; c < row.getValue().size(); c++) {
        negative(Location.cell("三", row.getKey(), Applications.COLUMNS.get(c)), row.getValue().get(c), out);
      }
    }
    ReviewAndLitigation review = report.report().reviewAndLitigation();
    for (String group : ReviewAndLitigation.GROUPS) {
      for (String cell : ReviewAndLitigation.CELLS) {
        negative(Location.cell("四", group, cell), review.group(group).cell(cell), out);
      }
    }
    Proactive proactive = report.report().proactive();
    if (proactive instanceof Proactive2021 a) {
      negative(Location.cell("二", "regulations", "issued"), a.regulations().issued(), out);
      negative(Location.cell("二", "regulations", "repealed"), a.regulations().repealed(), out);
      negative(Location.cell("二", "regulations", "inForce"), a.regulations().inForce(), out);
      negative(Location.cell("二", "normativeDocuments", "issued"), a.normativeDocuments().issued(), out);
      negative(Location.cell("二", "normativeDocuments", "repealed"), a.normativeDocuments().repealed(), out);
      negative(Location.cell("二", "normativeDocuments", "inForce"), a.normativeDocuments().inForce(), out);
      negative(Location.row("二", "licensing"), a.licensing(), out);
      negative(Location.row("二", "punishment"), a.punishment(), out);
      negative(Location.row("二", "enforcement"), a.enforcement(), out);
      fee(a.fees(), report.feeDecimals(), out);
    } else if (proactive instanceof Proactive2019 a) {
      negative(Location.cell("二", "regulations", "newlyMade"), a.regulations().newlyMade(), out);
      negative(Location.cell("二", "normativeDocuments", "newlyMade"), a.normativeDocuments().newlyMade(), out);
      negative(Location.cell("二", "licensing", "decisions"), a.licensing().decisions(), out);
      negative(Location.cell("二", "punishment", "decisions"), a.punishment().decisions(), out);
      negative(Location.cell("二", "enforcement", "decisions"), a.enforcement().decisions(), out);
    }
  }

  private void negative(Location at, Long value, List<Finding> out) {
    if (value != null && value < 0) {
      out.add(Finding.error(id(), at, "计数不能为负数：" + value, "不小于 0 的整数", value));
    }
  }

  private void fee(String fee, Integer decimals, List<Finding> out) {
    if (fee == null) {
      return;
    }
    BigDecimal amount = new BigDecimal(fee);
    Location at = Location.row("二", "fees");
    if (amount.signum() < 0) {
      out.add(Finding.error(id(), at, "行政事业性收费金额不能为负数：" + fee, "不小于 0 的数", fee));
    }
    if (decimals != null && amount.scale() > decimals) {
      out.add(Finding.warning(id(), at, "表头要求收费金额保留 " + decimals + " 位小数，实际印有 " + amount.scale() + " 位：" + fee,
          decimals + " 位小数", fee));
    }
  }
}
