package nianbao.store.write;

import static nianbao.store.write.Reports.TXT;
import static nianbao.store.write.Reports.XINXIANG;
import static nianbao.store.write.Reports.id;
import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import nianbao.core.model.Report;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.item.AgencyAlias;
import nianbao.store.item.HistoryEntry;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

/**
 * Reports moved between agencies by a merge or a split ({@link Change.Rehome}): ids, reviews, corrections and
 * history stay with the report; the head, lists and year items follow the agency; X2 is computed again on both
 * sides; a year the agency already has is refused; uploads of a merged agency land under the canonical one.
 */
class RehomeDecisionTest {
  private static final String OFFICE = "新乡县人民政府办公室";
  private final MemoryTable table = new MemoryTable();
  /** The canonical agency: 2021 carries 5 forward, 2023 carries 7 over. */
  private final Report a2021 = report(2021, 0, 5, "v1");
  private final Report a2023 = report(2023, 7, 0, "v1");
  /** The agency merged into it: 2022 carries 5 over (right) and 6 forward (wrong for 2023). */
  private final Report b2022 = office(2022, 5, 6, "v1", Reports.error("B1"));
  private final String a = Identity.of(a2021, "x").agencyKey();
  private final String b = Identity.of(b2022, "x").agencyKey();

  private static Report office(int year, long over, long forward, String edition,
      nianbao.core.model.Finding... findings) {
    return report(OFFICE, XINXIANG, year, over, forward, edition, TXT, findings);
  }

  private void storeAll() {
    table.apply(new Change.Store(a2021, upload("a2021.txt", "1", 0, "10")));
    table.apply(new Change.Store(a2023, upload("a2023.txt", "1", 1, "10")));
    table.apply(new Change.Store(b2022, upload("b2022.txt", "1", 2, "10")));
  }

  private void alias(String state) {
    AgencyAlias alias = new AgencyAlias(false, b, a, state, OFFICE, "admin", "2026-12-07T10:00:00.000Z", "同一机关",
        Set.of(id(b2022)));
    Writes w = new Writes();
    w.put(alias);
    w.put(alias.counterpart());
    table.commit(w);
  }

  private List<String> cross(Report r) {
    return Findings.read(table.head(id(r)).orElseThrow().crossFindings()).stream().map(f -> f.rule()).toList();
  }

  @Test
  void aMergedReportKeepsItsIdReviewAndHistoryAndIsComparedWithTheCanonicalAgencysYears() {
    storeAll();
    assertTrue(cross(a2023).isEmpty(), "two agencies: nothing compared");
    table.apply(new Change.Review(id(b2022), Reports.fingerprint(b2022, "B1"), "dismissed", "表格读取有误", "alice",
        null));
    ReportHead before = table.head(id(b2022)).orElseThrow();

    alias(AgencyAlias.MERGING);
    Decision d = table.apply(new Change.Rehome(id(b2022), b, a, false, "admin", "同一机关"));

    assertEquals(WriteResult.REHOMED, d.result());
    ReportHead moved = table.head(id(b2022)).orElseThrow();
    assertEquals(id(b2022), moved.reportId(), "the id never changes");
    assertEquals(a, moved.agencyKey());
    assertEquals(before.revision() + 1, moved.revision());
    assertEquals(0, moved.errors(), "the dismissed B1 stays dismissed: the review stays with the report");
    assertTrue(table.review(id(b2022)).isPresent());
    assertEquals(id(b2022), table.agencyYear(a, 2022).orElseThrow().reportId());
    assertTrue(table.agencyYear(b, 2022).isEmpty());
    assertTrue(table.listEntries(id(b2022)).stream().allMatch(e -> a.equals(e.agencyKey())));
    assertTrue(table.ruleItems(id(b2022)).stream().allMatch(r -> a.equals(r.agencyKey())));
    // X2 on both sides: 2022 against 2021 (5 = 5), 2023 against 2022 (6 ≠ 7)
    assertTrue(cross(b2022).isEmpty());
    assertEquals(List.of("X2"), cross(a2023));
    assertEquals("HAS_ERRORS", table.head(id(a2023)).orElseThrow().status());
    assertEquals(1, table.count(Keys.summary(null, null, null), "rule.X2"));
    assertEquals(3, table.count(Keys.summary(null, null, null), "reports"));
    // the history: the review, then the merge with who, why, from and into
    List<HistoryEntry> history = table.history(id(b2022));
    assertEquals(List.of(Audit.AGENCY_MERGED, Audit.REVIEW), history.stream().map(HistoryEntry::action).toList());
    assertEquals("admin", history.get(0).by());
    assertTrue(history.get(0).before().contains(b) && history.get(0).after().contains(a)
        && history.get(0).after().contains("同一机关"), history.get(0).toString());

    // again: nothing changes (a retry of the sequence)
    Decision again = table.apply(new Change.Rehome(id(b2022), b, a, false, "admin", "同一机关"));
    assertEquals(WriteResult.UNCHANGED, again.result());
    assertTrue(again.writes().isEmpty());
  }

