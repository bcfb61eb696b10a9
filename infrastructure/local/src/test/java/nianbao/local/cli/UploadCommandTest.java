package nianbao.local.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nianbao.store.UploadView;
import org.junit.jupiter.api.Test;

/** Which of a key's recorded uploads is the one just put (the rest is StackCommandsTest's, on a running stack). */
class UploadCommandTest {
  private static UploadView recorded(String versionId, String updatedAt) {
    return new UploadView("INGESTED", versionId, "r-2022", null, updatedAt);
  }

  @Test
  void inAVersionedBucketTheVersionPutIsTheOneWaitedFor() {
    assertTrue(UploadCommand.isThisUpload(recorded("v2", "2026-12-07T10:00:00.000Z"), "v2", "2026-12-07T11:00:00.000Z"));
    assertFalse(UploadCommand.isThisUpload(recorded("v1", "2026-12-07T12:00:00.000Z"), "v2", "2026-12-07T11:00:00.000Z"),
        "an earlier version of the key is another upload, however recently it was recorded");
  }

  @Test
  void withoutVersioningOnlyARecordWrittenSinceThePutIsIt() {
    // every put to an unversioned bucket is version "null": the record of an earlier put must not be taken for it
    assertFalse(UploadCommand.isThisUpload(recorded("null", "2026-12-07T10:59:59.999Z"), null, "2026-12-07T11:00:00.000Z"));
    assertTrue(UploadCommand.isThisUpload(recorded("null", "2026-12-07T11:00:00.000Z"), null, "2026-12-07T11:00:00.000Z"));
    assertTrue(UploadCommand.isThisUpload(recorded("null", "2026-12-07T11:00:03.000Z"), "null", "2026-12-07T11:00:00.000Z"));
  }
}
