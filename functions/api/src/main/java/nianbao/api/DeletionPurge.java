package nianbao.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nianbao.store.DeletedReports;
import nianbao.store.DeletionView;
import nianbao.store.ObjectRef;
import nianbao.store.ReportStore;
import nianbao.store.Timestamps;

/**
 * The end of a soft delete: every report deleted longer ago than its retention period is removed for good — each of
 * its files' object versions deleted from the reports bucket (and the removal applied at once, as {@code
 * ReportWriter.removeObject} does, so the bucket's ObjectRemoved event finds it done), then every item of its
 * partition (versions, body chunks, review, history, tombstone; the store's {@link DeletedReports}). A daily
 * schedule of the template invokes the api function with {@link #EVENT}, in AWS and on the local stack alike. A
 * report uploaded again since (it has a head) is left alone.
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
    DeletedReports deleted = store.deletedReports();
    List<String> purged = new ArrayList<>();
    int objects = 0;
    int items = 0;
    for (DeletionView d : deleted.expired(Timestamps.iso(now), 1000)) {
      if (store.head(d.reportId()).isPresent()) {
        continue;
      }
      for (ObjectRef object : deleted.files(d.reportId(), ctx.config().reportsBucket())) {
        ctx.s3().deleteObject(o -> o.bucket(object.bucket()).key(object.key()).versionId(object.objectVersionId()));
        ctx.writer().removeObject(object, now);
        objects++;
      }
      items += deleted.deletePartition(d.reportId());
      purged.add(d.reportId());
    }
    return new Result(purged, objects, items);
  }
}
