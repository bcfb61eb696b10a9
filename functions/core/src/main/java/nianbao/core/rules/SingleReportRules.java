package nianbao.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.recognise.RecognisedReport;

/** Every single-report rule of docs/FORMAT.md, in the table's order. */
public final class SingleReportRules {
  private static final List<Rule.NeedsCells> ARITHMETIC =
      List.of(new ColumnBalanceRule(), new RowTotalRule(), new OutcomeTotalRule(), new ReviewTotalRule());

  private static final Rule NARRATIVE = new NarrativeFigureRule();
  private static final List<Rule> RULES = List.of(
      ARITHMETIC.get(0), ARITHMETIC.get(1), ARITHMETIC.get(2), ARITHMETIC.get(3),
      new NumberFormatRule(), new CompletenessRule(), new PlacementRule(ARITHMETIC), new TitleRule(),
      NARRATIVE, new ForeignPlaceRule(), new ProblemsSubstanceRule(), new UnsureTableRule());
  /** The rules over the tables' values alone, run again on a corrected report. */
  private static final List<Rule> ON_VALUES = List.of(ARITHMETIC.get(0), ARITHMETIC.get(1), ARITHMETIC.get(2),
      ARITHMETIC.get(3), NARRATIVE);

  /** The ids of these rules, in order. */
  public static final List<String> IDS = RULES.stream().map(Rule::id).toList();

  private SingleReportRules() {}

  public static List<Finding> check(RecognisedReport report) {
    List<Finding> out = new ArrayList<>();
    for (Rule rule : RULES) {
      run(rule, report, out);
    }
    return out;
  }

  private static void run(Rule rule, RecognisedReport report, List<Finding> out) {
    int before = out.size();
    rule.check(report, out);
    if (ARITHMETIC.contains(rule)) {
      // a table the reader is unsure of gets T1 instead: its sums may be the reader's, not the agency's
      out.subList(before, out.size()).removeIf(f -> f.location() != null && f.location().section() != null
          && report.unsure(f.location().section()));
    }
  }

  /**
   * The findings of a report whose values a reviewer corrected: the rules over values (B1–B3, C1, X1) run again on
   * {@code corrected}; the others keep what they found when the document was read ({@code asRead}: what is
   * missing, how it was read, the title, the text), less those about a corrected cell. A table the reader was
   * unsure of (T1) stays without its arithmetic.
   */
  public static List<Finding> recheck(Report corrected, List<Finding> asRead, Set<Location> correctedCells) {
    List<RecognisedReport.UnsureTable> unsure = new ArrayList<>();
    for (Finding f : asRead) {
      if (f.rule().equals("T1") && f.location() != null) {
        unsure.add(new RecognisedReport.UnsureTable(f.location().section(), List.of(f.message())));
      }
    }
    // the recogniser always gives tables B and C (blank when not printed); a report made otherwise may lack them
    Report withTables = new Report(corrected.schemaVersion(), corrected.source(), corrected.title(),
        corrected.agency(), corrected.year(), corrected.template(), corrected.region(), corrected.sections(),
        corrected.proactive(), corrected.applications() != null ? corrected.applications() : Applications.blank(),
        corrected.reviewAndLitigation() != null ? corrected.reviewAndLitigation() : ReviewAndLitigation.blank(),
        corrected.findings(), corrected.evidence(), corrected.dated());
    RecognisedReport report = new RecognisedReport(withTables, List.of(), List.of(), List.of(), null, unsure);
    List<Finding> out = new ArrayList<>();
    for (Rule rule : RULES) {
      if (ON_VALUES.contains(rule)) {
        run(rule, report, out);
      } else {
        for (Finding f : asRead) {
          if (f.rule().equals(rule.id()) && !correctedCells.contains(f.location())) {
            out.add(f);
          }
        }
      }
    }
    // findings of rules not run here (none today) are kept as read
    for (Finding f : asRead) {
      if (!IDS.contains(f.rule())) {
        out.add(f);
      }
    }
    return out;
  }
}
