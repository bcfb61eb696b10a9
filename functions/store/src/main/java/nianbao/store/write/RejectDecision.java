package nianbao.store.write;

import java.util.List;
import java.util.Objects;
import nianbao.core.ReportReader;
import nianbao.core.document.DocumentReader;
import nianbao.core.document.DocumentReaders;
import nianbao.store.Identity;
import nianbao.store.Timestamps;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportHeadBuilder;
import nianbao.store.item.SourceRecord;

/**
 * An upload that is not a readable report becomes a rejected upload: a head of its own, keyed by the object's key
 * and content, so the same bytes put again at the key (a client's retried PUT, a re-upload) are the same rejected
 * upload, as the same report's bytes again are the same report. An object read fine before stays its report.
 */
final class RejectDecision {
  private RejectDecision() {}

  static Decision decide(Snapshot read, Change.Reject change, String now) {
    UploadedObject upload = change.upload();
    String id = Identity.rejectedId(upload.bucket(), upload.key(),
        upload.eTag() != null ? upload.eTag() : String.valueOf(upload.objectVersionId()));
    List<SourceRecord> history = read.uploads(upload.bucket(), upload.key());
    if (WriteRules.stale(history, upload)) {
      return Decision.nothing(WriteResult.STALE, id, null);
    }
    SourceRecord source = WriteRules.find(history, upload.objectVersionId());
    Writes writes = new Writes();
    if (source != null && SourceRecord.INGESTED.equals(source.status())) {
      if (!change.notAReport()) {
        // read fine before: a reader that now fails on it must not destroy the report
        return Decision.nothing(WriteResult.UNCHANGED, source.reportId(), null);
      }
      // taken for a report by an older reader, now known to be none: it leaves the report's version (the latest
      // remaining version becomes current again) and is a rejected upload from now on
      writes = new RemoveDecision(read, now).decide(source, upload, false).writes();
    }
    ReportHead existing = read.head(id).orElse(null);
    ReportHead head = ReportHeadBuilder.builder().reportId(id).kind(ReportHead.KIND_REJECTED).status("REJECTED")
        .ruleCounts(java.util.Map.of())
        .uploadedAt(existing != null ? existing.uploadedAt() : Timestamps.iso(upload.eventTime()))
        .uploadOrder(upload.uploadOrder()).bucket(upload.bucket()).key(upload.key())
        .versionId(upload.objectVersionId()).eTag(upload.eTag()).size(upload.size()).format(change.format())
        .sourceName(change.fileName()).reader(readerOf(change.format())).rulesVersion(ReportReader.RULES_VERSION)
        .reason(change.reason()).revision(existing == null ? 1 : existing.revision() + 1).updatedAt(now).build();
    if (existing != null && Objects.equals(existing.reason(), change.reason())
        && Objects.equals(existing.procKey(), head.procKey()) && source != null) {
      return Decision.nothing(WriteResult.UNCHANGED, id, "REJECTED");
    }
    writes.put(head, existing);
    if (existing == null) {
      writes.count(head, null, 1);
    } else {
      writes.register(head.procKey());
    }
    writes.put(upload.record(null, id, SourceRecord.REJECTED, change.reason(), now));
    return new Decision(WriteResult.REJECTED, id, "REJECTED", writes);
  }

  /** The version of the reader that takes {@code format}, null if none does: a rejection records what tried. */
  private static String readerOf(String format) {
    DocumentReader reader = format == null ? null : DocumentReaders.reader(format);
    return reader == null ? null : reader.version();
  }
}
