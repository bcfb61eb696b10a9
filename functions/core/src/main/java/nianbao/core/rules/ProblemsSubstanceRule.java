package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.recognise.RecognisedReport;

/** S3: section 五 says something of substance — not missing, not "无", not a sentence or two of boilerplate. */
public final class ProblemsSubstanceRule implements Rule {
  /** Fewer characters than this (spaces and punctuation aside) cannot name a problem and a remedy. */
  static final int MIN_CHARACTERS = 60;
  private static final java.util.regex.Pattern NOTHING = java.util.regex.Pattern.compile("[无無没有暂。.：:\\s]*");

  @Override
  public String id() {
    return "S3";
  }

  @Override
  public void check(RecognisedReport report, List<Finding> out) {
    String problems = report.report().sections().problems();
    Location at = Location.section("五");
    if (problems == null) {
      out.add(Finding.warning(id(), at, "缺少“存在的主要问题及改进情况”，无从判断是否如实说明问题", "问题与改进措施", null));
      return;
    }
    int characters = 0;
    int sentences = 0;
    for (int i = 0; i < problems.length(); i++) {
      char c = problems.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        characters++;
      } else if (c == '。' || c == '；' || c == ';') {
        sentences++;
      }
    }
    if (characters == 0 || NOTHING.matcher(problems).matches()) {
      out.add(Finding.warning(id(), at, "“存在的主要问题及改进情况”为空或只写“无”", "问题与改进措施", problems.strip()));
    } else if (characters < MIN_CHARACTERS && sentences <= 2) {
      out.add(Finding.warning(id(), at, "“存在的主要问题及改进情况”只有 " + characters + " 个字，未具体说明问题和改进措施",
          "至少 " + MIN_CHARACTERS + " 字的具体说明", characters + " 字"));
    }
  }
}
