package nianbao.store.write;

import static nianbao.store.write.Reports.error;
import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static nianbao.store.write.Reports.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import nianbao.core.model.Report;
import nianbao.store.Identity;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.SourceRecord;
import org.junit.jupiter.api.Test;

/** A readable upload: new report, same bytes again, newer and older corrections, re-reading, races. */
class StoreDecisionTest {
  private static final String ALL = Keys.summary(null, null, null);
  private static final String CITY_2022 = Keys.summary(2022, "河南省", "新乡市");

  private final MemoryTable table = new MemoryTable();

  private static String id(Report r) {
    return Identity.of(r, r.source().sha256()).reportId();
  }

  @Test
  void aNewReportWritesItsHeadVersionRecordRuleItemsAndCountsOnceInEachOfItsEightSummaries() {
    // GIVEN an empty table WHEN a report with one error and one warning is stored
    Report r = report(2022, 0, 0, "v1", error("B1"), warning("S2"));
    Decision d = WriteRules.decide(table, new Change.Store(r, upload("a.txt", "1", 0, "10")), "now");
    // THEN it is created, its head conditioned on being absent
    assertEquals(WriteResult.CREATED, d.result());
    Writes w = d.writes();
    ReportHead head = w.puts(ReportHead.class).get(0);
    assertEquals(r.source().sha256(), head.currentSha());
    assertEquals("HAS_ERRORS", head.status());
    assertEquals(1, head.versionCount());
    assertEquals(1, head.revision());
    assertTrue(w.writes().contains(new Writes.Put(head, new Writes.Expected(null))));
    // AND its version lists the object, and the object's record says which report it became
    ReportVersion v = w.puts(ReportVersion.class).get(0);
    assertEquals(Set.of("reports/a.txt#1"), v.sources());
    SourceRecord rec = w.puts(SourceRecord.class).get(0);
    assertEquals(SourceRecord.INGESTED, rec.status());
    assertEquals(id(r), rec.reportId());
    // AND one rule item per rule
    assertEquals(2, w.puts(nianbao.store.item.RuleFindings.class).size());
    // AND Y−1 and Y+1 must still be absent (the cross-year findings were computed without them)
    String agencyKey = head.agencyKey();
    assertEquals(List.of(new Writes.Check(Identity.reportId(agencyKey, 2021), new Writes.Expected(null)),
        new Writes.Check(Identity.reportId(agencyKey, 2023), new Writes.Expected(null))), w.checks());
    // AND the eight summaries (all years / 2022 × all regions / province / city / county) count it once
    assertEquals(8, w.summaryDeltas().size());
    for (String scope : w.summaryDeltas().keySet()) {
      assertEquals(1, w.summaryDelta(scope, "reports").intValue(), scope);
      assertEquals(1, w.summaryDelta(scope, "status.HAS_ERRORS").intValue(), scope);
      assertEquals(1, w.summaryDelta(scope, "rule.B1").intValue(), scope);
    }
    assertEquals(Set.of(nianbao.core.ReportReader.RULES_VERSION + "|" + Reports.TXT), w.procKeys());
  }

  @Test
  void readingNotesAreCountedApartFromWarningsInTheHeadTheRuleItemAndTheSummaries() {
    Report r = report(2022, 0, 0, "v1", Reports.note("S2"), warning("S2"));
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    ReportHead head = table.head(id(r)).orElseThrow();
    assertEquals(1, head.warnings());
    assertEquals(1, head.notes());
    assertEquals("VALID", head.status());
    var rule = table.ruleItems(id(r)).get(0);
    assertEquals(1, rule.notes());
    assertEquals(1, rule.reportNotes());
    assertEquals(1, table.count(ALL, "notes"));
    assertEquals(1, table.count(ALL, "warnings"));
    assertEquals(2, table.count(ALL, "rule.S2"));
    assertEquals(1, table.count(ALL, "ruleNotes.S2"));
  }

