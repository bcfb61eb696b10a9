package nianbao.core.property;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import nianbao.core.ReportReader;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;

/**
 * A consistent report whose tables a conversion damaged ({@link AdversarialDamage}) reads back with no wrong
 * value — every cell is the generated one or null — and with no arithmetic error (B1–B3, C1): the report is
 * consistent, so any such error would be the reader's, sent to an agency as the agency's.
 */
class DamagedTablesTest {
  private static final Set<String> ARITHMETIC = Set.of("B1", "B2", "B3", "C1");

  @Provide
  Arbitrary<GeneratedReport> reports() {
    return GeneratedReports.consistentReports();
  }

  @Provide
  Arbitrary<AdversarialDamage> damage() {
    return AdversarialDamage.any();
  }

  @Property(tries = 400)
  void aDamagedTableGivesNoWrongValueAndNoFalseError(@ForAll("reports") GeneratedReport truth,
      @ForAll("damage") AdversarialDamage damage) throws Exception {
    String text = damage.apply(ReportRenderer.render(truth, Layout.clean()).text());
    Report report = ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "damaged.txt");

    List<String> wrong = new ArrayList<>();
    int filled = 0;
    for (String row : Applications.ROWS) {
      for (int c = 0; c < 7; c++) {
        Long read = report.applications().cell(row, c);
        if (read != null) {
          filled++;
          if (read != truth.cell(row, c)) {
            wrong.add(row + "[" + c + "] " + read + " ≠ " + truth.cell(row, c));
          }
        }
      }
    }
    for (String group : ReviewAndLitigation.GROUPS) {
      List<Long> read = report.reviewAndLitigation().group(group).cells();
      for (int i = 0; i < 5; i++) {
        if (read.get(i) != null && !read.get(i).equals(truth.review().get(group).get(i))) {
          wrong.add(group + "[" + i + "] " + read.get(i) + " ≠ " + truth.review().get(group).get(i));
        }
      }
    }
    Proactive2021 a = (Proactive2021) report.proactive();
    for (String key : GeneratedReport.DECISION_ROWS) {
      Long read = key.equals("licensing") ? a.licensing() : key.equals("punishment") ? a.punishment() : a.enforcement();
      if (read != null && !read.equals(truth.decisions().get(key))) {
        wrong.add(key + " " + read + " ≠ " + truth.decisions().get(key));
      }
    }
    assertTrue(wrong.isEmpty(), "wrong values " + wrong + " under " + damage + "\n" + text);
    List<Finding> errors = report.findings().stream().filter(f -> ARITHMETIC.contains(f.rule())).toList();
    assertTrue(errors.isEmpty(), "false arithmetic errors " + errors + " under " + damage + "\n" + text);

    Statistics.label("damage").collect(damage.kinds().toString());
    Statistics.label("table B cells read").collect(filled == 175 ? "all" : filled >= 150 ? "150+" : "fewer");
    Statistics.label("T1").collect(report.findings().stream().filter(f -> f.rule().equals("T1"))
        .map(f -> Objects.requireNonNull(f.location()).section()).toList());
  }
}
