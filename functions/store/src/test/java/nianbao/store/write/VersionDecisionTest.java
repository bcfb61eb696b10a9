package nianbao.store.write;

import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.core.model.Report;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.item.BodyChunk;
import nianbao.store.item.HistoryEntry;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RemovedVersion;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.ReportVersionBuilder;
import nianbao.store.item.SourceRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

/**
 * A reviewer chooses the current version (设为当前版本) or removes one: the report is counted on the chosen version —
 * head, summaries, cross-year findings — and each change is in the history; re-uploading an earlier file makes it
 * current again, and its upload record says which current version it replaced.
 */
class VersionDecisionTest {
  private static final String CITY_2022 = Keys.summary(2022, "河南省", "新乡市");
  private static final String PURGE_AT = "2027-01-06T10:00:00.000Z";
  private final MemoryTable table = new MemoryTable();
  /** 2021 carries 5 forward; 2022's first version carries 5 over (X2 holds), its second 4 (X2 error). */
  private final Report y2021 = report(2021, 0, 5, "v1");
  private final Report v1 = report(2022, 5, 0, "v1");
  private final Report v2 = report(2022, 4, 0, "v2");
  private final String id = Identity.of(v1, v1.source().sha256()).reportId();

  private void storeBoth() {
    table.apply(new Change.Store(y2021, upload("2021.txt", "1", 0, "5")));
    table.apply(new Change.Store(v1, upload("a.txt", "1", 10, "10")));
    table.apply(new Change.Store(v2, upload("a.txt", "2", 60, "20")));
  }

  private ReportHead head() {
    return table.head(id).orElseThrow();
  }

  private String sha(Report r) {
    return r.source().sha256();
  }

  @Test
  void choosingAnEarlierVersionCountsTheReportOnItWithItsCrossYearFindingsAndRecordsIt() {
    storeBoth();
    assertEquals("HAS_ERRORS", head().status(), "v2 breaks X2 against 2021");
    assertEquals(4, table.count(CITY_2022, "B.carriedOver.naturalPerson"));

    Decision d = table.apply(new Change.ChooseVersion(id, sha(v1), "alice", head().revision()));

    assertEquals(WriteResult.CURRENT_CHOSEN, d.result());
    assertEquals(sha(v1), head().currentSha());
    assertEquals("VALID", head().status());
    assertTrue(Findings.read(head().crossFindings()).isEmpty(), "X2 holds for v1");
    assertEquals(5, table.count(CITY_2022, "B.carriedOver.naturalPerson"));
    assertEquals(1, table.count(CITY_2022, "reports"), "still one report");
    assertEquals(0, table.count(CITY_2022, "rule.X2"));
    HistoryEntry e = table.history(id).get(0);
    assertEquals("version.current", e.action());
    assertEquals("alice", e.by());
    assertEquals(sha(v1), e.target());
    assertTrue(e.before().contains(sha(v2)) && e.after().contains(sha(v1)), e.before() + " " + e.after());

    assertEquals(WriteResult.UNCHANGED, table.apply(new Change.ChooseVersion(id, sha(v1), "alice", null)).result());
    assertEquals(WriteResult.NOT_FOUND, table.apply(new Change.ChooseVersion(id, "0".repeat(64), "alice", null))
        .result());
    assertEquals(WriteResult.REVISION_MISMATCH, table.apply(new Change.ChooseVersion(id, sha(v2), "alice", 1L))
        .result());
  }