  @Test
  void theSameBytesAgainAtTheSameObjectChangeNothing() {
    // GIVEN a stored report
    Report r = report(2022, 0, 0, "v1");
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    // WHEN the same object's event comes again
    Decision again = WriteRules.decide(table, new Change.Store(r, upload("a.txt", "1", 0, "10")), "later");
    // THEN nothing is written
    assertEquals(WriteResult.UNCHANGED, again.result());
    assertTrue(again.writes().isEmpty());
    assertEquals("VALID", again.status());
  }

  @Test
  void theSameBytesUnderAnotherKeyJoinTheVersionAndCountNothingMore() {
    Report r = report(2022, 0, 0, "v1");
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    Decision d = table.apply(new Change.Store(r, upload("copy.txt", "1", 5, "20")));
    assertEquals(WriteResult.UNCHANGED, d.result());
    ReportVersion v = table.version(id(r), r.source().sha256()).orElseThrow();
    assertEquals(Set.of("reports/a.txt#1", "reports/copy.txt#1"), v.sources());
    assertEquals(1, table.head(id(r)).orElseThrow().versionCount());
    assertTrue(d.writes().summaryDeltas().isEmpty(), "no summary changes");
    assertEquals(1, table.count(ALL, "reports"));
  }

  @Test
  void aNewerCorrectionBecomesCurrentAndTheSummariesMoveFromTheOldStateToTheNew() {
    // GIVEN a valid report
    Report v1 = report(2022, 0, 0, "v1");
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    // WHEN a later upload of the same agency and year has an error
    Report v2 = report(2022, 0, 0, "v2", error("B1"));
    Decision d = table.apply(new Change.Store(v2, upload("a-fixed.txt", "1", 60, "30")));
    // THEN it is current, the head conditioned on the revision read
    assertEquals(WriteResult.NEW_CURRENT_VERSION, d.result());
    assertTrue(d.writes().writes().stream().anyMatch(w -> w instanceof Writes.Put p
        && p.item() instanceof ReportHead && p.expected().equals(new Writes.Expected(1L))));
    ReportHead head = table.head(id(v1)).orElseThrow();
    assertEquals(v2.source().sha256(), head.currentSha());
    assertEquals(2, head.versionCount());
    assertEquals(2, head.revision());
    // AND the summaries count the report once, now with an error
    assertEquals(0, d.writes().summaryDelta(CITY_2022, "reports").intValue());
    assertEquals(-1, d.writes().summaryDelta(CITY_2022, "status.VALID").intValue());
    assertEquals(1, d.writes().summaryDelta(CITY_2022, "status.HAS_ERRORS").intValue());
    assertEquals(1, table.count(CITY_2022, "reports"));
    assertEquals(1, table.count(CITY_2022, "rule.B1"));
    assertEquals(1, table.ruleItems(id(v1)).size());
  }

  @Test
  void anOlderUploadArrivingLaterIsKeptAsAVersionButTheCurrentStays() {
    Report newer = report(2022, 0, 0, "v2");
    table.apply(new Change.Store(newer, upload("a.txt", "2", 60, "30")));
    Report older = report(2022, 0, 0, "v1", error("B1"));
    Decision d = table.apply(new Change.Store(older, upload("a.txt", "1", 0, "10")));
    assertEquals(WriteResult.OLDER_VERSION_KEPT, d.result());
    assertEquals("VALID", d.status());
    ReportHead head = table.head(id(newer)).orElseThrow();
    assertEquals(newer.source().sha256(), head.currentSha());
    assertEquals(2, head.versionCount());
    assertTrue(d.writes().summaryDeltas().isEmpty());
    assertTrue(table.ruleItems(id(newer)).isEmpty(), "the older version's findings are not current");
  }

