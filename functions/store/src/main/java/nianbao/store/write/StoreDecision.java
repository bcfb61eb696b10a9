package nianbao.store.write;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nianbao.core.ReportReader;
import nianbao.core.json.ReportJson;
import nianbao.core.model.FindingCounts;
import nianbao.core.model.Report;
import nianbao.store.Bodies;
import nianbao.store.Identity;
import nianbao.store.Timestamps;
import nianbao.store.item.BodyChunk;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportHeadBuilder;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.ReportVersionBuilder;
import nianbao.store.item.SourceRecord;
import nianbao.store.item.SourceRecordBuilder;
import software.amazon.awssdk.core.SdkBytes;

/**
 * A readable upload: a new version of its report, or another object with bytes already stored, or the same
 * version re-read by a newer reader or rules. The later upload (event time, then sequencer) is current; an
 * earlier one is kept and listed. A rejection of the same object before (an older reader failed on it) goes.
 */
final class StoreDecision {
  private final Snapshot read;
  private final Report report;
  private final UploadedObject upload;
  private final String now;
  private final String sha;
  private final Identity id;

  StoreDecision(Snapshot read, Change.Store change, String now) {
    this.read = read;
    this.report = change.report();
    this.upload = change.upload();
    this.now = now;
    this.sha = report.source().sha256();
    // the report these bytes are: found through the agency's identity, its years and the object's record
    this.id = AgencyYears.resolve(read, report, sha, WriteRules.find(read.uploads(upload.bucket(), upload.key()),
        upload.objectVersionId()));
  }

  Decision decide() {
    List<SourceRecord> history = read.uploads(upload.bucket(), upload.key());
    if (WriteRules.stale(history, upload)) {
      return Decision.nothing(WriteResult.STALE, id.reportId(), null);
    }
    SourceRecord source = WriteRules.find(history, upload.objectVersionId());
    ReportHead head = read.head(id.reportId()).orElse(null);
    ReportVersion version = read.version(id.reportId(), sha).orElse(null);
    ReportHead rejected = source != null && SourceRecord.REJECTED.equals(source.status())
        && source.reportId() != null ? read.head(source.reportId()).filter(ReportHead::rejected).orElse(null) : null;

    boolean reprocessed = version != null && !(Objects.equals(version.reader(), report.source().reader())
        && Objects.equals(version.rulesVersion(), ReportReader.RULES_VERSION));
    String ref = upload.ref().text();
    // (a reviewer's removal stands against a retried event of an object it already had)
    if (version != null && (!version.withdrawn() || version.removed()) && version.sources().contains(ref)
        && !reprocessed && rejected == null) {
      // (a retried event: what the key held for other reports may not have left yet)
      return new Decision(WriteResult.UNCHANGED, id.reportId(), head == null ? null : head.status(), new Writes(),
          WriteRules.superseded(history, upload, id.reportId()));
    }

    Writes writes = new Writes();
    Set<String> refs = new HashSet<>(version == null ? Set.of() : version.sources());
    refs.add(ref);
    ReportVersion newVersion = version == null || reprocessed ? newVersion(writes, refs, version)
        : uploadedAgain(version, refs);
    int versionCount = head != null ? head.versionCount() : read.versions(id.reportId()).size();
    if (version == null) {
      versionCount++;
    }

    boolean becomesCurrent = head == null || (head.currentSha().equals(sha) && reprocessed)
        || (!head.currentSha().equals(sha) && newVersion.uploadOrder().compareTo(head.uploadOrder()) > 0);
    WriteResult result;
    if (becomesCurrent) {
      Report oldReport = head == null ? null : currentReport(head, version);
      // (the current report as counted: corrected by its reviewers)
      CurrentReport current = new CurrentReport(read, writes, now);
      var deleted = head == null ? read.deleted(id.reportId()).orElse(null) : null;
      if (deleted != null) {
        // a new upload of a deleted report ends its deletion: it is listed again, on this version
        current.restoring(deleted.revision());
        writes.delete(deleted.pk(), deleted.sk());
        writes.put(Audit.entry(id.reportId(), Audit.RESTORED, Audit.UPLOAD, upload.key(), DeletionDecision.deletion(
            deleted), java.util.Map.of("version", sha), deleted.revision() + 1, now));
      }
      current.makeCurrent(id, head, oldReport, report, newVersion, versionCount);
      result = head == null ? WriteResult.CREATED : head.currentSha().equals(sha) ? WriteResult.REPROCESSED
          : WriteResult.NEW_CURRENT_VERSION;
    } else {
      // an older upload (or the same bytes under another key): kept and listable, the current one stays
      writes.put(ReportHeadBuilder.builder(head).versionCount(versionCount).revision(head.revision() + 1)
          .updatedAt(now).build(), head);
      result = version == null ? WriteResult.OLDER_VERSION_KEPT : reprocessed ? WriteResult.REPROCESSED
          : WriteResult.UNCHANGED;
    }
    writes.put(newVersion);
    SourceRecord record = upload.record(sha, id.reportId(), SourceRecord.INGESTED, null, now);
    // the upload status says which current version this upload replaced
    writes.put(result == WriteResult.NEW_CURRENT_VERSION
        ? SourceRecordBuilder.builder(record).replaced(head.currentSha()).build() : record);
    if (rejected != null) {
      writes.delete(rejected.pk(), rejected.sk(), rejected);
      writes.count(rejected, null, -1);
    }
    return new Decision(result, id.reportId(), becomesCurrent ? null : head.status(), writes,
        WriteRules.superseded(history, upload, id.reportId()));
  }

