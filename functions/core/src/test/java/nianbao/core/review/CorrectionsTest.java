package nianbao.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import org.junit.jupiter.api.Test;

/** Corrections applied to a report read from a seed: values set, the rules over values run again, re-reads. */
class CorrectionsTest {
  static Report seed() throws Exception {
    try (InputStream in = CorrectionsTest.class.getResourceAsStream("/seeds/003_978a9fff42e671ca.txt")) {
      return ReportReader.read(in.readAllBytes(), "003.txt");
    }
  }

  static Correction correction(Location l, String value, String asRead) {
    return new Correction("c1", l, value, asRead, "原文为此数", "alice", "2026-12-07T10:00:00Z");
  }

  static List<Finding> rule(Report r, String id) {
    return r.findings().stream().filter(f -> f.rule().equals(id)).toList();
  }

  @Test
  void aCorrectedCellThatBreaksTheTableArithmeticGivesTheRuleItsFinding() throws Exception {
    Report read = seed();
    Location newReceived = Location.cell("三", "newReceived", "naturalPerson");
    String asRead = ReportCells.get(read, newReceived);
    assertEquals("13", asRead);
    assertEquals(List.of(), rule(read, "B1"));
    Corrections.Corrected c = Corrections.apply(read, List.of(correction(newReceived, "14", asRead)));
    assertTrue(c.states().get(0).applied());
    assertEquals(14L, c.report().applications().cell("newReceived", 0));
    assertFalse(rule(c.report(), "B1").isEmpty(), "B1 found on the corrected value");
    assertFalse(rule(c.report(), "B2").isEmpty(), "the row's total no longer adds up");
    assertEquals(rule(read, "S3"), rule(c.report(), "S3"), "the text's rules keep what they found");
    assertEquals(13L, read.applications().cell("newReceived", 0), "the report as read is untouched");
  }

  @Test
  void aBlankIsFilledAndTheFeeIsADecimalString() throws Exception {
    Report read = seed();
    Location fees = Location.row("二", "fees");
    Report r = Corrections.corrected(read, List.of(correction(fees, "12.50", ReportCells.get(read, fees))));
    assertEquals("12.50", ((Proactive2021) r.proactive()).fees());
    Location blank = Location.cell("四", "adminReview", "upheld");
    Report cleared = ReportCells.set(read, blank, null);
    assertNull(ReportCells.get(cleared, blank));
    Report filled = Corrections.corrected(cleared, List.of(correction(blank, "0", null)));
    assertEquals(0L, filled.reviewAndLitigation().adminReview().upheld());
  }

  @Test
  void aReReadThatNoLongerReadsTheCorrectedValueFlagsTheCorrectionAndKeepsTheReading() throws Exception {
    Report read = seed();
    Location cell = Location.cell("三", "newReceived", "naturalPerson");
    Corrections.Corrected c = Corrections.apply(read, List.of(correction(cell, "14", "12")));
    assertFalse(c.states().get(0).applied());
    assertEquals("13", c.states().get(0).readNow());
    assertTrue(c.states().get(0).flag().contains("读作 13"), c.states().get(0).flag());
    assertEquals(read, c.report());
  }

  @Test
  void aLocationThatNamesNoCellIsRefused() throws Exception {
    Report read = seed();
    assertThrows(ReportCells.NoSuchCell.class, () -> ReportCells.check(read, Location.cell("三", "nope", "total")));
    assertThrows(ReportCells.NoSuchCell.class, () -> ReportCells.check(read, Location.cell("二", "fees", "x")));
    assertThrows(ReportCells.NoSuchCell.class, () -> ReportCells.check(read, Location.section("一")));
    ReportCells.check(read, Location.cell("二", "regulations", "inForce"));
  }
}
