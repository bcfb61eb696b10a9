package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.model.Finding;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Proactive2021.DocumentCounts;
import nianbao.core.model.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Table A as conversions scatter it over section 二 (corpus/damaged): items （五）（六）（八） before item （一）, as
 * loose lines without their headings, and the 本年废止件数 column printed apart. Every cell is the sample's.
 */
class TableARowsTest {
  private static final Proactive2021 SAMPLE = new Proactive2021(new DocumentCounts(0L, 0L, 0L),
      new DocumentCounts(88L, 55L, 698L), 10690L, 2113L, 0L, "9116.36");

  private static Report fixture(String name) throws Exception {
    return ReportReader.read(ExpectedReportsTest.resource("/corpus/damaged/" + name + ".txt"), name + ".txt");
  }

  private static List<Finding> ofRule(Report report, String rule) {
    return report.findings().stream().filter(f -> f.rule().equals(rule) && "二".equals(f.location().section()))
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pingtan-2022-table-a-items-before-first",
      "pingtan-2022-table-a-loose-lines-and-repealed-apart"})
  void everyRowIsFoundWhereverItStands(String name) throws Exception {
    Report report = fixture(name);
    assertEquals(SAMPLE, report.proactive());
    assertEquals(List.of(), ofRule(report, "S1"));
  }

  @Test
  void theRepealedColumnPrintedApartIsPutBackWithANote() throws Exception {
    List<Finding> notes = ofRule(fixture("pingtan-2022-table-a-loose-lines-and-repealed-apart"), "S2");
    assertEquals(2, notes.size(), notes.toString());
    assertTrue(notes.get(1).message().contains("本年废止件数"), notes.get(1).message());
  }

  private static String sample() throws Exception {
    return new String(ExpectedReportsTest.resource("/samples/04_pingtan-2022.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void aNarrativeSentenceBeforeTheTableIsNoRow() throws Exception {
    String text = sample().replace("二、主动公开政府信息情况第二十条", "二、主动公开政府信息情况\n全年办理行政许可10690件。\n第二十条")
        .replace("行政许可10690", "");
    Report report = ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "a.txt");
    assertEquals(null, ((Proactive2021) report.proactive()).licensing());
    assertTrue(ofRule(report, "S1").stream().anyMatch(f -> "licensing".equals(f.location().row())));
  }

  @Test
  void numbersAfterAPulledOutHeaderAreTakenOnlyWhereTheTableLacksThatColumn() throws Exception {
    String text = sample().replace("二、主动公开政府信息情况第二十条", "二、主动公开政府信息情况\n本年废止件数\n7\n9\n第二十条");
    Report report = ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "a.txt");
    assertEquals(SAMPLE.normativeDocuments(), ((Proactive2021) report.proactive()).normativeDocuments());
  }
}
