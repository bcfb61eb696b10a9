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
 * @param uploadedBy      who asked for the upload, when that person is limited to a region (the object's metadata
 *     {@link #UPLOADED_BY}); null otherwise
 * @param uploaderRegion  that person's region ({@code custom:region}, metadata {@link #UPLOADER_REGION}): a report
 *     read from the object is stored only if it lies inside
 */
public record UploadedObject(String bucket, String key, String objectVersionId, String eTag, Long size,
    String sequencer, Instant eventTime, String uploadedBy, String uploaderRegion) {

  /** The object's user metadata (percent-encoded UTF-8) naming who asked for the upload, if limited to a region. */
  public static final String UPLOADED_BY = "uploaded-by";
  /** The object's user metadata (percent-encoded UTF-8) naming the uploader's region. */
  public static final String UPLOADER_REGION = "uploader-region";

  public UploadedObject(String bucket, String key, String objectVersionId, String eTag, Long size,
      String sequencer, Instant eventTime) {
    this(bucket, key, objectVersionId, eTag, size, sequencer, eventTime, null, null);
  }

  /** This object as uploaded by {@code by}, limited to {@code region} (both null: by nobody limited). */
  public UploadedObject uploadedBy(String by, String region) {
    return new UploadedObject(bucket, key, objectVersionId, eTag, size, sequencer, eventTime, by, region);
  }

  /** The uploader and region from an object's user metadata (names without {@code x-amz-meta-}, any case). */
  public UploadedObject withMetadata(java.util.Map<String, String> metadata) {
    String by = null;
    String region = null;
    for (java.util.Map.Entry<String, String> e : metadata.entrySet()) {
      String name = e.getKey().toLowerCase(java.util.Locale.ROOT).replaceFirst("^x-amz-meta-", "");
      if (name.equals(UPLOADED_BY)) {
        by = java.net.URLDecoder.decode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
      } else if (name.equals(UPLOADER_REGION)) {
        region = java.net.URLDecoder.decode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return region == null || region.isBlank() ? this : uploadedBy(by, region);
  }

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
        .reason(reason).updatedAt(processedAt).uploadedBy(uploadedBy).uploaderRegion(uploaderRegion).build();
  }
}
