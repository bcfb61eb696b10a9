package nianbao.core.rules;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;

/**
 * The two-report rules X2, X4 and X5, for one agency's reports of consecutive years. The findings belong to
 * the later report. Ingest applies them against the stored neighbours: check(Y−1, Y) for a new year Y, and
 * check(Y, Y+1) to refresh Y+1's findings.
 */
public final class CrossYearRules {
  private static final List<CrossYearRule> RULES =
      List.of(new CarryOverAcrossYearsRule(), new InForceAcrossYearsRule(), new RepeatedTextRule());

  /** The ids of the rules applied here, so a caller can replace exactly these findings. */
  public static final List<String> IDS = RULES.stream().map(CrossYearRule::id).toList();

  private CrossYearRules() {}

  public static List<Finding> check(Report earlier, Report later) {
    List<Finding> out = new ArrayList<>();
    if (earlier == null || later == null || earlier.year() == null || later.year() == null
        || later.year() != earlier.year() + 1) {
      return out;
    }
    for (CrossYearRule rule : RULES) {
      rule.check(earlier, later, out);
    }
    return out;
  }

  /** A rule over two reports of one agency, one year apart. */
  interface CrossYearRule {
    String id();

    void check(Report earlier, Report later, List<Finding> out);
  }
}
