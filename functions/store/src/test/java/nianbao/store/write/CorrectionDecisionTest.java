package nianbao.store.write;

import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.review.Correction;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.review.ReviewState;
import org.junit.jupiter.api.Test;

/**
 * A reviewer corrects a cell: the report is counted again on the corrected value — head, summaries, its own
 * cross-year findings and Y+1's — while its version stays as read; a re-read keeps the correction while it reads
 * the value corrected, and flags it otherwise.
 */
class CorrectionDecisionTest {
  private static final String CITY_2022 = Keys.summary(2022, "河南省", "新乡市");
  private static final Location CARRIED_FORWARD = Location.cell("三", "carriedForward", "naturalPerson");
  private static final Location CARRIED_OVER = Location.cell("三", "carriedOver", "naturalPerson");
  private final MemoryTable table = new MemoryTable();

  private static String id(Report r) {
    return Identity.of(r, r.source().sha256()).reportId();
  }

  private Decision correct(Report r, Location l, String value) {
    return table.apply(new Change.Correct(id(r), l, value, "原文为此数", "alice", null));
  }

  private ReviewState review(Report r) {
    return ReviewState.of(table.review(id(r)));
  }

  @Test
  void aCorrectedCellChangesTheSummariesByItsDeltaAndLeavesTheVersionAsRead() {
    Report r = report(2022, 3, 0, "v1");
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    assertEquals(3, table.count(CITY_2022, "B.carriedOver.naturalPerson"));

    Decision d = correct(r, CARRIED_OVER, "5");

    assertEquals(WriteResult.CORRECTED, d.result());
    assertEquals(5, table.count(CITY_2022, "B.carriedOver.naturalPerson"));
    assertEquals(1, table.count(CITY_2022, "corrected"));
    assertEquals(1, table.count(CITY_2022, "correctedReports"));
    ReportHead head = table.head(id(r)).orElseThrow();
    assertEquals(1, head.corrected());
    assertEquals(2, head.revision());
    Correction c = review(r).corrections().get(0);
    assertEquals("3", c.asRead());
    assertEquals("5", c.value());
    assertEquals(3L, table.body(table.version(id(r), r.source().sha256()).orElseThrow()).applications()
        .cell("carriedOver", 0), "the version stays as read");

    assertEquals(WriteResult.CORRECTED, table.apply(new Change.Uncorrect(id(r), c.id(), "alice", null)).result());
    assertEquals(3, table.count(CITY_2022, "B.carriedOver.naturalPerson"));
    assertEquals(0, table.count(CITY_2022, "corrected"));
    assertEquals(0, table.head(id(r)).orElseThrow().corrected());
  }

  @Test
  void correctingLastYearsCarriedForwardResolvesThisYearsCrossYearError() {
    Report y2021 = report(2021, 0, 5, "a");
    Report y2022 = report(2022, 3, 0, "b");
    table.apply(new Change.Store(y2021, upload("2021.txt", "1", 0, "10")));
    table.apply(new Change.Store(y2022, upload("2022.txt", "1", 1, "11")));
    assertEquals("HAS_ERRORS", table.head(id(y2022)).orElseThrow().status(), "X2: 5 carried forward, 3 over");

    correct(y2021, CARRIED_FORWARD, "3");

    ReportHead next = table.head(id(y2022)).orElseThrow();
    assertNull(next.crossFindings(), "Y+1 compared with the corrected Y");
    assertEquals("VALID", next.status());
    // and the other way round: this year's own comparison uses last year's corrected value
    correct(y2022, CARRIED_OVER, "4");
    assertEquals(1, Findings.read(table.head(id(y2022)).orElseThrow().crossFindings()).size());
  }

  @Test
  void aReReadKeepsACorrectionItStillReadsAndFlagsOneItNoLongerDoes() {
    Report v1 = report(2022, 3, 0, "v1");
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    correct(v1, CARRIED_OVER, "5");
    // a new version printing the same 3: still corrected to 5
    Report v2 = report(2022, 3, 0, "v2");
    table.apply(new Change.Store(v2, upload("a.txt", "2", 5, "20")));
    assertEquals(5, table.count(CITY_2022, "B.carriedOver.naturalPerson"));
    assertEquals(1, table.head(id(v2)).orElseThrow().corrected());
    // one printing 4: read as printed, the correction kept but not applied (flagged)
    Report v3 = report(2022, 4, 0, "v3");
    table.apply(new Change.Store(v3, upload("a.txt", "3", 9, "30")));
    assertEquals(4, table.count(CITY_2022, "B.carriedOver.naturalPerson"));
    assertEquals(0, table.head(id(v3)).orElseThrow().corrected());
    assertEquals(0, table.count(CITY_2022, "corrected"));
    var state = review(v3).correct(table.body(table.version(id(v3), v3.source().sha256()).orElseThrow()))
        .states().get(0);
    assertFalse(state.applied());
    assertTrue(state.flag().contains("读作 4"), state.flag());
  }

  @Test
  void reprocessingKeepsTheCorrection() {
    Report r = report(2022, 3, 0, "v1");
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    correct(r, CARRIED_OVER, "5");
    // the same bytes read again by a newer reader: reprocessed, still corrected
    Report reread = Reports.report(Reports.AGENCY, 2022, 3, 0, "v1", "txt/99");
    assertEquals(WriteResult.REPROCESSED, table.apply(new Change.Store(reread, upload("a.txt", "1", 0, "10")))
        .result());
    assertEquals(5, table.count(CITY_2022, "B.carriedOver.naturalPerson"));
    assertEquals(1, table.head(id(r)).orElseThrow().corrected());
  }

  @Test
  void aCellThatIsNoCellAValueAlreadyReadAndAStaleRevisionChangeNothing() {
    Report r = report(2022, 3, 0, "v1");
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    assertEquals(WriteResult.NO_SUCH_CELL, correct(r, Location.cell("三", "nope", "total"), "1").result());
    assertEquals(WriteResult.UNCHANGED, correct(r, CARRIED_OVER, "3").result());
    assertEquals(WriteResult.REVISION_MISMATCH, table.apply(new Change.Correct(id(r), CARRIED_OVER, "5", "x",
        "alice", 9L)).result());
    assertEquals(WriteResult.NOT_FOUND, table.apply(new Change.Uncorrect(id(r), "nope", "alice", null)).result());
    assertEquals(1, table.head(id(r)).orElseThrow().revision());
  }
}
