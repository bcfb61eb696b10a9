package nianbao.store.write;

import java.time.Instant;
import nianbao.store.ObjectRef;
import nianbao.store.Sequencers;
import nianbao.store.Timestamps;
import nianbao.store.item.SourceRecord;
import nianbao.store.item.SourceRecordBuilder;

/**
 * One version of an object in the reports bucket, as its S3 event describes it: created (an upload) or deleted.
 *
 * @param objectVersionId S3's version of the object (null in an unversioned bucket) — not a report version
 * @param sequencer       S3's order of the events of one key
 */
public record UploadedObject(String bucket, String key, String objectVersionId, String eTag, Long size,
    String sequencer, Instant eventTime) {

  public ObjectRef ref() {
    return new ObjectRef(bucket, key, objectVersionId);
  }

  /** Event time (ms), then the key's sequencer: the later upload wins. */
  public String uploadOrder() {
    return Timestamps.iso(eventTime) + "#" + Sequencers.padded(sequencer);
  }

  /** What the store records of this object: the report it became ({@code sha256}, {@code reportId}) or why not. */
  SourceRecord record(String sha256, String reportId, String status, String reason, String processedAt) {
    return SourceRecordBuilder.builder().bucket(bucket).key(key).versionId(objectVersionId).eTag(eTag).size(size)
        .sequencer(sequencer).eventTime(Timestamps.iso(eventTime)).sha256(sha256).reportId(reportId).status(status)
        .reason(reason).updatedAt(processedAt).build();
  }
}
