package nianbao.core.rules;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.ReviewAndLitigation.Group;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.vocabulary.Vocabulary;

/** C1: in each group of table C, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
public final class ReviewTotalRule implements Rule.NeedsCells {
  @Override
  public String id() {
    return "C1";
  }

  @Override
  public void check(RecognisedReport report, List<Finding> out) {
    ReviewAndLitigation table = report.report().reviewAndLitigation();
    for (String key : ReviewAndLitigation.GROUPS) {
      Group g = table.group(key);
      Long sum = sum(g);
      if (sum != null && g.total() != null && !sum.equals(g.total())) {
        out.add(Finding.error(id(), Location.cell("四", key, "total"),
            "“" + Vocabulary.rowName(key) + "”：维持、纠正、其他结果与尚未审结之和为 " + sum + "，总计却是 " + g.total(),
            sum, g.total()));
      }
    }
  }

  @Override
  public List<String> skipped(RecognisedReport report) {
    List<String> groups = new ArrayList<>();
    ReviewAndLitigation table = report.report().reviewAndLitigation();
    for (String key : ReviewAndLitigation.GROUPS) {
      Group g = table.group(key);
      if (g.cells().stream().anyMatch(v -> v != null) && (sum(g) == null || g.total() == null)) {
        groups.add(Vocabulary.rowName(key));
      }
    }
    return groups;
  }

  private static Long sum(Group g) {
    if (g.upheld() == null || g.corrected() == null || g.other() == null || g.pending() == null) {
      return null;
    }
    return g.upheld() + g.corrected() + g.other() + g.pending();
  }
}
