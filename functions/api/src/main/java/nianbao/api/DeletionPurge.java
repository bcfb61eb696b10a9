package nianbao.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nianbao.store.BatchWriter;
import nianbao.store.ObjectRef;
import nianbao.store.ReportStore;
import nianbao.store.Timestamps;
import nianbao.store.item.DeletedReport;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The end of a soft delete: every report deleted longer ago than its retention period is removed for good — each of
 * its files' object versions deleted from the reports bucket (and the removal applied at once, as {@code
 * ReportWriter.removeObject} does, so the bucket's ObjectRemoved event finds it done), then every item of its
 * partition (versions, body chunks, review, history, tombstone). In AWS a daily schedule invokes the api function
 * with {@link #EVENT}; the local stack runs no schedules, so there a deleted report is kept until the api function
 * is invoked with that event. A report uploaded again since (it has a head) is left alone.
 */
public final class DeletionPurge {
  /** The route key of the scheduled invocation (an event without request context, which HTTP cannot forge). */
  public static final String EVENT = "nianbao:purgeDeleted";

  private final ApiContext ctx;

  public DeletionPurge(ApiContext ctx) {
    this.ctx = ctx;
  }

  /** What a purge removed. */
  public record Result(List<String> reports, int objects, int items) {}

  /** Purges every report whose retention ended before {@code now}. */
  public Result run(Instant now) {
    ReportStore store = ctx.store();
    List<String> purged = new ArrayList<>();
    int objects = 0;
    int items = 0;
    for (DeletedReport d : store.expiredDeletions(Timestamps.iso(now), 1000).items()) {
      if (store.head(d.reportId()).isPresent()) {
        continue;
      }
      for (ObjectRef object : files(store, d)) {
        ctx.s3().deleteObject(o -> o.bucket(object.bucket()).key(object.key()).versionId(object.objectVersionId()));
        ctx.writer().removeObject(object, now);
        objects++;
      }
      items += deletePartition(store, d.reportId());
      purged.add(d.reportId());
    }
    return new Result(purged, objects, items);
  }

  /** Every file of the deleted report in the reports bucket: each object of each version, or the rejected upload. */
  private List<ObjectRef> files(ReportStore store, DeletedReport d) {
    List<ObjectRef> out = new ArrayList<>();
    store.versions(d.reportId()).forEach(v -> v.sources().forEach(text -> out.add(ObjectRef.parse(text))));
    if (out.isEmpty()) {
      ReportHead was = d.deletedHead();
      if (was.rejected() && was.bucket() != null) {
        String version = Keys.sourceVersion(was.versionId());
        out.add(new ObjectRef(was.bucket(), was.key(), version.equals(Keys.sourceVersion(null)) ? null : version));
      }
    }
    return out.stream().filter(o -> o.bucket().equals(ctx.config().reportsBucket())).toList();
  }

  /** Deletes every item of the report's partition, the tombstone last; returns how many. */
  private static int deletePartition(ReportStore store, String reportId) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    store.dynamo().queryPaginator(q -> q.tableName(store.tableName()).consistentRead(true)
        .keyConditionExpression("pk = :pk").projectionExpression("pk, sk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.report(reportId)))))
        .items().forEach(keys::add);
    keys.sort((a, b) -> Boolean.compare(a.get(Keys.SK).s().equals(Keys.DELETED), b.get(Keys.SK).s()
        .equals(Keys.DELETED)));
    BatchWriter batch = new BatchWriter(store.dynamo(), store.tableName());
    List<WriteRequest> deletes = new ArrayList<>();
    keys.forEach(k -> deletes.add(WriteRequest.builder().deleteRequest(r -> r.key(k)).build()));
    batch.write(deletes);
    return keys.size();
  }
}
