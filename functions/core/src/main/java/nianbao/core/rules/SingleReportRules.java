package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.recognise.RecognisedReport;

/** Every single-report rule of FORMAT.md, in the table's order. */
public final class SingleReportRules {
  private SingleReportRules() {}

  public static List<Finding> check(RecognisedReport report) {
    return List.of();
  }
}
