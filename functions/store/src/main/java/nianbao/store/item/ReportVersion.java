package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One distinct upload (by sha256) of a report. {@code body} is the report's docs/FORMAT.md JSON with its single-report
 * findings, gzip-compressed; when even that exceeds {@link #INLINE_LIMIT} it is split into {@code bodyChunks}
 * chunk items keyed by {@code bodyHash}, so section texts are always kept whole.
 *
 * @param sources   every object version that had these bytes (as {@code nianbao.store.write.ObjectRef} text); empty = withdrawn
 * @param withdrawn true once every source object has been deleted, or a reviewer removed the version; kept for
 *     the record, never current again (until its bytes are uploaded anew)
 * @param removedAt when a reviewer removed the version ({@code DELETE /reports/{id}/versions/{sha256}}), with
 *     {@code removedBy}; null otherwise. Its objects stay in the bucket
 */
@RecordBuilder
public record ReportVersion(
    String reportId, String sha256, String uploadedAt, String uploadOrder, SdkBytes body, int bodyChunks,
    String bodyHash, String reader, String rulesVersion, String status, int errors, int warnings, int notes,
    Set<String> sources, boolean withdrawn, String bucket, String key, String versionId, String eTag, Long size,
    String format, String sourceName, String removedAt, String removedBy) {

  /** Bodies up to this many compressed bytes stay inside the item (400 KB limit, with room for the rest). */
  public static final int INLINE_LIMIT = 300_000;

  public boolean removed() {
    return removedAt != null;
  }

  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return Keys.version(sha256);
  }

  public static final TableSchema<ReportVersion> SCHEMA = new SchemaBuilder<>(ReportVersion.class,
      ReportVersion::from)
      .string(Keys.PK, ReportVersion::pk, primaryPartitionKey())
      .string(Keys.SK, ReportVersion::sk, primarySortKey())
      .string("reportId", ReportVersion::reportId)
      .string("sha256", ReportVersion::sha256)
      .string("uploadedAt", ReportVersion::uploadedAt)
      .string("uploadOrder", ReportVersion::uploadOrder)
      .bytes("body", ReportVersion::body)
      .integer("bodyChunks", ReportVersion::bodyChunks)
      .string("bodyHash", ReportVersion::bodyHash)
      .string("reader", ReportVersion::reader)
      .string("rulesVersion", ReportVersion::rulesVersion)
      .string("status", ReportVersion::status)
      .integer("errors", ReportVersion::errors)
      .integer("warnings", ReportVersion::warnings)
      .integer("notes", ReportVersion::notes)
      .stringSet("sources", ReportVersion::sources)
      .bool("withdrawn", ReportVersion::withdrawn)
      .string("bucket", ReportVersion::bucket)
      .string("key", ReportVersion::key)
      .string("versionId", ReportVersion::versionId)
      .string("eTag", ReportVersion::eTag)
      .longer("size", ReportVersion::size)
      .string("format", ReportVersion::format)
      .string("sourceName", ReportVersion::sourceName)
      .string("removedAt", ReportVersion::removedAt)
      .string("removedBy", ReportVersion::removedBy)
      .build();

  static ReportVersion from(ItemBuilder b) {
    return new ReportVersion(b.s("reportId"), b.s("sha256"), b.s("uploadedAt"), b.s("uploadOrder"),
        b.bytes("body"), b.i0("bodyChunks"), b.s("bodyHash"), b.s("reader"), b.s("rulesVersion"), b.s("status"),
        b.i0("errors"), b.i0("warnings"), b.i0("notes"), b.set("sources"), Boolean.TRUE.equals(b.b("withdrawn")), b.s("bucket"),
        b.s("key"), b.s("versionId"), b.s("eTag"), b.l("size"), b.s("format"), b.s("sourceName"),
        b.s("removedAt"), b.s("removedBy"));
  }
}
