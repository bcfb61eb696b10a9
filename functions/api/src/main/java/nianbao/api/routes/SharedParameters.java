package nianbao.api.routes;

import java.util.List;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Route.Param;
import nianbao.core.model.Finding;
import nianbao.core.model.Severity;
import nianbao.core.vocabulary.Vocabulary;

/**
 * The parameters several routes share (their schemas and descriptions), the check of a report id, and the values a
 * filter may take.
 */
final class SharedParameters {
  private SharedParameters() {}

  static final List<String> STATUSES = Vocabulary.statuses();
  static final List<String> RULES = Vocabulary.ruleIds();

  /** Finding severities as the JSON writes them; {@code note} is a reading note, not a problem of the report. */
  static final List<String> SEVERITIES = Vocabulary.SEVERITIES.stream().map(Vocabulary.Term::key).toList();

  static final Param SEVERITY = Param.query("severity", "{\"type\":\"string\",\"enum\":[\"error\",\"warning\",\"note\"]}",
      "只要这一级别的发现：error 错误，warning 警告，note 读取说明（nianbao 如何读取文档，不是报告本身的问题）");

  /** The {@code severity} parameter, or null when not given (a 400 for another value). */
  static Severity severity(Request r) {
    String v = Params.text(r, "severity", 40);
    if (v == null) {
      return null;
    }
    String s = v.toLowerCase(java.util.Locale.ROOT);
    if (!SEVERITIES.contains(s)) {
      throw Problem.badParameter("severity", "参数 severity 的值 “" + v + "” 无效；可选：" + String.join("、", SEVERITIES))
          .with("allowed", SEVERITIES);
    }
    return Severity.fromJson(s);
  }

  /** The findings of that severity, or all of them when {@code only} is null. */
  static List<Finding> only(List<Finding> findings, Severity only) {
    return only == null ? findings : findings.stream().filter(f -> f.severity() == only).toList();
  }

  static final Param FORMAT = Param.query("format", "{\"type\":\"string\",\"enum\":[\"csv\",\"xlsx\"],\"default\":\"csv\"}",
      "csv（UTF-8 带 BOM）或 xlsx（Excel 工作簿）：同样的列名与行");

  /** The {@code format} of an export (CSV when not given; a 400 for another value). */
  static ExportFormat format(Request r) {
    return "XLSX".equals(Params.oneOf(r, "format", List.of("CSV", "XLSX"))) ? ExportFormat.XLSX : ExportFormat.CSV;
  }

  static final String YEAR_SCHEMA = "{\"type\":\"integer\",\"minimum\":2008}";
  static final String TEXT_SCHEMA = "{\"type\":\"string\",\"minLength\":1,\"maxLength\":100}";

  static final Param ID = Param.path("id", "{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9-]{1,64}$\"}",
      "报告编号（列表中的 id）");

  /** Report ids are agencyKey-year (hex and digits) or x + hex for a rejected upload. */
  static String reportId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
      throw Problem.notFound("没有编号为 “" + id + "” 的报告");
    }
    return id;
  }

  static Problem noReport(String id) {
    return Problem.notFound("没有编号为 " + id + " 的报告");
  }
}
