package nianbao.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nianbao.store.item.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The store's side of purging deleted reports whose retention ended: which are due, which files they leave in
 * the bucket, and removing every item of a report. The API's scheduled purge deletes the files and calls these,
 * without reading item layouts itself.
 */
public final class DeletedReports {
  private final ReportStore store;

  DeletedReports(ReportStore store) {
    this.store = store;
  }

  /** Deleted reports whose retention ended before {@code now} (ISO), soonest first, at most {@code limit}. */
  public List<DeletionView> expired(String now, int limit) {
    return store.expiredDeletions(now, limit).items().stream().map(DeletionView::of).toList();
  }

  /**
   * Every file of a deleted report in {@code bucket}: {@link ReportStore#objectsOf} of the head its tombstone keeps.
   */
  public List<ObjectRef> files(String reportId, String bucket) {
    return store.tombstone(reportId).map(t -> store.objectsOf(reportId, t.deletedHead())).orElse(List.of())
        .stream().filter(o -> o.bucket().equals(bucket)).toList();
  }

  /** Deletes every item of the report's partition, the tombstone last (a purge cut short is found again). */
  public int deletePartition(String reportId) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    store.dynamo().queryPaginator(q -> q.tableName(store.tableName()).consistentRead(true)
        .keyConditionExpression("pk = :pk").projectionExpression("pk, sk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.report(reportId)))))
        .items().forEach(keys::add);
    keys.sort((a, b) -> Boolean.compare(a.get(Keys.SK).s().equals(Keys.DELETED), b.get(Keys.SK).s()
        .equals(Keys.DELETED)));
    List<WriteRequest> deletes = new ArrayList<>();
    keys.forEach(k -> deletes.add(WriteRequest.builder().deleteRequest(r -> r.key(k)).build()));
    new BatchWriter(store.dynamo(), store.tableName()).write(deletes);
    return keys.size();
  }
}
