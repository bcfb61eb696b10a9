package nianbao.store.write;

import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.core.model.Report;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

/** The neighbours Y−1 and Y+1: X2 (last year's carried forward = this year's carried over) on both sides. */
class CrossYearDecisionTest {
  private final MemoryTable table = new MemoryTable();
  /** 2021 carries 5 forward. */
  private final Report y2021 = report(2021, 0, 5, "v1");
  private final String id2021 = Identity.of(y2021, y2021.source().sha256()).reportId();
  private final String id2022 = Identity.reportId(Identity.of(y2021, "x").agencyKey(), 2022);
  private final String id2023 = Identity.reportId(Identity.of(y2021, "x").agencyKey(), 2023);

  private List<String> crossRules(String reportId) {
    return Findings.read(table.head(reportId).orElseThrow().crossFindings()).stream().map(f -> f.rule()).toList();
  }

  @Test
  void aYearStoredAfterItsPredecessorIsCheckedAgainstItAndThePredecessorMustStayAsRead() {
    table.apply(new Change.Store(y2021, upload("2021.txt", "1", 0, "10")));
    // WHEN 2022 carries over 4, not 5
    Decision d = table.apply(new Change.Store(report(2022, 4, 0, "v1"), upload("2022.txt", "1", 10, "10")));
    // THEN 2022 has an X2 error, counted in its summaries, and 2021's head was checked at the revision read
    assertEquals(List.of("X2"), crossRules(id2022));
    ReportHead head = table.head(id2022).orElseThrow();
    assertEquals("HAS_ERRORS", head.status());
    assertEquals(1, head.ruleCounts().get("X2"));
    assertTrue(d.writes().checks().contains(new Writes.Check(id2021, new Writes.Expected(1L))));
    assertEquals(1, table.count(Keys.summary(2022, null, null), "rule.X2"));
    assertEquals(1, table.ruleItems(id2022).size());
  }

  @Test
  void aYearStoredBeforeItsSuccessorRewritesTheSuccessorsFindingsWhenTheyChange() {
    // GIVEN 2022 (carrying over 4) stored first: nothing to compare with
    table.apply(new Change.Store(report(2022, 4, 0, "v1"), upload("2022.txt", "1", 0, "10")));
    assertNull(table.head(id2022).orElseThrow().crossFindings());
    // WHEN 2021 (carrying forward 5) arrives
    Decision d = table.apply(new Change.Store(y2021, upload("2021.txt", "1", 10, "10")));
    // THEN 2022's head and rule items are re-written with the X2 error, conditioned on the revision read
    assertEquals(List.of("X2"), crossRules(id2022));
    assertEquals(2, table.head(id2022).orElseThrow().revision());
    assertTrue(d.writes().writes().contains(new Writes.Put(table.head(id2022).orElseThrow(),
        new Writes.Expected(1L))));
    // AND 2022's summaries move from VALID to HAS_ERRORS; 2021's own count as a new report
    String y2022 = Keys.summary(2022, null, null);
    assertEquals(1, table.count(y2022, "status.HAS_ERRORS"));
    assertEquals(0, table.count(y2022, "status.VALID"));
    assertEquals(1, table.count(y2022, "reports"));
    assertEquals(1, table.count(Keys.summary(2021, null, null), "reports"));
  }

  @Test
  void aSuccessorWhoseFindingsDoNotChangeIsOnlyChecked() {
    table.apply(new Change.Store(report(2022, 5, 0, "v1"), upload("2022.txt", "1", 0, "10")));
    Decision d = table.apply(new Change.Store(y2021, upload("2021.txt", "1", 10, "10")));
    assertEquals(new Writes.Check(id2022, new Writes.Expected(1L)), d.writes().checks().get(1));
    assertEquals(1, table.head(id2022).orElseThrow().revision(), "not re-written");
    assertTrue(d.writes().puts(ReportHead.class).stream().noneMatch(h -> h.reportId().equals(id2022)));
  }

  @Test
  void aCorrectionOfTheMiddleYearUpdatesItsOwnFindingsAndTheSuccessors() {
    table.apply(new Change.Store(y2021, upload("2021.txt", "1", 0, "10")));
    table.apply(new Change.Store(report(2022, 4, 7, "v1"), upload("2022.txt", "1", 10, "10")));
    table.apply(new Change.Store(report(2023, 7, 0, "v1"), upload("2023.txt", "1", 20, "10")));
    assertEquals(List.of("X2"), crossRules(id2022));
    assertNull(table.head(id2023).orElseThrow().crossFindings());
    // WHEN 2022 is corrected: carries over 5 (right) and forward 6 (now wrong for 2023)
    table.apply(new Change.Store(report(2022, 5, 6, "v2"), upload("2022-fixed.txt", "1", 30, "10")));
    // THEN 2022 is clean and 2023 has the X2 error
    assertNull(table.head(id2022).orElseThrow().crossFindings());
    assertEquals(List.of("X2"), crossRules(id2023));
    assertEquals(1, table.count(Keys.summary(null, null, null), "rule.X2"));
    assertEquals(3, table.count(Keys.summary(null, null, null), "reports"));
  }

  @Test
  void whenAYearLeavesItsSuccessorLosesTheComparison() {
    table.apply(new Change.Store(y2021, upload("2021.txt", "1", 0, "10")));
    table.apply(new Change.Store(report(2022, 4, 0, "v1"), upload("2022.txt", "1", 10, "10")));
    table.apply(new Change.Remove(table.uploads(Reports.BUCKET, "2021.txt").get(0),
        upload("2021.txt", "1", 20, "20")));
    assertTrue(table.head(id2021).isEmpty());
    assertNull(table.head(id2022).orElseThrow().crossFindings());
    assertEquals("VALID", table.head(id2022).orElseThrow().status());
    assertEquals(0, table.count(Keys.summary(null, null, null), "rule.X2"));
  }
}
