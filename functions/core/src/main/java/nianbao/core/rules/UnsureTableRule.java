package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.recognise.RecognisedReport.UnsureTable;

/**
 * T1: a table the reader could not read reliably — placements the arithmetic did not confirm, labels not
 * found. Its arithmetic rules (B1–B3, C1) are not applied ({@link SingleReportRules}): an error sent to an
 * agency must be the agency's, not a misreading; a person checks the table instead.
 */
public final class UnsureTableRule implements Rule {
  static final String MESSAGE = "表格未能可靠识别，需人工核对";

  @Override
  public String id() {
    return "T1";
  }

  @Override
  public void check(RecognisedReport report, List<Finding> out) {
    for (UnsureTable table : report.unsureTables()) {
      out.add(Finding.warning(id(), Location.section(table.section()),
          MESSAGE + "：" + String.join("；", table.reasons()), null, null));
    }
  }
}
