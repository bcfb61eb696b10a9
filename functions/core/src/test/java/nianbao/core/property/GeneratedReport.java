package nianbao.core.property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;
import nianbao.core.model.ReviewAndLitigation;

/**
 * The truth a property test renders and expects back: one 2021-template report whose tables are consistent
 * (B1, B2, B3, C1 hold) unless a test changed a cell on purpose.
 *
 * @param documentCounts table A's 规章 and 行政规范性文件 rows: issued, repealed, inForce
 * @param decisions      table A's 行政许可, 行政处罚, 行政强制
 * @param fee            本年收费金额 as printed, with 4 decimals
 * @param applications   table B, every key of {@link Applications#ROWS} → 7 cells
 * @param review         table C, the groups of {@link ReviewAndLitigation#GROUPS} → 5 cells
 */
record GeneratedReport(
    String agency,
    int year,
    List<String> overview,
    List<String> problems,
    List<String> other,
    Map<String, List<Long>> documentCounts,
    Map<String, Long> decisions,
    String fee,
    Map<String, List<Long>> applications,
    Map<String, List<Long>> review) {

  static final List<String> DOCUMENT_ROWS = List.of("regulations", "normativeDocuments");
  static final List<String> DECISION_ROWS = List.of("licensing", "punishment", "enforcement");

  String title() {
    return agency + year + "年政府信息公开工作年度报告";
  }

  long cell(String row, int column) {
    return applications.get(row).get(column);
  }

  /** The same report with one cell of table B changed by {@code delta}, nothing else recomputed. */
  GeneratedReport withApplicationCell(String row, int column, long delta) {
    Map<String, List<Long>> changed = new LinkedHashMap<>(applications);
    List<Long> cells = new ArrayList<>(changed.get(row));
    cells.set(column, cells.get(column) + delta);
    changed.put(row, List.copyOf(cells));
    return new GeneratedReport(agency, year, overview, problems, other, documentCounts, decisions, fee,
        changed, review);
  }

  /** The same report with one cell of table C changed by {@code delta}, the group's total not recomputed. */
  GeneratedReport withReviewCell(String group, int cell, long delta) {
    Map<String, List<Long>> changed = new LinkedHashMap<>(review);
    List<Long> cells = new ArrayList<>(changed.get(group));
    cells.set(cell, cells.get(cell) + delta);
    changed.put(group, List.copyOf(cells));
    return new GeneratedReport(agency, year, overview, problems, other, documentCounts, decisions, fee,
        applications, changed);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(title()).append('\n');
    documentCounts.forEach((k, v) -> out.append("  ").append(k).append(' ').append(v).append('\n'));
    decisions.forEach((k, v) -> out.append("  ").append(k).append(' ').append(v).append('\n'));
    out.append("  fees ").append(fee).append('\n');
    applications.forEach((k, v) -> out.append("  ").append(k).append(' ').append(v).append('\n'));
    review.forEach((k, v) -> out.append("  ").append(k).append(' ').append(v).append('\n'));
    return out.toString();
  }
}
