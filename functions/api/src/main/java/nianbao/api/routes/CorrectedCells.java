package nianbao.api.routes;

import java.util.ArrayList;
import java.util.List;
import nianbao.api.ApiContext;
import nianbao.core.model.Location;
import nianbao.core.review.Corrections;
import nianbao.core.vocabulary.Vocabulary;
import nianbao.store.ReportView;

/**
 * Which values of an exported report reviewers corrected, for a reader of the CSV: the figures in a row are the
 * corrected ones, and this says which they are and what the document printed —
 * {@code 三·本年新收政府信息公开申请数量·自然人：14（原读 13）}. A correction flagged because the report now reads
 * another value is not applied, so it is not listed.
 */
final class CorrectedCells {
  static final String COLUMN = "已更正单元格（更正值，原读值）";

  private CorrectedCells() {}

  /** The corrected cells of {@code head}'s current report, or null when reviewers corrected none. */
  static String describe(ApiContext ctx, ReportView head) {
    if (head.rejected() || head.corrected() <= 0) {
      return null;
    }
    List<String> cells = new ArrayList<>();
    for (Corrections.State s : ctx.store().reviewed(head).corrections()) {
      if (s.applied()) {
        cells.add(cell(s.correction().location()) + "：" + blankOr(s.correction().value()) + "（原读 "
            + blankOr(s.correction().asRead()) + "）");
      }
    }
    return cells.isEmpty() ? null : String.join("；", cells);
  }

  static String cell(Location l) {
    StringBuilder b = new StringBuilder(l.section() == null ? "" : l.section());
    if (l.row() != null) {
      b.append('·').append(Vocabulary.rowName(l.row()));
    }
    if (l.column() != null) {
      b.append('·').append(Vocabulary.columnName(l.column()));
    }
    return b.toString();
  }

  private static String blankOr(String value) {
    return value == null ? "空白" : value;
  }
}
