package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.soabase.recordbuilder.core.RecordBuilder;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What became of one uploaded object version: which report (and version sha256) it is, or that it was rejected
 * and why, or that it has been removed (or, while text recognition reads it, how far it has got). Keyed by bucket and key, one item per S3 version ({@code null} on an
 * unversioned bucket), so "has this upload been ingested yet?" is one query.
 *
 * @param sequencer the S3 sequencer of the last event applied, to ignore stale events of one key
 * @param replaced  the sha256 of the report's version that was current before this object made its own current
 *     (the upload status says what it replaced); null when it replaced none
 * @param uploadedBy who asked for the upload ({@code POST /uploads}), recorded when that person is limited to a
 *     region, with {@code uploaderRegion} (their {@code custom:region}); null otherwise
 */
@RecordBuilder
public record SourceRecord(
    String bucket, String key, String versionId, String eTag, Long size, String sequencer, String eventTime,
    String sha256, String reportId, String status, String reason, String updatedAt, String replaced,
    String uploadedBy, String uploaderRegion) {

  public SourceRecord(String bucket, String key, String versionId, String eTag, Long size, String sequencer,
      String eventTime, String sha256, String reportId, String status, String reason, String updatedAt,
      String replaced) {
    this(bucket, key, versionId, eTag, size, sequencer, eventTime, sha256, reportId, status, reason, updatedAt,
        replaced, null, null);
  }

  public static final String INGESTED = "INGESTED";
  public static final String REJECTED = "REJECTED";
  public static final String REMOVED = "REMOVED";
  /**
   * Being read by text recognition (OCR, seconds per page): {@code reason} says how far ("文字识别中 3/12 页"). Not a
   * report yet — no reportId, no sha256 — so every write rule treats it as an object not yet recorded, and the
   * outcome (INGESTED, REJECTED) replaces it.
   */
  public static final String RECOGNISING = "RECOGNISING";

  /**
   * A ZIP of documents unpacked as a batch: each document in it was put in the folder {@code 批量.zip.files/} beside
   * it as an upload of its own; {@code reason} says how many and what was skipped. Not a report.
   */
  public static final String BATCH = "BATCH";

  /**
   * Whether {@code existing} (null: none yet) may be replaced by a record of what is being done with the object
   * ({@link #RECOGNISING}, {@link #BATCH}): never an outcome of reading it (INGESTED, REJECTED, REMOVED).
   */
  public static boolean progressMayReplace(SourceRecord existing) {
    return existing == null || RECOGNISING.equals(existing.status()) || BATCH.equals(existing.status());
  }

  public String pk() {
    return Keys.source(bucket, key);
  }

  public String sk() {
    return Keys.sourceVersion(versionId);
  }

  public static final TableSchema<SourceRecord> SCHEMA = new SchemaBuilder<>(SourceRecord.class,
      SourceRecord::from)
      .string(Keys.PK, SourceRecord::pk, primaryPartitionKey())
      .string(Keys.SK, SourceRecord::sk, primarySortKey())
      .string("bucket", SourceRecord::bucket)
      .string("key", SourceRecord::key)
      .string("versionId", SourceRecord::versionId)
      .string("eTag", SourceRecord::eTag)
      .longer("size", SourceRecord::size)
      .string("sequencer", SourceRecord::sequencer)
      .string("eventTime", SourceRecord::eventTime)
      .string("sha256", SourceRecord::sha256)
      .string("reportId", SourceRecord::reportId)
      .string("status", SourceRecord::status)
      .string("reason", SourceRecord::reason)
      .string("updatedAt", SourceRecord::updatedAt)
      .string("replaced", SourceRecord::replaced)
      .string("uploadedBy", SourceRecord::uploadedBy)
      .string("uploaderRegion", SourceRecord::uploaderRegion)
      .build();

  static SourceRecord from(ItemBuilder b) {
    return new SourceRecord(b.s("bucket"), b.s("key"), b.s("versionId"), b.s("eTag"), b.l("size"),
        b.s("sequencer"), b.s("eventTime"), b.s("sha256"), b.s("reportId"), b.s("status"), b.s("reason"),
        b.s("updatedAt"), b.s("replaced"), b.s("uploadedBy"), b.s("uploaderRegion"));
  }
}