  @Test
  void theSameBytesReadByANewerReaderReplaceTheVersionInPlaceAndTheSummariesTakeTheDifference() {
    // GIVEN a report stored by an older reader, without findings
    Report old = report(Reports.AGENCY, 2022, 0, 0, "v1", "txt/0");
    table.apply(new Change.Store(old, upload("a.txt", "1", 0, "10")));
    // WHEN the current reader reads the same bytes and finds a warning
    Report reread = report(2022, 0, 0, "v1", warning("S2"));
    Decision d = table.apply(new Change.Store(reread, upload("a.txt", "1", 0, "10")));
    // THEN the version is replaced, keeps its place in the order of uploads, and counts once
    assertEquals(WriteResult.REPROCESSED, d.result());
    ReportVersion v = table.version(id(old), old.source().sha256()).orElseThrow();
    assertEquals(Reports.TXT, v.reader());
    assertEquals(1, v.warnings());
    assertEquals(1, table.count(ALL, "reports"));
    assertEquals(1, table.count(ALL, "rule.S2"));
    assertEquals(1, table.head(id(old)).orElseThrow().versionCount());
  }

  @Test
  void aDecisionOnWhatAnotherChangeHasSinceChangedIsRefusedAndDecidedAgainCountsOnce() {
    // GIVEN two deliveries of a new report decided on the same empty table
    Report r = report(2022, 0, 0, "v1");
    Decision first = WriteRules.decide(table, new Change.Store(r, upload("a.txt", "1", 0, "10")), "t1");
    Decision second = WriteRules.decide(table, new Change.Store(r, upload("a.txt", "1", 0, "10")), "t1");
    // WHEN the first commits THEN the second's transaction is refused (its head must be absent)
    table.commit(first.writes());
    assertThrows(MemoryTable.ConditionFailed.class, () -> table.commit(second.writes()));
    // AND decided again on what is there now, it changes nothing: the report counts once
    assertEquals(WriteResult.UNCHANGED, table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10"))).result());
    assertEquals(1, table.count(ALL, "reports"));
  }

  @Test
  void anEventOlderThanTheDeleteOfItsKeyIsStaleAndWritesNothing() {
    // GIVEN a key whose delete (sequencer 20) is recorded
    table.commit(writesOf(WriteRules.tombstone(upload("a.txt", null, 10, "20"), "t")));
    // WHEN its creation event (sequencer 10) arrives late
    Decision d = WriteRules.decide(table, new Change.Store(report(2022, 0, 0, "v1"), upload("a.txt", null, 0, "10")),
        "t");
    // THEN it is stale
    assertEquals(WriteResult.STALE, d.result());
    assertTrue(d.writes().isEmpty());
  }

  @Test
  void aBodyTooLargeForOneItemGoesToChunksWrittenBeforeTheTransaction() {
    Report big = report(2022, 0, 0, "big");
    StringBuilder text = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    while (text.length() < 700_000) {
      text.append((char) (0x4e00 + random.nextInt(20_000)));
    }
    big = new Report(big.schemaVersion(), big.source(), big.title(), big.agency(), big.year(), big.template(),
        big.region(), new nianbao.core.model.Sections(text.toString(), null, null), null, big.applications(), null,
        big.findings());
    Decision d = table.apply(new Change.Store(big, upload("big.txt", "1", 0, "10")));
    ReportVersion v = d.writes().puts(ReportVersion.class).get(0);
    assertNull(v.body());
    assertTrue(v.bodyChunks() >= 2);
    assertEquals(v.bodyChunks(), d.writes().chunks().size());
    assertEquals(text.toString(), table.body(v).sections().overview(), "kept whole");
  }

  @Test
  void aReportWithoutYearCountsInTheAllYearsSummariesOnlyAndChecksNoNeighbour() {
    Report r = report(Reports.AGENCY, null, 0, 0, "v1", Reports.TXT);
    Decision d = table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    assertEquals(WriteResult.CREATED, d.result());
    assertTrue(d.writes().checks().isEmpty());
    // all years × all regions, province, city, county
    assertEquals(4, d.writes().summaryDeltas().size());
    assertFalse(d.writes().summaryDeltas().containsKey(Keys.summary(2022, null, null)));
  }

  static Writes writesOf(Object item) {
    Writes w = new Writes();
    w.put(item);
    return w;
  }
}
