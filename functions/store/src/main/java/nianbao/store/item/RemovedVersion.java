package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A version a reviewer removed, due to be purged: its files and body go for good at {@code purgeAt} (the removal
 * plus the retention period of deleted reports). A small item of its own, filed under {@code byNewest}'s partition
 * {@code REMOVED_VERSIONS} by that time, so the daily purge finds the due ones with one index query — the version
 * item itself stays out of the index (its body would be copied into it). Written with the removal; the purge
 * deletes it, and skips it (deleting it) when the version was brought back by an upload of its bytes since.
 *
 * @param removedAt the version's {@code removedAt} when this was written: a later removal writes a new one
 */
public record RemovedVersion(String reportId, String sha256, String removedAt, String purgeAt) {

  /** The {@code byNewest} partition of removed versions, sorted by purge time. */
  public static final String LIST = "REMOVED_VERSIONS";

  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return Keys.removedVersion(sha256);
  }

  public String listKey() {
    return LIST;
  }

  public String ord() {
    return purgeAt + "#" + reportId + "#" + sha256;
  }

  public static final TableSchema<RemovedVersion> SCHEMA = new SchemaBuilder<>(RemovedVersion.class,
      RemovedVersion::from)
      .string(Keys.PK, RemovedVersion::pk, primaryPartitionKey())
      .string(Keys.SK, RemovedVersion::sk, primarySortKey())
      .string("reportId", RemovedVersion::reportId)
      .string("sha256", RemovedVersion::sha256)
      .string("removedAt", RemovedVersion::removedAt)
      .string("purgeAt", RemovedVersion::purgeAt)
      .string("listKey", RemovedVersion::listKey, secondaryPartitionKey(Keys.BY_NEWEST))
      .string("ord", RemovedVersion::ord, secondarySortKey(Keys.BY_NEWEST))
      .build();

  static RemovedVersion from(ItemBuilder b) {
    return new RemovedVersion(b.s("reportId"), b.s("sha256"), b.s("removedAt"), b.s("purgeAt"));
  }
}
