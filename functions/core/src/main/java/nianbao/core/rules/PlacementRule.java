package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.recognise.RecognisedReport.Assumption;

/**
 * S2: what the reader had to assume to place a row's cells (digits run together, a value too many or too
 * few, only the total given), and — once — which checks were not applied because cells are blank.
 *
 * <p>Severity: how damaged text was read, and which checks blank cells prevented, are reading notes
 * ({@code note}) — they explain nianbao's reading, not a mistake of the agency. A row where the document
 * prints only the total is a warning: the agency left the applicant columns blank.
 */
public final class PlacementRule implements Rule {
  private final List<Rule.NeedsCells> arithmetic;

  public PlacementRule(List<Rule.NeedsCells> arithmetic) {
    this.arithmetic = arithmetic;
  }

  @Override
  public String id() {
    return "S2";
  }

  @Override
  public void check(RecognisedReport report, List<Finding> out) {
    for (Assumption a : report.assumptions()) {
      out.add(a.reading() ? Finding.note(id(), a.location(), a.message(), a.expected(), a.actual())
          : Finding.warning(id(), a.location(), a.message(), a.expected(), a.actual()));
    }
    StringBuilder skipped = new StringBuilder();
    for (Rule.NeedsCells rule : arithmetic) {
      List<String> places = rule.skipped(report);
      if (!places.isEmpty()) {
        if (skipped.length() > 0) {
          skipped.append("；");
        }
        skipped.append(rule.id()).append("（").append(String.join("、", places)).append("）");
      }
    }
    if (skipped.length() > 0) {
      out.add(Finding.note(id(), Location.section("三"),
          "空白单元格按原样保留为空，以下核对因此未执行：" + skipped, null, null));
    }
  }
}