  @Test
  void removingTheCurrentVersionMakesTheNewestRemainingCurrentAndTheLastCannotBeRemoved() {
    storeBoth();
    Decision d = table.apply(new Change.RemoveVersion(id, sha(v2), "bob", PURGE_AT, null));

    assertEquals(WriteResult.VERSION_REMOVED, d.result());
    assertEquals(sha(v1), head().currentSha());
    assertEquals("VALID", head().status());
    ReportVersion removed = table.version(id, sha(v2)).orElseThrow();
    assertTrue(removed.withdrawn());
    assertEquals("bob", removed.removedBy());
    assertEquals(1, removed.sources().size(), "its object stays recorded");
    HistoryEntry e = table.history(id).get(0);
    assertEquals("version.removed", e.action());
    assertTrue(e.after().contains(sha(v1)), e.after());
    assertEquals(1, table.count(CITY_2022, "reports"));

    Decision last = table.apply(new Change.RemoveVersion(id, sha(v1), "bob", PURGE_AT, null));
    assertEquals(WriteResult.LAST_VERSION, last.result());
    assertTrue(last.writes().isEmpty());
    assertEquals(WriteResult.VERSION_WITHDRAWN, table.apply(new Change.ChooseVersion(id, sha(v2), "bob", null))
        .result(), "a removed version cannot be made current");
  }

  @Test
  void removingAnotherVersionLeavesTheCurrentStateAndCountsAsIs() {
    storeBoth();
    long revision = head().revision();
    Decision d = table.apply(new Change.RemoveVersion(id, sha(v1), "bob", PURGE_AT, null));
    assertEquals(WriteResult.VERSION_REMOVED, d.result());
    assertEquals(sha(v2), head().currentSha());
    assertEquals(revision + 1, head().revision(), "the head moves on: an If-Match of before is stale");
    assertTrue(d.writes().summaryDeltas().isEmpty());
  }

  @Test
  void reUploadingAnEarlierFileMakesItCurrentAgainAndItsRecordSaysWhatItReplaced() {
    storeBoth();
    Decision d = table.apply(new Change.Store(v1, upload("again.txt", "1", 120, "30")));
    assertEquals(WriteResult.NEW_CURRENT_VERSION, d.result());
    assertEquals(sha(v1), head().currentSha());
    SourceRecord record = table.uploads(Reports.BUCKET, "again.txt").get(0);
    assertEquals(sha(v2), record.replaced());
    assertNull(table.uploads(Reports.BUCKET, "a.txt").get(1).replaced(), "the first upload replaced nothing");
    assertEquals(sha(v1), table.uploads(Reports.BUCKET, "a.txt").get(0).replaced(), "v2 replaced v1");
  }

  @Test
  void aRemovedVersionStaysRemovedOnARetriedEventAndComesBackWhenItsBytesAreUploadedAnew() {
    storeBoth();
    table.apply(new Change.RemoveVersion(id, sha(v1), "bob", PURGE_AT, null));
    assertEquals(WriteResult.UNCHANGED, table.apply(new Change.Store(v1, upload("a.txt", "1", 10, "10"))).result());
    assertTrue(table.version(id, sha(v1)).orElseThrow().withdrawn());

    table.apply(new Change.Store(v1, upload("again.txt", "1", 120, "30")));
    ReportVersion back = table.version(id, sha(v1)).orElseThrow();
    assertFalse(back.withdrawn());
    assertNull(back.removedAt());
    assertEquals(sha(v1), head().currentSha());
    assertEquals(List.of("version.removed"), table.history(id).stream().map(HistoryEntry::action).toList());
  }

