package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.json.ReportMapper;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.core.model.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reports whose publisher damaged row labels (corpus/damaged): the row is still read, with its values, no S1
 * "row missing" and no check switched off, and an S2 note names the label as printed.
 */
class DamagedLabelReportsTest {

  @ParameterizedTest
  @CsvSource({
      "pingtan-2022-dropped-label, denied.prohibitedByLaw, 2.其他法律行政止公开",
      "003-two-dropped-labels, denied.threeSecurityOneStability, 3. 危及“三安一稳”",
      "003-two-dropped-labels, unavailable.notHeld, 1. 本机关不掌相关政府信息",
      "pingtan-2019-dropped-labels, unavailable.unclearAfterCorrection, 3.补正后申请内容仍不明",
      "pingtan-2019-dropped-labels, notProcessed.confirmation, 5.要求行政机关确定或重出具已获取信息"})
  void theDamagedRowIsReadWithItsValuesAndANoteNamingItsLabel(String fixture, String row, String printed)
      throws Exception {
    String path = "/corpus/damaged/" + fixture;
    Report report = ReportReader.read(ExpectedReportsTest.resource(path + ".txt"), fixture + ".txt");
    JsonNode expected = ReportMapper.MAPPER.readTree(ExpectedReportsTest.resource(path + ".expected.json"));

    List<Long> want = new ArrayList<>();
    expected.path("applications").path("rows").path(row).forEach(n -> want.add(n.isNull() ? null : n.asLong()));
    assertEquals(want, report.applications().rows().get(row));
    assertEquals(List.of(), ofRule(report, "S1"), "no row missing");
    List<Finding> notes = ofRule(report, "S2").stream()
        .filter(f -> row.equals(f.location().row()) && f.message().contains("“" + printed + "”")).toList();
    assertEquals(1, notes.size(), "one note names the label as printed: " + ofRule(report, "S2"));
    assertTrue(report.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR),
        "no error: " + report.findings());
  }

  @ParameterizedTest
  @CsvSource({"pingtan-2022-dropped-label", "003-two-dropped-labels", "pingtan-2019-dropped-labels"})
  void everyCellIsTheOneTheUndamagedReportGives(String fixture) throws Exception {
    String path = "/corpus/damaged/" + fixture;
    Report report = ReportReader.read(ExpectedReportsTest.resource(path + ".txt"), fixture + ".txt");
    JsonNode expected = ReportMapper.MAPPER.readTree(ExpectedReportsTest.resource(path + ".expected.json"));
    JsonNode rows = expected.path("applications").path("rows");
    rows.fieldNames().forEachRemaining(row -> {
      List<Long> want = new ArrayList<>();
      rows.path(row).forEach(n -> want.add(n.isNull() ? null : n.asLong()));
      assertEquals(want, report.applications().rows().get(row), row);
    });
  }

  @ParameterizedTest
  @CsvSource({"2.其他法律行政法规禁止公开, 2.法规", "2.其他法律行政法规禁止公开, 2.属于国家秘密"})
  void aLabelTooDamagedOrAnotherRowsStaysMissing(String label, String printed) throws Exception {
    String text = new String(ExpectedReportsTest.resource("/samples/04_pingtan-2022.txt"), StandardCharsets.UTF_8)
        .replace(label, printed);
    Report report = ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "damaged.txt");
    assertTrue(ofRule(report, "S1").stream().anyMatch(f -> "denied.prohibitedByLaw".equals(f.location().row())));
    List<Long> row = report.applications().rows().get("denied.prohibitedByLaw");
    assertTrue(row.stream().allMatch(v -> v == null), "left blank: " + row);
  }

  @org.junit.jupiter.api.Test
  void aDamagedLabelOfTheThreeOtherRowsKeepsTheirLayout() throws Exception {
    String text = new String(ExpectedReportsTest.resource("/samples/04_pingtan-2022.txt"), StandardCharsets.UTF_8)
        .replace("1.申请人无正当理由逾期不补正", "1.申请人无正当理由逾期补正");
    Report report = ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "damaged.txt");
    assertEquals(List.of(2L, 0L, 0L, 0L, 0L, 0L, 2L), report.applications().rows().get("other.overdueCorrection"));
    assertEquals(List.of(0L, 2L, 0L, 0L, 0L, 0L, 2L), report.applications().rows().get("other.other"));
  }

  private static List<Finding> ofRule(Report report, String rule) {
    return report.findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }
}
