package nianbao.store.write;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nianbao.store.Identity;
import nianbao.store.item.DeletedReport;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportHeadBuilder;
import nianbao.store.item.ReportVersion;

/**
 * An administrator deletes a report (soft delete) or restores it. Deleting is what the report's last version
 * leaving does — head, list entries and rule items deleted, the summaries less its counts, Y+1's cross-year
 * findings against it gone — plus a tombstone that keeps the head as it was, until the retention period ends;
 * versions, review record, history and files stay. Restoring makes the head's current version current again, with
 * the review record as stored, and Y+1 checked against it again. Both in the history.
 */
final class DeletionDecision {
  private final Snapshot read;
  private final String now;

  DeletionDecision(Snapshot read, String now) {
    this.read = read;
    this.now = now;
  }

  Decision delete(Change.Delete change) {
    ReportHead head = read.head(change.reportId()).orElse(null);
    Decision refused = Decision.refused(change.reportId(), head, change.expectedRevision());
    if (refused != null) {
      return refused;
    }
    Writes writes = new Writes();
    if (head.rejected()) {
      writes.delete(head.pk(), head.sk(), head);
      writes.count(head, null, -1);
    } else {
      ReportVersion version = CurrentReport.currentVersion(read, head);
      CurrentReport current = new CurrentReport(read, writes, now);
      current.removeCurrent(identity(head), head, current.current(head.reportId(), version));
    }
    DeletedReport tombstone = DeletedReport.of(head, now, change.by(), change.expiresAt());
    writes.put(tombstone);
    writes.put(Audit.entry(head.reportId(), Audit.DELETED, change.by(), null, state(head), deletion(tombstone),
        head.revision(), now));
    return new Decision(WriteResult.DELETED, head.reportId(), null, writes);
  }

  Decision restore(Change.Restore change) {
    DeletedReport tombstone = read.deleted(change.reportId()).orElse(null);
    if (tombstone == null) {
      return Decision.nothing(read.head(change.reportId()).isPresent() ? WriteResult.NOT_DELETED
          : WriteResult.NOT_FOUND, change.reportId(), null);
    }
    if (read.head(change.reportId()).isPresent()) {
      return Decision.nothing(WriteResult.NOT_DELETED, change.reportId(), null);
    }
    ReportHead was = tombstone.deletedHead();
    Writes writes = new Writes();
    ReportHead restored;
    if (was.rejected()) {
      restored = ReportHeadBuilder.builder(was).revision(tombstone.revision() + 1).updatedAt(now).build();
      writes.put(restored, null);
      writes.count(restored, null, 1);
    } else {
      Optional<ReportVersion> version = read.version(was.reportId(), was.currentSha()).filter(v -> !v.withdrawn())
          .or(() -> newest(was.reportId()));
      if (version.isEmpty()) {
        return Decision.nothing(WriteResult.VERSION_WITHDRAWN, was.reportId(), null);
      }
      int versionCount = Math.max(was.versionCount(), read.versions(was.reportId()).size());
      Identity own = identity(was);
      Identity id = AgencyYears.canonical(read, own);
      new CurrentReport(read, writes, now).restoring(tombstone.revision())
          .makeCurrent(id, null, null, read.body(version.get()), version.get(), versionCount);
      restored = writes.puts(ReportHead.class).get(0);
    }
    writes.delete(tombstone.pk(), tombstone.sk());
    writes.put(Audit.entry(was.reportId(), Audit.RESTORED, change.by(), null, deletion(tombstone), state(restored),
        restored.revision(), now));
    return new Decision(WriteResult.RESTORED, was.reportId(), restored.status(), writes);
  }

  /** The newest version still available (the one it had may have lost every file while deleted). */
  private Optional<ReportVersion> newest(String reportId) {
    return read.versions(reportId).stream().filter(v -> !v.withdrawn())
        .max(Comparator.comparing(ReportVersion::uploadOrder))
        .flatMap(v -> read.version(reportId, v.sha256()));
  }

  private static Identity identity(ReportHead head) {
    return new Identity(head.agencyKey(), head.agencyNorm(), head.year(), head.reportId());
  }

  /** A report's state as the history shows it. */
  static Map<String, Object> state(ReportHead head) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", head.status());
    out.put("agency", head.agency());
    out.put("year", head.year());
    out.put("errors", head.errors());
    out.put("warnings", head.warnings());
    out.put("current", head.currentSha());
    out.put("name", head.sourceName());
    return out;
  }

  /** A deletion as the history shows it. */
  static Map<String, Object> deletion(DeletedReport d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("deleted", true);
    out.put("deletedAt", d.deletedAt());
    out.put("deletedBy", d.deletedBy());
    out.put("expiresAt", d.expiresAt());
    return out;
  }
}
