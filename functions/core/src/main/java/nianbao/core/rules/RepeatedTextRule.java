package nianbao.core.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;

/**
 * X5: sections 一 and 五 largely repeat the previous year's report. Sentences are compared with digits,
 * spaces and punctuation removed (so "2021年" and "2022年" do not hide a copy); a section is flagged when at
 * least half of its sentences, and at least three, appeared last year.
 */
final class RepeatedTextRule implements CrossYearRules.CrossYearRule {
  static final double SHARE = 0.5;
  static final int MIN_SENTENCES = 3;
  private static final int MIN_SENTENCE_LENGTH = 8;

  @Override
  public String id() {
    return "X5";
  }

  @Override
  public void check(Report earlier, Report later, List<Finding> out) {
    check("一", earlier.sections().overview(), later.sections().overview(), earlier.year(), out);
    check("五", earlier.sections().problems(), later.sections().problems(), earlier.year(), out);
  }

  private void check(String section, String before, String now, int earlierYear, List<Finding> out) {
    if (before == null || now == null) {
      return;
    }
    Set<String> previous = new HashSet<>(sentences(before));
    List<String> current = sentences(now);
    if (current.size() < MIN_SENTENCES) {
      return;
    }
    long repeated = current.stream().filter(previous::contains).count();
    double share = (double) repeated / current.size();
    if (share >= SHARE) {
      String percent = String.format(Locale.ROOT, "%.0f%%", share * 100);
      out.add(Finding.warning(id(), Location.section(section),
          "第" + section + "部分 " + current.size() + " 句中有 " + repeated + " 句与 " + earlierYear + " 年报告相同（" + percent
              + "），疑似照搬上年内容", "少于 " + (int) (SHARE * 100) + "%", percent));
    }
  }

  static List<String> sentences(String text) {
    List<String> out = new java.util.ArrayList<>();
    for (String raw : text.split("[。；;！!？?\n]")) {
      StringBuilder key = new StringBuilder(raw.length());
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (Character.isLetter(c)) {
          key.append(c);
        }
      }
      if (key.length() >= MIN_SENTENCE_LENGTH) {
        out.add(key.toString());
      }
    }
    return out;
  }
}