  @Test
  void aRemovedVersionIsDueForPurgeAndThePurgeDeletesItsItemAndChunksWithAHistoryEntry() {
    storeBoth();
    table.apply(new Change.RemoveVersion(id, sha(v1), "bob", PURGE_AT, null));
    ReportVersion removed = table.version(id, sha(v1)).orElseThrow();
    RemovedVersion due = (RemovedVersion) table.item(Keys.report(id), Keys.removedVersion(sha(v1))).orElseThrow();
    assertEquals(RemovedVersion.LIST, due.listKey());
    assertEquals(PURGE_AT + "#" + id + "#" + sha(v1), due.ord(), "filed by when it is due");
    assertEquals(removed.removedAt(), due.removedAt());
    long revision = head().revision();
    long reports = table.count(CITY_2022, "reports");

    Decision d = table.apply(new Change.PurgeVersion(id, sha(v1), removed.removedAt()));

    assertEquals(WriteResult.VERSION_PURGED, d.result());
    assertTrue(table.version(id, sha(v1)).isEmpty(), "the version item is gone");
    assertTrue(table.item(Keys.report(id), Keys.removedVersion(sha(v1))).isEmpty(), "no longer due");
    assertEquals(sha(v2), head().currentSha(), "the current version is untouched");
    assertEquals(revision + 1, head().revision());
    assertTrue(d.writes().summaryDeltas().isEmpty());
    assertEquals(reports, table.count(CITY_2022, "reports"));
    HistoryEntry e = table.history(id).get(0);
    assertEquals("version.purged", e.action());
    assertEquals("purge", e.by());
    assertEquals(sha(v1), e.target());
    assertTrue(e.before().contains("\"removedBy\":\"bob\""), e.before());
    assertEquals(WriteResult.UNCHANGED, table.apply(new Change.PurgeVersion(id, sha(v1), removed.removedAt()))
        .result(), "a second purge finds nothing");
  }

  @Test
  void thePurgeDeletesTheBodyChunksOfALargeVersion() {
    storeBoth();
    ReportVersion chunked = ReportVersionBuilder.builder(table.version(id, sha(v1)).orElseThrow()).bodyChunks(2)
        .bodyHash("h").build();
    Writes w = new Writes();
    w.put(chunked);
    w.chunk(new BodyChunk(id, sha(v1), "h", 0, SdkBytes.fromUtf8String("a")));
    w.chunk(new BodyChunk(id, sha(v1), "h", 1, SdkBytes.fromUtf8String("b")));
    table.commit(w);
    table.apply(new Change.RemoveVersion(id, sha(v1), "bob", PURGE_AT, null));
    String removedAt = table.version(id, sha(v1)).orElseThrow().removedAt();

    Decision d = table.apply(new Change.PurgeVersion(id, sha(v1), removedAt));

    assertEquals(WriteResult.VERSION_PURGED, d.result());
    assertTrue(table.item(Keys.report(id), Keys.bodyChunk(sha(v1), "h", 0)).isEmpty());
    assertTrue(table.item(Keys.report(id), Keys.bodyChunk(sha(v1), "h", 1)).isEmpty());
  }

  @Test
  void aVersionBroughtBackBeforeItsPurgeIsKeptAndNoLongerDue() {
    storeBoth();
    table.apply(new Change.RemoveVersion(id, sha(v1), "bob", PURGE_AT, null));
    String removedAt = table.version(id, sha(v1)).orElseThrow().removedAt();
    table.apply(new Change.Store(v1, upload("again.txt", "1", 120, "30")));
    long revision = head().revision();

    Decision d = table.apply(new Change.PurgeVersion(id, sha(v1), removedAt));

    assertEquals(WriteResult.UNCHANGED, d.result());
    assertFalse(table.version(id, sha(v1)).orElseThrow().withdrawn());
    assertTrue(table.item(Keys.report(id), Keys.removedVersion(sha(v1))).isEmpty(), "no longer due");
    assertEquals(revision, head().revision());
    assertFalse(table.history(id).stream().anyMatch(h -> h.action().equals("version.purged")));
  }

  @Test
  void aRemovedVersionOfADeletedReportWaitsForTheReportsOwnPurge() {
    storeBoth();
    table.apply(new Change.RemoveVersion(id, sha(v1), "bob", PURGE_AT, null));
    String removedAt = table.version(id, sha(v1)).orElseThrow().removedAt();
    table.apply(new Change.Delete(id, "admin", PURGE_AT, null));

    Decision d = table.apply(new Change.PurgeVersion(id, sha(v1), removedAt));

    assertEquals(WriteResult.NOT_FOUND, d.result());
    assertTrue(d.writes().isEmpty());
    assertTrue(table.item(Keys.report(id), Keys.removedVersion(sha(v1))).isPresent(), "still due: a restore keeps it");
  }
}