  /**
   * Bytes the report already has, in a new object: a version again (a reviewer's removal undone by the new upload),
   * and, when the upload is later than the version's, it takes the upload's place in the order — so re-uploading an
   * earlier file makes it current again, as any later upload is.
   */
  private ReportVersion uploadedAgain(ReportVersion version, Set<String> refs) {
    ReportVersionBuilder v = ReportVersionBuilder.builder(version).removedAt(null).removedBy(null);
    if (upload.uploadOrder().compareTo(version.uploadOrder()) > 0) {
      v.uploadedAt(Timestamps.iso(upload.eventTime())).uploadOrder(upload.uploadOrder());
    }
    return withSources(v.build(), refs);
  }

  /** The report of the head's current version (the one being replaced). */
  private Report currentReport(ReportHead head, ReportVersion sameShaVersion) {
    ReportVersion current = head.currentSha().equals(sha) && sameShaVersion != null ? sameShaVersion
        : read.version(head.reportId(), head.currentSha()).orElseThrow(() -> new IllegalStateException(
            "report " + head.reportId() + " has no version " + head.currentSha()));
    return new CurrentReport(read, new Writes(), now).current(head.reportId(), current);
  }

  /** The version item of these bytes, read now; a body too large for one item goes to chunk items. */
  private ReportVersion newVersion(Writes writes, Set<String> refs, ReportVersion earlier) {
    return newVersion(writes, id.reportId(), report, upload, refs, earlier);
  }

  static ReportVersion newVersion(Writes writes, String reportId, Report report, UploadedObject upload,
      Set<String> refs, ReportVersion earlier) {
    String json = ReportJson.write(report);
    byte[] gz = Bodies.gzip(json);
    String bodyHash = Identity.hash(json).substring(0, 12);
    String sha = report.source().sha256();
    SdkBytes inline = null;
    int chunks = 0;
    if (gz.length <= ReportVersion.INLINE_LIMIT) {
      inline = SdkBytes.fromByteArray(gz);
    } else {
      // too large for one item even compressed: whole, in chunk items written before the transaction
      for (int from = 0; from < gz.length; from += ReportVersion.INLINE_LIMIT) {
        byte[] part = Arrays.copyOfRange(gz, from, Math.min(gz.length, from + ReportVersion.INLINE_LIMIT));
        writes.chunk(new BodyChunk(reportId, sha, bodyHash, chunks++, SdkBytes.fromByteArray(part)));
      }
    }
    FindingCounts counts = FindingCounts.of(report.findings());
    ReportVersionBuilder v = ReportVersionBuilder.builder().reportId(reportId).sha256(sha).body(inline)
        .bodyChunks(chunks).bodyHash(bodyHash).reader(report.source().reader())
        .rulesVersion(ReportReader.RULES_VERSION).status(counts.errors() > 0 ? "HAS_ERRORS" : "VALID")
        .errors(counts.errors()).warnings(counts.warnings()).notes(counts.notes()).sources(refs).withdrawn(false)
        .format(report.source().format()).sourceName(report.source().name());
    if (earlier != null) {
      // a re-processed version keeps its place in the order of uploads, its first object, and a removal
      v.uploadedAt(earlier.uploadedAt()).uploadOrder(earlier.uploadOrder()).withdrawn(earlier.removed())
          .removedAt(earlier.removedAt()).removedBy(earlier.removedBy());
    } else {
      v.uploadedAt(Timestamps.iso(upload.eventTime())).uploadOrder(upload.uploadOrder());
    }
    if (earlier != null && earlier.bucket() != null) {
      v.bucket(earlier.bucket()).key(earlier.key()).versionId(earlier.versionId()).eTag(earlier.eTag())
          .size(earlier.size());
    } else {
      v.bucket(upload.bucket()).key(upload.key()).versionId(upload.objectVersionId()).eTag(upload.eTag())
          .size(upload.size());
    }
    return v.build();
  }

  static ReportVersion withSources(ReportVersion v, Set<String> refs) {
    return ReportVersionBuilder.builder(v).sources(refs).withdrawn(refs.isEmpty() || v.removed()).build();
  }
}
