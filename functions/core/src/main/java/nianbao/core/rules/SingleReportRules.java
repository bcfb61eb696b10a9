package nianbao.core.rules;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.recognise.RecognisedReport;

/** Every single-report rule of docs/FORMAT.md, in the table's order. */
public final class SingleReportRules {
  private static final List<Rule.NeedsCells> ARITHMETIC =
      List.of(new ColumnBalanceRule(), new RowTotalRule(), new OutcomeTotalRule(), new ReviewTotalRule());

  private static final List<Rule> RULES = List.of(
      ARITHMETIC.get(0), ARITHMETIC.get(1), ARITHMETIC.get(2), ARITHMETIC.get(3),
      new NumberFormatRule(), new CompletenessRule(), new PlacementRule(ARITHMETIC), new TitleRule(),
      new NarrativeFigureRule(), new ForeignPlaceRule(), new ProblemsSubstanceRule(), new UnsureTableRule());

  /** The ids of these rules, in order. */
  public static final List<String> IDS = RULES.stream().map(Rule::id).toList();

  private SingleReportRules() {}

  public static List<Finding> check(RecognisedReport report) {
    List<Finding> out = new ArrayList<>();
    for (Rule rule : RULES) {
      int before = out.size();
      rule.check(report, out);
      if (ARITHMETIC.contains(rule)) {
        // a table the reader is unsure of gets T1 instead: its sums may be the reader's, not the agency's
        out.subList(before, out.size()).removeIf(f -> f.location() != null && f.location().section() != null
            && report.unsure(f.location().section()));
      }
    }
    return out;
  }
}
