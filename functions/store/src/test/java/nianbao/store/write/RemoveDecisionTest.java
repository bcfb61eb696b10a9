package nianbao.store.write;

import static nianbao.store.write.Reports.error;
import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** A deleted object: withdrawal of a current or non-current version, the last version, detaching, targets. */
class RemoveDecisionTest {
  private static final String ALL = Keys.summary(null, null, null);

  private final MemoryTable table = new MemoryTable();
  private final Report v1 = report(2022, 0, 0, "v1");
  private final Report v2 = report(2022, 0, 0, "v2", error("B1"));
  private final String id = Identity.of(v1, v1.source().sha256()).reportId();

  private SourceRecord recorded(String key, String objectVersionId) {
    return table.uploads(Reports.BUCKET, key).stream()
        .filter(s -> WriteRules.sameObjectVersion(s.versionId(), objectVersionId)).findFirst().orElseThrow();
  }

  private Decision delete(String key, String objectVersionId, String sequencer) {
    return table.apply(new Change.Remove(recorded(key, objectVersionId), upload(key, objectVersionId, 300,
        sequencer)));
  }

  @Test
  void deletingTheObjectOfANonCurrentVersionWithdrawsItAndLeavesTheCurrentStateAlone() {
    // GIVEN v1 (older) and v2 (current)
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    table.apply(new Change.Store(v2, upload("b.txt", "1", 60, "10")));
    // WHEN v1's object is deleted
    Decision d = delete("a.txt", "1", "20");
    // THEN v1 is withdrawn, the head only checked, the summaries untouched, the object's record REMOVED
    assertEquals(WriteResult.REMOVED, d.result());
    assertTrue(table.version(id, v1.source().sha256()).orElseThrow().withdrawn());
    assertEquals(List.of(new Writes.Check(id, new Writes.Expected(2L))), d.writes().checks());
    assertTrue(d.writes().summaryDeltas().isEmpty());
    SourceRecord removed = recorded("a.txt", "1");
    assertEquals(SourceRecord.REMOVED, removed.status());
    assertEquals("20", removed.sequencer());
    assertEquals(v2.source().sha256(), table.head(id).orElseThrow().currentSha());
  }

  @Test
  void deletingTheCurrentVersionsObjectFallsBackToTheLatestRemainingVersion() {
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    table.apply(new Change.Store(v2, upload("b.txt", "1", 60, "10")));
    Decision d = delete("b.txt", "1", "20");
    ReportHead head = table.head(id).orElseThrow();
    assertEquals(v1.source().sha256(), head.currentSha());
    assertEquals("VALID", head.status());
    assertEquals(1, table.count(ALL, "reports"));
    assertEquals(0, table.count(ALL, "status.HAS_ERRORS"));
    assertEquals(-1, d.writes().summaryDelta(ALL, "rule.B1").intValue());
    assertTrue(table.ruleItems(id).isEmpty(), "B1 was v2's");
    assertTrue(d.writes().deletes().stream().anyMatch(x -> x.sk().equals(Keys.rule("B1"))));
  }

  @Test
  void aVersionWithAnotherObjectLeftStaysCurrent() {
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    table.apply(new Change.Store(v1, upload("copy.txt", "1", 5, "10")));
    Decision d = delete("a.txt", "1", "20");
    ReportVersion v = table.version(id, v1.source().sha256()).orElseThrow();
    assertFalse(v.withdrawn());
    assertEquals(Set.of("reports/copy.txt#1"), v.sources());
    assertTrue(d.writes().summaryDeltas().isEmpty());
  }

  @Test
  void whenTheLastVersionIsWithdrawnTheReportLeavesTheListsAndTheSummaries() {
    Report r = report(2022, 0, 0, "v1", error("B1"));
    table.apply(new Change.Store(r, upload("a.txt", "1", 0, "10")));
    Decision d = delete("a.txt", "1", "20");
    assertTrue(table.head(id).isEmpty());
    assertTrue(table.ruleItems(id).isEmpty());
    assertTrue(table.summary(ALL).isEmpty(), table.summary(ALL).toString());
    assertTrue(table.summary(Keys.summary(2022, "河南省", "新乡市")).isEmpty());
    // the head's delete is conditioned on the revision read
    assertTrue(d.writes().deletes().contains(new Writes.Delete(Keys.report(id), Keys.HEAD,
        new Writes.Expected(1L))));
    // the version stays, withdrawn, for the record
    assertTrue(table.version(id, r.source().sha256()).orElseThrow().withdrawn());
  }

  @Test
  void aSecondDeleteOfTheSameObjectFindsNothingLeftToTake() {
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    delete("a.txt", "1", "20");
    List<SourceRecord> targets = WriteRules.removalTargets(table.uploads(Reports.BUCKET, "a.txt"),
        upload("a.txt", "1", 300, "20"), false);
    assertTrue(targets.isEmpty());
  }

  @Test
  void aDeleteMarkerTakesEveryLiveVersionOfTheKeyNotNewerThanItself() {
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    table.apply(new Change.Store(v2, upload("a.txt", "2", 60, "20")));
    table.apply(new Change.Store(report(2022, 0, 0, "v3"), upload("a.txt", "3", 120, "40")));
    List<SourceRecord> marker = WriteRules.removalTargets(table.uploads(Reports.BUCKET, "a.txt"),
        upload("a.txt", "m", 90, "30"), true);
    assertEquals(Set.of("1", "2"), Set.copyOf(marker.stream().map(SourceRecord::versionId).toList()));
    List<SourceRecord> one = WriteRules.removalTargets(table.uploads(Reports.BUCKET, "a.txt"),
        upload("a.txt", "2", 90, "30"), false);
    assertEquals(List.of("2"), one.stream().map(SourceRecord::versionId).toList());
  }

  @Test
  void aDetachedObjectLeavesItsVersionButItsRecordStaysTheOtherReports() {
    table.apply(new Change.Store(v1, upload("a.txt", "1", 0, "10")));
    SourceRecord before = recorded("a.txt", "1");
    Decision d = table.apply(new Change.Detach(id, v1.source().sha256(), upload("a.txt", "1", 0, "10")));
    assertTrue(d.writes().puts(SourceRecord.class).isEmpty());
    assertEquals(before, recorded("a.txt", "1"));
    assertTrue(table.head(id).isEmpty(), "its only version lost its only object");
  }
}
