package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Proactive2021.DocumentCounts;
import nianbao.core.model.Report;
import nianbao.core.vocabulary.Vocabulary;

/** X4: 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y), for 规章 and 行政规范性文件 (2021 template). */
final class InForceAcrossYearsRule implements CrossYearRules.CrossYearRule {
  @Override
  public String id() {
    return "X4";
  }

  @Override
  public void check(Report earlier, Report later, List<Finding> out) {
    if (!(earlier.proactive() instanceof Proactive2021 before) || !(later.proactive() instanceof Proactive2021 now)) {
      return;
    }
    check("regulations", before.regulations(), now.regulations(), earlier.year(), out);
    check("normativeDocuments", before.normativeDocuments(), now.normativeDocuments(), earlier.year(), out);
  }

  private void check(String row, DocumentCounts before, DocumentCounts now, int earlierYear, List<Finding> out) {
    if (before == null || now == null || before.inForce() == null || now.issued() == null || now.repealed() == null
        || now.inForce() == null) {
      return;
    }
    long expected = before.inForce() + now.issued() - now.repealed();
    if (expected != now.inForce()) {
      out.add(Finding.warning(id(), Location.cell("二", row, "inForce"),
          "“" + Vocabulary.rowName(row) + "”：" + earlierYear + " 年现行有效 " + before.inForce() + " 件，加本年制发 " + now.issued()
              + " 件、减本年废止 " + now.repealed() + " 件应为 " + expected + " 件，本年报告却是 " + now.inForce() + " 件",
          expected, now.inForce()));
    }
  }
}
