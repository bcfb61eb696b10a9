package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nianbao.core.ReportReader;
import nianbao.fixtures.SeedReports;
import nianbao.ingest.operations.Reprocessor;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Rejected uploads: one per key and content, however often those bytes are put there; and which of them
 * re-processing takes up again — a file no reader takes, once a reader for its format exists; a file a reader took
 * and found no report in (or failed on), once that reader's version changes — and not on every run, as it did when
 * every rejected text or PDF counted as outdated.
 */
class RejectedUploadsTest {
  private static final String RULES = ReportReader.RULES_VERSION;

  /** A fresh table and bucket on the test JVM's local servers. */
  private static Harness harness(ReportParser parser) throws java.io.IOException {
    Backend.Local servers = Backend.Local.shared();
    return new Harness(servers, servers.dynamo(), parser);
  }

  @Test
  void theSameBytesPutTwiceAtAKeyAreOneRejectedUploadUntilNoVersionHoldsThem() throws Exception {
    // GIVEN a poem put twice at one key (a client's retried PUT makes two versions and two events)
    Harness h = harness(ReportParser.CORE);
    byte[] poem = "床前明月光，疑是地上霜。\n".getBytes(StandardCharsets.UTF_8);
    Harness.Uploaded first = h.upload("uploads/poem.txt", poem);
    Harness.Uploaded second = h.upload("uploads/poem.txt", poem);
    assertFalse(first.versionId().equals(second.versionId()));
    h.deliver(first);
    h.deliver(second);
    // THEN it is one rejected upload, counted once
    List<ReportHead> heads = h.heads();
    assertEquals(1, heads.size(), heads.toString());
    assertEquals(second.versionId(), heads.get(0).versionId());
    assertEquals(1, h.store.summary(null, null, null).reports());
    h.assertSummariesExact();
    // AND other bytes at the key are another rejected upload
    Harness.Uploaded other = h.upload("uploads/poem.txt", "举头望明月，低头思故乡。\n".getBytes(StandardCharsets.UTF_8));
    h.deliver(other);
    assertEquals(2, h.heads().size());

    // WHEN one version of the poem is deleted THEN the other still holds it: the rejection stays
    h.s3.deleteObject(r -> r.bucket(h.bucket).key("uploads/poem.txt").versionId(first.versionId()));
    h.invoke(Harness.removedEvent(h.bucket, "uploads/poem.txt", first.versionId(), false));
    assertEquals(2, h.heads().size());
    // WHEN the other is deleted too THEN it goes, and the summaries with it
    h.s3.deleteObject(r -> r.bucket(h.bucket).key("uploads/poem.txt").versionId(second.versionId()));
    h.invoke(Harness.removedEvent(h.bucket, "uploads/poem.txt", second.versionId(), false));
    assertEquals(List.of(other.versionId()), h.heads().stream().map(ReportHead::versionId).toList());
    assertEquals(1, h.store.summary(null, null, null).reports());
    h.assertSummariesExact();
  }

  @Test
  void theProcessingKeyOfARejectedUploadNamesTheReaderThatTookIt() throws Exception {
    assertTrue(Reprocessor.isCurrent(RULES + "|rejected:txt/2"), "read by today's text reader: nothing new to try");
    assertFalse(Reprocessor.isCurrent(RULES + "|rejected:txt/0"), "an older text reader: try again");
    assertFalse(Reprocessor.isCurrent(RULES + "|rejected:txt"), "written before the reader was recorded");
    assertTrue(Reprocessor.isCurrent(RULES + "|rejected:doc"), "still no reader for .doc");
    assertTrue(Reprocessor.isCurrent(RULES + "|rejected:unknown"));
    assertFalse(Reprocessor.isCurrent("rules/0|rejected:doc"), "the rules changed");
  }

  @Test
  void aTextThatIsNoReportIsReadOnceAndNotAgainOnEveryRun() throws Exception {
    // GIVEN a poem uploaded as a report
    Harness h = harness(ReportParser.CORE);
    h.deliver(h.upload("uploads/poem.txt", "床前明月光，疑是地上霜。\n".getBytes(StandardCharsets.UTF_8)));
    // THEN it is rejected by the text reader, which the head names
    ReportHead poem = h.heads().get(0);
    assertTrue(poem.rejected());
    assertEquals("txt/2", poem.reader());
    assertEquals(RULES + "|rejected:txt/2", poem.procKey());
    // AND re-processing finds nothing outdated
    Reprocessor.Progress p = new Reprocessor(h.ingest).run(10, null, () -> true);
    assertEquals(List.of(), p.outdatedVersions());
    assertEquals(0, p.examined());
    h.assertSummariesExact();
  }

  @Test
  void aReportTheReaderFailedOnIsReadAgainOnceTheReaderChanged() throws Exception {
    // GIVEN a reader with a defect on one file: the upload is kept as rejected, naming the format and reader
    byte[] report = SeedReports.bytes(SeedReports.XINXIANG_2022);
    Harness defective = harness((bytes, name) -> {
      throw new IllegalStateException("a defect of the reader");
    });
    defective.deliver(defective.upload("uploads/新乡县 2022.txt", report));
    ReportHead failed = defective.heads().get(0);
    assertTrue(failed.rejected());
    assertTrue(failed.reason().contains("内部错误"), failed.reason());
    assertEquals("txt", failed.format());
    assertEquals(RULES + "|rejected:txt/2", failed.procKey());
    // AND as the fixed reader sees it: the head written by the reader version before it
    defective.dynamo.updateItem(r -> r.tableName(defective.table)
        .key(Map.of("pk", AttributeValue.fromS(failed.pk()), "sk", AttributeValue.fromS(failed.sk())))
        .updateExpression("SET #reader = :old, procKey = :key")
        .expressionAttributeNames(Map.of("#reader", "reader"))
        .expressionAttributeValues(Map.of(":old", AttributeValue.fromS("txt/0"),
            ":key", AttributeValue.fromS(RULES + "|rejected:txt/0"))));
    defective.dynamo.updateItem(r -> r.tableName(defective.table)
        .key(Map.of("pk", AttributeValue.fromS(nianbao.store.item.Keys.summary(null, null, null)),
            "sk", AttributeValue.fromS(nianbao.store.item.Keys.SUMMARY)))
        .updateExpression("ADD procKeys :key")
        .expressionAttributeValues(Map.of(":key", AttributeValue.fromSs(List.of(RULES + "|rejected:txt/0")))));

    // WHEN the fixed reader re-processes what an older one rejected
    Reprocessor.Progress p = new Reprocessor(defective.ingestWith(ReportParser.CORE)).run(10, null,
        () -> true);

    // THEN the upload is the report it always was, the rejection is gone, and the summaries count it once
    assertEquals(1, p.examined());
    assertEquals(1, p.reprocessed());
    List<ReportHead> heads = defective.heads();
    assertEquals(1, heads.size(), heads.toString());
    assertFalse(heads.get(0).rejected());
    assertEquals("新乡县人民政府", heads.get(0).agency());
    assertEquals(1, defective.store.summary(null, null, null).reports());
    defective.assertSummariesExact();
  }
}
