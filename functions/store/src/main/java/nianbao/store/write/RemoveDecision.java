package nianbao.store.write;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nianbao.core.model.Report;
import nianbao.store.Identity;
import nianbao.store.ObjectRef;
import nianbao.store.Sequencers;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportHeadBuilder;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.ReportVersionBuilder;
import nianbao.store.item.SourceRecord;
import nianbao.store.item.SourceRecordBuilder;

/**
 * One object version leaves its report: its version loses it; a version left without objects is withdrawn, and
 * if it was current the latest remaining version takes its place, or the report leaves the lists and the
 * summaries and Y+1 loses its comparison. A rejected upload leaves unless another live version of its key holds
 * the same bytes.
 */
final class RemoveDecision {
  private final Snapshot read;
  private final String now;

  RemoveDecision(Snapshot read, String now) {
    this.read = read;
    this.now = now;
  }

  /** {@code recordRemoval}: the object's own record says REMOVED (not when it moved to another report). */
  Decision decide(SourceRecord source, UploadedObject deletion, boolean recordRemoval) {
    Writes writes = new Writes();
    ReportHead head = source.reportId() == null ? null : read.head(source.reportId()).orElse(null);
    if (SourceRecord.REJECTED.equals(source.status())) {
      if (head != null && head.rejected() && !otherVersionRejectedAs(source)) {
        writes.delete(head.pk(), head.sk(), head);
        writes.count(head, null, -1);
      }
    } else {
      ReportVersion version = source.sha256() == null ? null
          : read.version(source.reportId(), source.sha256()).orElse(null);
      if (version != null) {
        withdraw(writes, head, version, source);
      }
    }
    if (recordRemoval) {
      writes.put(SourceRecordBuilder.builder(source).sequencer(
          Sequencers.compare(deletion.sequencer(), source.sequencer()) > 0 ? deletion.sequencer()
              : source.sequencer()).status(SourceRecord.REMOVED).updatedAt(now).build());
    }
    return new Decision(WriteResult.REMOVED, source.reportId(), null, writes);
  }

  private void withdraw(Writes writes, ReportHead head, ReportVersion version, SourceRecord source) {
    Set<String> refs = new HashSet<>(version.sources());
    refs.remove(ObjectRef.text(source.bucket(), source.key(), source.versionId()));
    ReportVersion newVersion = movedToRemainingSource(StoreDecision.withSources(version, refs), source, refs);
    boolean movedFile = !Objects.equals(newVersion.key(), version.key())
        || !Objects.equals(newVersion.versionId(), version.versionId());
    writes.put(newVersion);
    if (head != null && head.currentSha().equals(version.sha256()) && newVersion.withdrawn()) {
      CurrentReport current = new CurrentReport(read, writes, now);
      Report oldReport = current.current(head.reportId(), version);
      Optional<ReportVersion> fallback = read.versions(head.reportId()).stream()
          .filter(v -> !v.withdrawn() && !v.sha256().equals(version.sha256()))
          .max(Comparator.comparing(ReportVersion::uploadOrder));
      Identity id = new Identity(head.agencyKey(), head.agencyNorm(), head.year(), head.reportId());
      if (fallback.isPresent()) {
        ReportVersion next = read.version(head.reportId(), fallback.get().sha256()).orElseThrow();
        current.makeCurrent(id, head, oldReport, read.body(next), next, head.versionCount());
      } else {
        current.removeCurrent(id, head, oldReport);
      }
    } else if (head != null && head.currentSha().equals(version.sha256()) && movedFile) {
      // the current version's file was the one removed: the report now links to one it still has
      writes.put(ReportHeadBuilder.builder(head).bucket(newVersion.bucket()).key(newVersion.key())
          .versionId(newVersion.versionId()).eTag(newVersion.eTag()).size(newVersion.size())
          .sourceName(newVersion.sourceName()).revision(head.revision() + 1).updatedAt(now).build(), head);
    } else if (head != null) {
      writes.check(head.reportId(), head);
    }
  }

  /**
   * A version whose own file (the one it links to) is the one leaving, but which keeps other objects with the same
   * bytes, links to one of those from now on (the first in order, so the choice does not depend on the read).
   */
  private ReportVersion movedToRemainingSource(ReportVersion v, SourceRecord leaving, Set<String> remaining) {
    boolean ownFileLeaves = Objects.equals(v.bucket(), leaving.bucket()) && Objects.equals(v.key(), leaving.key())
        && WriteRules.sameObjectVersion(v.versionId(), leaving.versionId());
    if (v.withdrawn() || !ownFileLeaves) {
      return v;
    }
    ObjectRef next = ObjectRef.parse(remaining.stream().sorted().findFirst().orElseThrow());
    SourceRecord record = WriteRules.find(read.uploads(next.bucket(), next.key()), next.objectVersionId());
    String name = next.key().substring(next.key().lastIndexOf('/') + 1);
    return ReportVersionBuilder.builder(v).bucket(next.bucket()).key(next.key()).versionId(next.objectVersionId())
        .eTag(record == null ? null : record.eTag()).size(record == null ? null : record.size()).sourceName(name)
        .build();
  }

  /** Whether another live version of the source's key holds the same rejected bytes: the rejection stays. */
  private boolean otherVersionRejectedAs(SourceRecord source) {
    return read.uploads(source.bucket(), source.key()).stream().anyMatch(s -> SourceRecord.REJECTED.equals(s.status())
        && Objects.equals(s.reportId(), source.reportId())
        && !WriteRules.sameObjectVersion(s.versionId(), source.versionId()));
  }
}