  @Test
  void anUploadOfTheMergedAgencyLandsUnderTheCanonicalOneAndASplitTakesItBack() {
    storeAll();
    alias(AgencyAlias.MERGING);
    table.apply(new Change.Rehome(id(b2022), b, a, false, "admin", "同一机关"));
    alias(AgencyAlias.MERGED);
    // WHEN the merged agency uploads its 2024 report, carrying over 9 where 2023 carried nothing forward
    Report b2024 = office(2024, 9, 0, "v1");
    table.apply(new Change.Store(b2024, upload("b2024.txt", "1", 5, "10")));
    // THEN it is the canonical agency's 2024, compared with 2023
    ReportHead h2024 = table.head(id(b2024)).orElseThrow();
    assertEquals(a, h2024.agencyKey());
    assertEquals(id(b2024), table.agencyYear(a, 2024).orElseThrow().reportId());
    assertEquals(List.of("X2"), cross(b2024));
    // AND an upload of the canonical agency's 2022 is a new version of the merged report, not a second report
    table.apply(new Change.Store(report(2022, 5, 7, "v1"), upload("a2022.txt", "1", 6, "10")));
    assertEquals(2, table.head(id(b2022)).orElseThrow().versionCount());
    assertTrue(cross(a2023).isEmpty(), "2022 now carries 7 forward");

    // WHEN split: the alias stops being followed, each of the merged agency's reports goes back
    alias(AgencyAlias.SPLITTING);
    for (Report r : List.of(b2022, b2024)) {
      assertEquals(WriteResult.REHOMED, table.apply(new Change.Rehome(id(r), a, b, true, "admin", null)).result());
    }
    assertEquals(b, table.head(id(b2022)).orElseThrow().agencyKey());
    assertEquals(b, table.head(id(b2024)).orElseThrow().agencyKey());
    assertTrue(table.agencyYear(a, 2022).isEmpty());
    assertTrue(table.agencyYear(a, 2024).isEmpty());
    assertEquals(id(b2022), table.agencyYear(b, 2022).orElseThrow().reportId());
    assertTrue(cross(a2023).isEmpty(), "2023 has no 2022 any more");
    assertTrue(cross(b2024).isEmpty(), "the merged agency has no 2023");
    assertEquals(0, table.count(Keys.summary(null, null, null), "rule.X2"));
    assertEquals(List.of(Audit.AGENCY_SPLIT, Audit.AGENCY_MERGED), table.history(id(b2022)).stream()
        .map(HistoryEntry::action).filter(x -> x.startsWith("agency.")).toList());
  }

  @Test
  void aYearTheAgencyAlreadyHasIsRefused() {
    storeAll();
    Report b2023 = office(2023, 6, 0, "v1");
    table.apply(new Change.Store(b2023, upload("b2023.txt", "1", 3, "10")));
    alias(AgencyAlias.MERGING);
    Decision d = table.apply(new Change.Rehome(id(b2023), b, a, false, "admin", null));
    assertEquals(WriteResult.YEAR_TAKEN, d.result());
    assertTrue(d.writes().isEmpty());
    assertEquals(b, table.head(id(b2023)).orElseThrow().agencyKey());
    assertNull(table.head(id(a2023)).orElseThrow().crossFindings());
  }

  @Test
  void aReportDeletedBeforeItsAgencyWasMergedIsRestoredIntoTheCanonicalAgency() {
    storeAll();
    table.apply(new Change.Delete(id(b2022), "admin", "2027-01-07T00:00:00Z", null));
    alias(AgencyAlias.MERGED);
    assertEquals(WriteResult.RESTORED, table.apply(new Change.Restore(id(b2022), "admin")).result());
    assertEquals(a, table.head(id(b2022)).orElseThrow().agencyKey());
    assertEquals(id(b2022), table.agencyYear(a, 2022).orElseThrow().reportId());
    assertEquals(List.of("X2"), cross(a2023));
  }
}
