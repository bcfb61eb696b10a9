package nianbao.store;

import java.util.List;
import nianbao.store.item.Keys;
import nianbao.store.item.RemovedVersion;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The store's side of purging versions reviewers removed, once the retention period has passed: which are due and
 * which files each leaves in the bucket. The API's scheduled purge deletes the files, then applies
 * {@code Change.PurgeVersion}, which deletes the version's items and records it in the report's history.
 */
public final class RemovedVersions {
  private final ReportStore store;
  private final DynamoDbTable<RemovedVersion> due;

  RemovedVersions(ReportStore store) {
    this.store = store;
    this.due = DynamoDbEnhancedClient.builder().dynamoDbClient(store.dynamo()).build()
        .table(store.tableName(), RemovedVersion.SCHEMA);
  }

  /** A removed version due to be purged. */
  public record Due(String reportId, String sha256, String removedAt, String purgeAt) {}

  /** Removed versions whose purge time is before {@code now} (ISO), soonest first, at most {@code limit}: one query. */
  public List<Due> expired(String now, int limit) {
    var page = due.index(Keys.BY_NEWEST).query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortLessThan(k -> k.partitionValue(RemovedVersion.LIST).sortValue(now)))
        .limit(limit).build()).iterator().next();
    return page.items().stream().map(r -> new Due(r.reportId(), r.sha256(), r.removedAt(), r.purgeAt())).toList();
  }

  /**
   * The files in {@code bucket} of a due version, read now: none when its report has no head (deleted: its own
   * purge takes them) or the version is no longer the one removed then (its bytes uploaded again since).
   */
  public List<ObjectRef> files(Due d, String bucket) {
    if (store.head(d.reportId()).filter(h -> !h.rejected() && !h.currentSha().equals(d.sha256())).isEmpty()) {
      return List.of();
    }
    return store.version(d.reportId(), d.sha256()).filter(v -> v.removed() && v.removedAt().equals(d.removedAt()))
        .map(v -> v.sources().stream().map(ObjectRef::parse).filter(o -> o.bucket().equals(bucket)).toList())
        .orElse(List.of());
  }
}
