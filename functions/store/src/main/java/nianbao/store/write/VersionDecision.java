package nianbao.store.write;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nianbao.store.Identity;
import nianbao.store.item.Keys;
import nianbao.store.item.RemovedVersion;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportHeadBuilder;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.ReportVersionBuilder;

/**
 * A reviewer chooses which version of a report is current, or removes one version: the chosen version made current
 * as a new upload would be (head, rule items, summaries by their delta, the cross-year findings on both sides, the
 * review record applied), and the history entry, in one transaction.
 */
final class VersionDecision {
  private final Snapshot read;
  private final String now;

  VersionDecision(Snapshot read, String now) {
    this.read = read;
    this.now = now;
  }

  Decision choose(Change.ChooseVersion change) {
    ReportHead head = read.head(change.reportId()).filter(h -> !h.rejected()).orElse(null);
    Decision refused = Decision.refused(change.reportId(), head, change.expectedRevision());
    if (refused != null) {
      return refused;
    }
    ReportVersion chosen = read.version(head.reportId(), change.sha256()).orElse(null);
    if (chosen == null) {
      return Decision.nothing(WriteResult.NOT_FOUND, head.reportId(), head.status());
    } else if (chosen.withdrawn()) {
      return Decision.nothing(WriteResult.VERSION_WITHDRAWN, head.reportId(), head.status());
    } else if (chosen.sha256().equals(head.currentSha())) {
      return Decision.nothing(WriteResult.UNCHANGED, head.reportId(), head.status());
    }
    Writes writes = new Writes();
    ReportVersion current = CurrentReport.currentVersion(read, head);
    makeCurrent(writes, head, current, chosen);
    ReportHead written = writes.puts(ReportHead.class).get(0);
    writes.put(Audit.entry(head.reportId(), Audit.VERSION_CURRENT, change.by(), chosen.sha256(), summary(current),
        summary(chosen), written.revision(), now));
    return new Decision(WriteResult.CURRENT_CHOSEN, head.reportId(), written.status(), writes);
  }

  Decision remove(Change.RemoveVersion change) {
    ReportHead head = read.head(change.reportId()).filter(h -> !h.rejected()).orElse(null);
    Decision refused = Decision.refused(change.reportId(), head, change.expectedRevision());
    if (refused != null) {
      return refused;
    }
    ReportVersion leaving = read.version(head.reportId(), change.sha256()).orElse(null);
    if (leaving == null) {
      return Decision.nothing(WriteResult.NOT_FOUND, head.reportId(), head.status());
    } else if (leaving.withdrawn()) {
      return Decision.nothing(WriteResult.UNCHANGED, head.reportId(), head.status());
    }
    Optional<ReportVersion> newest = read.versions(head.reportId()).stream()
        .filter(v -> !v.withdrawn() && !v.sha256().equals(leaving.sha256()))
        .max(Comparator.comparing(ReportVersion::uploadOrder));
    if (newest.isEmpty()) {
      return Decision.nothing(WriteResult.LAST_VERSION, head.reportId(), head.status());
    }
    Writes writes = new Writes();
    // its objects stay in the bucket (and listed in sources): a retried event of one of them changes nothing
    writes.put(ReportVersionBuilder.builder(leaving).withdrawn(true).removedAt(now).removedBy(change.by()).build());
    writes.put(new RemovedVersion(head.reportId(), leaving.sha256(), now, change.purgeAt()));
    ReportVersion current = leaving;
    if (leaving.sha256().equals(head.currentSha())) {
      current = read.version(head.reportId(), newest.get().sha256()).orElseThrow();
      makeCurrent(writes, head, leaving, current);
    } else {
      writes.put(ReportHeadBuilder.builder(head).revision(head.revision() + 1).updatedAt(now).build(), head);
      current = CurrentReport.currentVersion(read, head);
    }
    ReportHead written = writes.puts(ReportHead.class).get(0);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("current", summary(current));
    writes.put(Audit.entry(head.reportId(), Audit.VERSION_REMOVED, change.by(), leaving.sha256(), summary(leaving),
        after, written.revision(), now));
    return new Decision(WriteResult.VERSION_REMOVED, head.reportId(), written.status(), writes);
  }

  /**
   * A removed version's item and body chunks deleted, its retention over (its files are deleted from the bucket
   * first, by the caller); the head moves to the next revision with the history entry. A version brought back
   * (or removed again) since the purge was due is left alone, and the due item goes.
   */
  Decision purge(Change.PurgeVersion change) {
    ReportHead head = read.head(change.reportId()).filter(h -> !h.rejected()).orElse(null);
    if (head == null) {
      // deleted meanwhile: the report's own purge takes everything, or a restore brings the due item back
      return Decision.nothing(WriteResult.NOT_FOUND, change.reportId(), null);
    }
    ReportVersion version = read.version(head.reportId(), change.sha256()).orElse(null);
    Writes writes = new Writes();
    writes.delete(Keys.report(head.reportId()), Keys.removedVersion(change.sha256()));
    if (version == null || !version.removed() || !version.removedAt().equals(change.removedAt())
        || version.sha256().equals(head.currentSha())) {
      return new Decision(WriteResult.UNCHANGED, head.reportId(), head.status(), writes);
    }
    writes.delete(version.pk(), version.sk());
    for (int n = 0; n < version.bodyChunks(); n++) {
      writes.delete(Keys.report(head.reportId()), Keys.bodyChunk(version.sha256(), version.bodyHash(), n));
    }
    ReportHead written = ReportHeadBuilder.builder(head).revision(head.revision() + 1).updatedAt(now).build();
    writes.put(written, head);
    Map<String, Object> before = summary(version);
    before.put("removedAt", version.removedAt());
    before.put("removedBy", version.removedBy());
    writes.put(Audit.entry(head.reportId(), Audit.VERSION_PURGED, Audit.PURGE, version.sha256(), before, null,
        written.revision(), now));
    return new Decision(WriteResult.VERSION_PURGED, head.reportId(), head.status(), writes);
  }

  /** {@code next} (with its body) made current in place of {@code old}, the report's current version until now. */
  private void makeCurrent(Writes writes, ReportHead head, ReportVersion old, ReportVersion next) {
    CurrentReport current = new CurrentReport(read, writes, now);
    Identity id = new Identity(head.agencyKey(), head.agencyNorm(), head.year(), head.reportId());
    current.makeCurrent(id, head, current.current(head.reportId(), old), read.body(next), next, head.versionCount());
  }

  /** A version as the history shows it. */
  static Map<String, Object> summary(ReportVersion v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sha256", v.sha256());
    out.put("name", v.sourceName());
    out.put("uploadedAt", v.uploadedAt());
    out.put("status", v.status());
    return out;
  }
}
