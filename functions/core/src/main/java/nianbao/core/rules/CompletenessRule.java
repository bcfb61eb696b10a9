package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.vocabulary.Vocabulary;

/** S1: all six sections and every row of tables A, B and C are present; each missing one is named. */
public final class CompletenessRule implements Rule {
  @Override
  public String id() {
    return "S1";
  }

  @Override
  public void check(RecognisedReport report, List<Finding> out) {
    for (Location missing : report.missing()) {
      String what = missing.row() == null
          ? "缺少第" + missing.section() + "部分“" + Vocabulary.sectionHeading(missing.section()) + "”"
          : "第" + missing.section() + "部分的表格缺少“" + Vocabulary.rowName(missing.row()) + "”行";
      out.add(Finding.error(id(), missing, what, missing.row() == null ? Vocabulary.sectionHeading(missing.section())
          : Vocabulary.rowName(missing.row()), null));
    }
  }
}
