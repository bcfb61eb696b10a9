package nianbao.api.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.review.ReviewStates;
import nianbao.core.vocabulary.Vocabulary;

/**
 * What one rectification notice (整改通知) says, in words: to which agency, about which report, the problems the
 * office confirmed — each with its table, row and column as the template labels them, 应为/实为 and the rule's
 * wording — by when, from whom, and the reviewer's note. Dismissed findings and findings still pending are never
 * in it. Plain text: {@link NoticeHtml} and {@link NoticeDocx} escape it as their formats need.
 */
public record NoticeContent(String reportId, String agency, Integer year, String title, List<Problem> problems,
    String issuer, LocalDate date, LocalDate deadline, String note) {

  /** One confirmed problem, as the notice lists it. */
  public record Problem(String table, String row, String column, String expected, String actual, String rule,
      String ruleWording, String message) {}

  public NoticeContent {
    problems = List.copyOf(problems);
  }

  /** The notice for {@code report} (as served: corrected, its findings identified and reviewed). */
  public static NoticeContent of(String reportId, Report report, String issuer, LocalDate date, LocalDate deadline,
      String note) {
    List<Problem> problems = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (ReviewStates.confirmed(f)) {
        problems.add(problem(f));
      }
    }
    return new NoticeContent(reportId, report.agency(), report.year(), report.title(), problems, issuer, date,
        deadline, note);
  }

  /** 关于…的整改通知. */
  public String heading() {
    return "关于" + (year == null ? "" : year + "年度") + "政府信息公开工作年度报告存在问题的整改通知";
  }

  /** The addressee: the agency as the report prints it. */
  public String addressee() {
    return (agency == null || agency.isBlank() ? "报送单位" : agency) + "：";
  }

  public String opening() {
    String name = title == null || title.isBlank()
        ? (year == null ? "" : year + "年度") + "政府信息公开工作年度报告" : title;
    return "经审核，你单位报送的《" + name + "》存在以下问题，不符合《中华人民共和国政府信息公开条例》和政府信息公开"
        + "工作年度报告格式的要求，经核实确认，现予通知：";
  }

  public String request() {
    return "请于" + chinese(deadline) + "前对上述问题逐项整改，并重新报送年度报告。已公开的年度报告请一并更正。";
  }

  public static String chinese(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  static Problem problem(Finding f) {
    Location l = f.location();
    String section = l == null ? null : l.section();
    String table = section == null ? "—" : Vocabulary.sectionHeading(section);
    return new Problem(table, row(section, l == null ? null : l.row()), column(section, l == null ? null
        : l.column()), dash(f.expected()), dash(f.actual()), f.rule(), ruleWording(f.rule()), f.message());
  }

  static String ruleWording(String rule) {
    return Vocabulary.RULES.stream().filter(r -> r.id().equals(rule)).map(Vocabulary.Rule::label).findFirst()
        .orElse(rule);
  }

  /** A row as the template prints it, after its group (三、本年度办理结果 （三）不予公开 1.属于国家秘密). */
  static String row(String section, String key) {
    if (key == null) {
      return "—";
    }
    List<Vocabulary.Row> rows = "二".equals(section) ? concat(Vocabulary.A_ROWS, Vocabulary.A2019_ROWS)
        : "三".equals(section) ? Vocabulary.B_ROWS : "四".equals(section) ? Vocabulary.C_GROUPS : List.of();
    Optional<Vocabulary.Row> row = rows.stream().filter(r -> r.key().equals(key)).findFirst();
    if (row.isEmpty()) {
      return Vocabulary.rowName(key);
    }
    Vocabulary.Row r = row.get();
    return "二".equals(section) || r.group() == null ? r.printed() : r.group() + " " + r.printed();
  }

  static String column(String section, String key) {
    if (key == null) {
      return "—";
    }
    List<Vocabulary.Term> terms = "二".equals(section) ? Vocabulary.A_CELLS : "三".equals(section)
        ? Vocabulary.B_COLUMNS : "四".equals(section) ? Vocabulary.C_CELLS : List.of();
    return terms.stream().filter(t -> t.key().equals(key)).map(Vocabulary.Term::label).findFirst().orElse(key);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String dash(String s) {
    return s == null || s.isEmpty() ? "—" : s;
  }
}
