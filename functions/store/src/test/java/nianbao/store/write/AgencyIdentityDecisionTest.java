package nianbao.store.write;

import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.core.model.Region;
import nianbao.core.model.Report;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

/**
 * One agency, one identity (issue 15): 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024), region 320813, are one
 * agency, compared across years; a report stored under its printed name before identities keeps its id and joins
 * its agency when it is processed again.
 */
class AgencyIdentityDecisionTest {
  static final Region HONGZE = new Region("320813", "江苏省", "淮安市", "洪泽区");
  private final MemoryTable table = new MemoryTable();

  /** 2023 carries 5 forward; 2024, printed with its city, carries over 4: X2 when they are compared. */
  private final Report y2023 = Reports.report("洪泽区人民政府", HONGZE, 2023, 0, 5, "v1", Reports.TXT);
  private final Report y2024 = Reports.report("淮安市洪泽区人民政府", HONGZE, 2024, 4, 0, "v1", Reports.TXT);

  private ReportHead head(Report r) {
    return table.head(table.uploads(Reports.BUCKET, r.year() + ".txt").get(0).reportId()).orElseThrow();
  }

  private List<String> crossRules(ReportHead h) {
    return Findings.read(table.head(h.reportId()).orElseThrow().crossFindings()).stream().map(f -> f.rule())
        .toList();
  }

  @Test
  void twoPrintedNamesOfOneAgencyAreOneAgencyComparedAcrossTheirYears() {
    table.apply(new Change.Store(y2023, upload("2023.txt", "1", 0, "10")));
    table.apply(new Change.Store(y2024, upload("2024.txt", "1", 10, "10")));
    ReportHead h2023 = head(y2023);
    ReportHead h2024 = head(y2024);
    // one agency key, each report its own id of that key, each the agency's year
    assertEquals(h2023.agencyKey(), h2024.agencyKey());
    assertEquals(Identity.reportId(h2023.agencyKey(), 2023), h2023.reportId());
    assertEquals(h2024.reportId(), table.agencyYear(h2023.agencyKey(), 2024).orElseThrow().reportId());
    assertEquals("淮安市洪泽区人民政府", table.agencyYear(h2023.agencyKey(), 2024).orElseThrow().agency());
    // X2 compared them: last year's carried forward 5 is not this year's carried over 4
    assertEquals(List.of("X2"), crossRules(h2024));
    assertEquals("HAS_ERRORS", table.head(h2024.reportId()).orElseThrow().status());
    // the names stay as printed
    assertEquals("洪泽区人民政府", h2023.agency());
  }

  @Test
  void aReportStoredUnderItsPrintedNameKeepsItsIdAndJoinsItsAgencyWhenProcessedAgain() {
    // GIVEN 2023 as the code before identities stored it: id from the hash of code and whole name, rules/5
    table.apply(new Change.Store(y2023, upload("2023.txt", "1", 0, "10")));
    String newId = head(y2023).reportId();
    String legacyKey = Identity.legacyKey(y2023);
    String legacyId = Identity.reportId(legacyKey, 2023);
    assertNotEquals(newId, legacyId);
    table.asStoredBefore(newId, legacyId, legacyKey, "rules/5");
    // AND 2024 stored since: it finds no year before, so nothing is compared
    table.apply(new Change.Store(y2024, upload("2024.txt", "1", 10, "10")));
    ReportHead h2024 = head(y2024);
    assertNull(h2024.crossFindings());
    // WHEN 2023 is processed again (reprocess: the same object, read by the current rules)
    Decision d = table.apply(new Change.Store(y2023, upload("2023.txt", "1", 0, "10")));
    // THEN it keeps its id, its agency key is the identity's, it is its agency's 2023, and 2024 is compared
    assertEquals(WriteResult.REPROCESSED, d.result());
    assertEquals(legacyId, d.reportId());
    assertTrue(table.head(newId).isEmpty(), "no second report");
    ReportHead h2023 = table.head(legacyId).orElseThrow();
    assertEquals(h2024.agencyKey(), h2023.agencyKey());
    assertEquals(legacyId, table.agencyYear(h2024.agencyKey(), 2023).orElseThrow().reportId());
    assertEquals(List.of("X2"), crossRules(h2024));
    assertEquals(1, table.count(Keys.summary(2024, null, null), "rule.X2"));
    assertEquals(2, table.count(Keys.summary(null, null, null), "reports"));
  }

  @Test
  void aNewUploadOfAReportStoredUnderItsPrintedNameIsANewVersionOfIt() {
    table.apply(new Change.Store(y2023, upload("2023.txt", "1", 0, "10")));
    String newId = head(y2023).reportId();
    String legacyId = Identity.reportId(Identity.legacyKey(y2023), 2023);
    table.asStoredBefore(newId, legacyId, Identity.legacyKey(y2023), "rules/5");
    // WHEN other bytes of the same report arrive under another key, before any reprocessing
    Report fixed = Reports.report("洪泽区人民政府", HONGZE, 2023, 0, 6, "v2", Reports.TXT);
    Decision d = table.apply(new Change.Store(fixed, upload("2023-fixed.txt", "1", 20, "10")));
    // THEN they are the report's new current version, under its id
    assertEquals(WriteResult.NEW_CURRENT_VERSION, d.result());
    assertEquals(legacyId, d.reportId());
    assertEquals(2, table.head(legacyId).orElseThrow().versionCount());
    assertEquals(1, table.count(Keys.summary(null, null, null), "reports"));
  }

  @Test
  void whenTheAgencysYearLeavesItsYearItemGoesAndANewUploadTakesThePlace() {
    table.apply(new Change.Store(y2023, upload("2023.txt", "1", 0, "10")));
    String key = head(y2023).agencyKey();
    table.apply(new Change.Remove(table.uploads(Reports.BUCKET, "2023.txt").get(0), upload("2023.txt", "1", 5, "20")));
    assertTrue(table.agencyYear(key, 2023).isEmpty());
    Report again = Reports.report("淮安市洪泽区人民政府", HONGZE, 2023, 0, 5, "v3", Reports.TXT);
    table.apply(new Change.Store(again, upload("2023-again.txt", "1", 30, "10")));
    assertEquals(Identity.reportId(key, 2023), table.agencyYear(key, 2023).orElseThrow().reportId());
  }
}
