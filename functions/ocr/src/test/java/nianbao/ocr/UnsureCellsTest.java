package nianbao.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.ReportReader;
import nianbao.core.model.Evidence;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.Severity;
import nianbao.core.review.ReportCells;
import nianbao.fixtures.SeedReports;
import org.junit.jupiter.api.Test;

class UnsureCellsTest {
  private static final String KEY = "三/newReceived/naturalPerson";

  /** The seed report with its evidence as OCR would give it: every value sure but {@code unsure}'s. */
  private static Report read(double unsure) throws Exception {
    Report report = ReportReader.read(SeedReports.bytes(SeedReports.XINXIANG_2022), "003.txt");
    Map<String, Evidence> evidence = new LinkedHashMap<>();
    report.evidence().forEach((k, e) -> evidence.put(k, new Evidence("pdf", 2, List.of(595.3, 841.9),
        List.of(10.0, 20.0, 30.0, 40.0), 1, 3, 3, null, null, e.excerpt(), e.highlight(), null,
        k.equals(KEY) ? unsure : 0.95)));
    return report.withEvidence(evidence);
  }

  @Test
  void aCellReadBelowTheThresholdIsBlankWithAReadingNote() throws Exception {
    Report report = read(0.41);
    Location cell = UnsureCells.location(KEY);
    assertEquals("13", ReportCells.get(report, cell));

    Report out = UnsureCells.blanked(report, UnsureCells.MIN_CONFIDENCE);

    assertNull(ReportCells.get(out, cell));
    assertFalse(out.evidence().containsKey(KEY));
    assertEquals(report.evidence().size() - 1, out.evidence().size());
    Finding note = out.findings().stream().filter(f -> cell.equals(f.location()) && f.rule().equals("S2"))
        .findFirst().orElseThrow();
    assertEquals(Severity.NOTE, note.severity());
    assertTrue(note.message().contains("文字识别") && note.message().contains("0.41") && note.message().contains("13"),
        note.message());
    assertTrue(out.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR && cell.equals(f.location())),
        "no check rests on the blanked value: " + out.findings());
  }

  @Test
  void aSureReportIsLeftAsItIs() throws Exception {
    Report report = read(0.9);
    assertSame(report, UnsureCells.blanked(report, UnsureCells.MIN_CONFIDENCE));
    assertNotNull(ReportCells.get(report, UnsureCells.location(KEY)));
  }

  @Test
  void keysNameCells() {
    assertEquals(new Location("二", "licensing", null), UnsureCells.location("二/licensing"));
    assertEquals(new Location("三", "denied.stateSecret", "total"), UnsureCells.location("三/denied.stateSecret/total"));
  }
}
