package nianbao.api.routes;

import java.util.List;
import nianbao.api.http.Problem;
import nianbao.api.http.Route.Param;

/**
 * The parameters several routes share (their schemas and descriptions), the check of a report id, and the values a
 * filter may take.
 */
final class SharedParameters {
  private SharedParameters() {}

  static final List<String> STATUSES = List.of("VALID", "HAS_ERRORS", "REJECTED");
  /** FORMAT.md's rule ids. */
  static final List<String> RULES = List.of("B1", "B2", "B3", "C1", "N1", "S1", "S2", "S3", "M1", "X1", "X2", "X3",
      "X4", "X5");

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
