package nianbao.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nianbao.store.DeletedReports;
import nianbao.store.DeletionView;
import nianbao.store.ObjectRef;
import nianbao.store.RemovedVersions;
import nianbao.store.ReportStore;
import nianbao.store.Timestamps;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;

/**
 * The end of a soft delete: every report deleted longer ago than its retention period is removed for good — each of
 * its files' object versions deleted from the reports bucket (and the removal applied at once, as {@code
 * ReportWriter.removeObject} does, so the bucket's ObjectRemoved event finds it done), then every item of its
 * partition (versions, body chunks, review, history, tombstone; the store's {@link DeletedReports}). A daily
 * schedule of the template invokes the api function with {@link #EVENT}, in AWS and on the local stack alike. A
 * report uploaded again since (it has a head) is left alone.
 *
 * <p>Likewise a version a reviewer removed ({@code DELETE /reports/{id}/versions/{sha256}}) of a report that is
 * kept: once the same retention period has passed since its removal, its files are deleted from the bucket, then
 * its item and body chunks, with a {@code version.purged} entry in the report's history. A version whose bytes were
 * uploaded again since is left alone.
 */
public final class DeletionPurge {
  /** The route key of the scheduled invocation (an event without request context, which HTTP cannot forge). */
  public static final String EVENT = "nianbao:purgeDeleted";

  private final ApiContext ctx;

  public DeletionPurge(ApiContext ctx) {
    this.ctx = ctx;
  }

  /** What a purge removed: whole reports, and removed versions ({@code <reportId>/<sha256>}) of reports kept. */
  public record Result(List<String> reports, List<String> versions, int objects, int items) {}

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
        objects += delete(object, now);
      }
      items += deleted.deletePartition(d.reportId());
      purged.add(d.reportId());
    }
    List<String> versions = new ArrayList<>();
    RemovedVersions removed = store.removedVersions();
    for (RemovedVersions.Due due : removed.expired(Timestamps.iso(now), 1000)) {
      for (ObjectRef object : removed.files(due, ctx.config().reportsBucket())) {
        objects += delete(object, now);
      }
      ReportWriter.Outcome o = ctx.writer().apply(new Change.PurgeVersion(due.reportId(), due.sha256(),
          due.removedAt()));
      if (o.result() == WriteResult.VERSION_PURGED) {
        versions.add(due.reportId() + "/" + due.sha256());
      }
    }
    return new Result(purged, versions, objects, items);
  }

  /** Deletes one object version and applies its removal at once, as {@code ReportWriter.removeObject} does. */
  private int delete(ObjectRef object, Instant now) {
    ctx.s3().deleteObject(o -> o.bucket(object.bucket()).key(object.key()).versionId(object.objectVersionId()));
    ctx.writer().removeObject(object, now);
    return 1;
  }
}
