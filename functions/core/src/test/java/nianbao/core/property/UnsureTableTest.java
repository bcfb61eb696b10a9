package nianbao.core.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import nianbao.core.ReportReader;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.core.model.Severity;

/**
 * Rule T1 and the template order: a table whose labels and numbers were printed apart is placed row by row in
 * template order when its arithmetic confirms it, and otherwise left blank with T1 instead of B1–B3 errors;
 * a table read as printed still gets the agency's own arithmetic errors.
 */
class UnsureTableTest {
  private static final AdversarialDamage LABELS_APART =
      new AdversarialDamage(EnumSet.of(AdversarialDamage.Kind.LABELS_APART), 1);

  @Provide
  Arbitrary<GeneratedReport> reports() {
    return GeneratedReports.consistentReports();
  }

  @Provide
  Arbitrary<Integer> rows() {
    return Arbitraries.integers().between(0, Applications.ROWS.size() - 1);
  }

  @Property(tries = 40)
  void numbersPrintedApartArePlacedInTemplateOrderWhenTheArithmeticHolds(@ForAll("reports") GeneratedReport truth)
      throws Exception {
    Report report = read(LABELS_APART.apply(ReportRenderer.render(truth, Layout.clean()).text()));
    for (String row : Applications.ROWS) {
      for (int c = 0; c < 7; c++) {
        assertEquals(truth.cell(row, c), report.applications().cell(row, c), row + "[" + c + "]");
      }
    }
    assertTrue(rules(report, "T1").isEmpty(), "no T1: " + report.findings());
    assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals("S2") && f.message().contains("按模板行序放置")));
  }

  @Property(tries = 40)
  void numbersPrintedApartThatDoNotAddUpGiveT1AndNoArithmeticError(@ForAll("reports") GeneratedReport consistent,
      @ForAll("rows") int row) throws Exception {
    GeneratedReport truth = consistent.withApplicationCell(Applications.ROWS.get(row), 2, 1);
    Report report = read(LABELS_APART.apply(ReportRenderer.render(truth, Layout.clean()).text()));
    List<Finding> unsure = rules(report, "T1");
    assertEquals(1, unsure.size(), report.findings().toString());
    assertEquals("三", unsure.get(0).location().section());
    assertEquals(Severity.WARNING, unsure.get(0).severity());
    assertTrue(unsure.get(0).message().startsWith("表格未能可靠识别，需人工核对："), unsure.get(0).message());
    assertTrue(report.findings().stream().noneMatch(f -> f.rule().matches("B[123]")), report.findings().toString());
    for (String key : Applications.ROWS) {
      for (int c = 0; c < 7; c++) {
        Long read = report.applications().cell(key, c);
        assertTrue(read == null || read == truth.cell(key, c), key + "[" + c + "] " + read);
      }
    }
  }

  @Property(tries = 40)
  void aTableReadAsPrintedKeepsTheAgencysArithmeticErrors(@ForAll("reports") GeneratedReport consistent,
      @ForAll("rows") int row) throws Exception {
    GeneratedReport truth = consistent.withApplicationCell(Applications.ROWS.get(row), 2, 1);
    Report report = read(ReportRenderer.render(truth, Layout.clean()).text());
    assertTrue(rules(report, "T1").isEmpty(), report.findings().toString());
    assertTrue(report.findings().stream().anyMatch(f -> f.rule().matches("B[123]")), report.findings().toString());
  }

  private static Report read(String text) throws Exception {
    return ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "report.txt");
  }

  private static List<Finding> rules(Report report, String rule) {
    return report.findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }
}
