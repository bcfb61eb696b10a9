package nianbao.core.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import nianbao.core.ReportReader;
import nianbao.core.model.Applications;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.fixtures.SeedReports;
import org.junit.jupiter.api.Test;

/** Each indicator's definition on figures made for it, blanks and small bases, and the seeds as read. */
class IndicatorsTest {

  private static Map<Indicator, Share> of(Map<String, Long> figures) {
    return Indicators.of(figures::get);
  }

  private static Map<String, Long> zeros() {
    Map<String, Long> f = new HashMap<>();
    for (String row : Applications.ROWS) {
      f.put("B." + row, 0L);
    }
    for (String g : ReviewAndLitigation.GROUPS) {
      for (String c : ReviewAndLitigation.CELLS) {
        f.put("C." + g + "." + c, 0L);
      }
    }
    return f;
  }

  @Test
  void eachShareIsItsDefinition() {
    Map<String, Long> f = zeros();
    f.put("B.newReceived", 90L);
    f.put("B.carriedOver", 10L);
    f.put("B.granted", 40L);
    f.put("B.partiallyGranted", 10L);
    f.put("B.denied.stateSecret", 5L);
    f.put("B.denied.thirdPartyRights", 5L);
    f.put("B.unavailable.notHeld", 20L);
    f.put("B.notProcessed.duplicate", 10L);
    f.put("B.total", 90L);
    f.put("B.carriedForward", 10L);
    f.put("C.adminReview.corrected", 2L);
    f.put("C.adminReview.total", 8L);
    f.put("C.litigationDirect.corrected", 1L);
    f.put("C.litigationDirect.total", 3L);
    f.put("C.litigationAfterReview.total", 1L);
    Map<Indicator, Share> s = of(f);
    assertEquals(50.0 / 90, s.get(Indicator.SUBSTANTIVE_DISCLOSURE).value(), 1e-12);
    assertEquals(10.0 / 90, s.get(Indicator.DENIAL).value(), 1e-12);
    assertEquals(20.0 / 90, s.get(Indicator.UNAVAILABLE).value(), 1e-12);
    assertEquals(10.0 / 90, s.get(Indicator.NOT_PROCESSED).value(), 1e-12);
    assertEquals(0.25, s.get(Indicator.REVIEW_CORRECTION).value(), 1e-12);
    assertEquals(0.25, s.get(Indicator.LITIGATION_CORRECTION).value(), 1e-12);
    assertEquals(12.0 / 90, s.get(Indicator.DISPUTE).value(), 1e-12);
    assertEquals(0.1, s.get(Indicator.CARRY_OVER).value(), 1e-12);
    assertTrue(s.get(Indicator.DENIAL).ranked());
    // 8 review cases and 4 lawsuits: shown, marked, not ranked
    assertTrue(s.get(Indicator.REVIEW_CORRECTION).smallBase());
    assertTrue(s.get(Indicator.LITIGATION_CORRECTION).smallBase());
    assertFalse(s.get(Indicator.LITIGATION_CORRECTION).ranked());
  }

  @Test
  void aBlankIsNotAZeroAndNoCasesIsNoShare() {
    Map<String, Long> f = zeros();
    f.put("B.total", 20L);
    f.put("B.denied.internalAffairs", null);
    Map<Indicator, Share> s = of(f);
    assertNull(s.get(Indicator.DENIAL).value());
    assertEquals("所需单元格为空", s.get(Indicator.DENIAL).unknownBecause());
    assertEquals(0.0, s.get(Indicator.UNAVAILABLE).value());
    assertNull(s.get(Indicator.REVIEW_CORRECTION).value());
    assertEquals("分母为 0", s.get(Indicator.REVIEW_CORRECTION).unknownBecause());
    assertFalse(s.get(Indicator.REVIEW_CORRECTION).ranked());
  }

  @Test
  void theSeedsAsReadHaveTheirShares() throws Exception {
    for (String name : SeedReports.NAMES) {
      Report r = ReportReader.read(SeedReports.bytes(name), name);
      Map<Indicator, Share> s = Indicators.of(r);
      assertEquals(Indicator.values().length, s.size());
      Share d = s.get(Indicator.SUBSTANTIVE_DISCLOSURE);
      Long total = r.applications().rows().get("total").get(Applications.TOTAL_COLUMN);
      if (d.value() != null) {
        assertEquals(total, d.denominator(), name);
        assertTrue(d.value() >= 0 && d.value() <= 1, name + " " + d);
      }
    }
  }

  @Test
  void codesNameEveryIndicatorOnce() {
    assertEquals(Indicator.values().length, Indicator.codes().stream().distinct().count());
    assertEquals(Indicator.CARRY_OVER, Indicator.of("carryOver"));
  }
}
