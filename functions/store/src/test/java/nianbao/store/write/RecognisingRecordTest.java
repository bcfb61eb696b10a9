package nianbao.store.write;

import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nianbao.core.model.Report;
import nianbao.store.item.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * The upload status while text recognition reads an object ({@link SourceRecord#RECOGNISING}): every write rule
 * takes it for an object not yet recorded, and an outcome replaces it; a progress write never replaces an outcome.
 */
class RecognisingRecordTest {
  private final MemoryTable table = new MemoryTable();

  private void recognising(UploadedObject upload, String progress) {
    Writes w = new Writes();
    w.put(upload.record(null, null, SourceRecord.RECOGNISING, progress, "2026-12-07T09:00:00.000Z"));
    table.commit(w);
  }

  private SourceRecord record(UploadedObject upload) {
    return WriteRules.find(table.uploads(upload.bucket(), upload.key()), upload.objectVersionId());
  }

  @Test
  void theReportReadAfterRecognitionReplacesTheProgressRecord() {
    UploadedObject scan = upload("scan.pdf", "1", 0, "10");
    recognising(scan, "文字识别中 1/3 页");
    assertTrue(SourceRecord.progressMayReplace(record(scan)));

    Report r = report(2022, 0, 0, "v1");
    Decision d = table.apply(new Change.Store(r, scan));

    assertEquals(WriteResult.CREATED, d.result());
    assertEquals(SourceRecord.INGESTED, record(scan).status());
    assertFalse(SourceRecord.progressMayReplace(record(scan)), "progress must not hide the outcome");
  }

  @Test
  void aScanThatIsNoReportIsRejectedOverItsProgressRecord() {
    UploadedObject scan = upload("photo.zip", "1", 0, "10");
    recognising(scan, "文字识别中 2/2 页");

    Decision d = table.apply(new Change.Reject(scan, "zip", "扫描件中没有识别出文字", "photo.zip"));

    assertEquals(WriteResult.REJECTED, d.result());
    assertEquals(SourceRecord.REJECTED, record(scan).status());
    assertEquals(1, table.count(nianbao.store.item.Keys.summary(null, null, null), "reports"));
  }

  @Test
  void aScanDeletedWhileBeingRecognisedLeavesNothingAndItsLateResultIsStale() {
    UploadedObject scan = upload("scan.pdf", "1", 0, "10");
    recognising(scan, "文字识别中 1/3 页");

    for (SourceRecord s : WriteRules.removalTargets(table.uploads(scan.bucket(), scan.key()),
        upload("scan.pdf", "1", 5, "20"), false)) {
      assertEquals(WriteResult.REMOVED, table.apply(new Change.Remove(s, upload("scan.pdf", "1", 5, "20"))).result());
    }
    assertEquals(SourceRecord.REMOVED, record(scan).status());

    Decision late = table.apply(new Change.Store(report(2022, 0, 0, "v1"), scan));
    assertEquals(WriteResult.STALE, late.result());
    assertEquals(0, table.count(nianbao.store.item.Keys.summary(null, null, null), "reports"));
  }
}
