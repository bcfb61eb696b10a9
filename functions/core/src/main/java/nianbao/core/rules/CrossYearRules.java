package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;

/**
 * The two-report rules X2, X4 and X5, for one agency's reports of consecutive years. The findings belong to
 * the later report. Ingest applies them against the stored neighbours: check(Y−1, Y) for a new year Y, and
 * check(Y, Y+1) to refresh Y+1's findings.
 */
public final class CrossYearRules {
  private CrossYearRules() {}

  public static List<Finding> check(Report earlier, Report later) {
    return List.of();
  }
}
