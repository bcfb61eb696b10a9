package nianbao.store.write;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nianbao.store.Sequencers;
import nianbao.store.Timestamps;
import nianbao.store.item.DeletedReport;
import nianbao.store.item.ReportHead;
import nianbao.store.item.Keys;
import nianbao.store.item.SourceRecord;
import nianbao.store.item.SourceRecordBuilder;

/**
 * The rules of a write, as one pure function: what was read ({@link Snapshot}) and the change asked for
 * ({@link Change}) → the items to write and the conditions that make them valid ({@link Decision}). No request is
 * made here; {@link ReportWriter} reads, calls {@link #decide}, commits, and decides again on what it reads anew
 * when the transaction loses a race.
 */
public final class WriteRules {
  private WriteRules() {}

  public static Decision decide(Snapshot read, Change change, String now) {
    if (change instanceof Change.Store asked) {
      Change.Store store = UploaderRegion.withRecordedUploader(read, asked);
      Change.Reject outside = UploaderRegion.outside(store);
      return outside != null ? RejectDecision.decide(read, outside, now)
          : new StoreDecision(read, store, now).decide();
    } else if (change instanceof Change.Reject reject) {
      return RejectDecision.decide(read, reject, now);
    } else if (change instanceof Change.Remove remove) {
      return new RemoveDecision(read, now).decide(remove.recorded(), remove.deletion(), true);
    } else if (change instanceof Change.Detach detach) {
      SourceRecord joined = detach.upload().record(detach.sha256(), detach.reportId(), SourceRecord.INGESTED, null,
          null);
      return new RemoveDecision(read, now).decide(joined, detach.upload(), false);
    } else if (change instanceof Change.Review review) {
      return new ReviewChangeDecision(read, now).decide(review);
    } else if (change instanceof Change.Correct correct) {
      return new CorrectionDecision(read, now).correct(correct);
    } else if (change instanceof Change.Uncorrect uncorrect) {
      return new CorrectionDecision(read, now).withdraw(uncorrect);
    } else if (change instanceof Change.Notify notify) {
      return new ReviewChangeDecision(read, now).notify(notify);
    } else if (change instanceof Change.ChooseVersion choose) {
      return new VersionDecision(read, now).choose(choose);
    } else if (change instanceof Change.RemoveVersion remove) {
      return new VersionDecision(read, now).remove(remove);
    } else if (change instanceof Change.PurgeVersion purge) {
      return new VersionDecision(read, now).purge(purge);
    } else if (change instanceof Change.Delete delete) {
      return new DeletionDecision(read, now).delete(delete);
    } else if (change instanceof Change.Restore restore) {
      return new DeletionDecision(read, now).restore(restore);
    } else if (change instanceof Change.Rehome rehome) {
      return new RehomeDecision(read, now).decide(rehome);
    }
    throw new IllegalArgumentException("no rules for " + change);
  }

  /**
   * The heads a change reads together in one batch (each with its review), and its report version, before
   * deciding; null when it reads item by item. Storing a report reads its head, Y−1's and Y+1's, and its version
   * with these bytes at once; a review reads its head and review (the version is known only from the head).
   */
  static FirstRead firstRead(Change change) {
    if (change instanceof Change.Store store) {
      return AgencyYears.firstRead(store.report());
    } else if (change instanceof Change.Review review) {
      return new FirstRead(List.of(review.reportId()), review.reportId(), null);
    } else if (change instanceof Change.Notify notify) {
      return new FirstRead(List.of(notify.reportId()), notify.reportId(), null);
    } else if (change instanceof Change.Correct correct) {
      return CorrectionDecision.firstRead(correct.reportId());
    } else if (change instanceof Change.Uncorrect uncorrect) {
      return CorrectionDecision.firstRead(uncorrect.reportId());
    } else if (change instanceof Change.ChooseVersion choose) {
      return CorrectionDecision.firstRead(choose.reportId());
    } else if (change instanceof Change.RemoveVersion remove) {
      return CorrectionDecision.firstRead(remove.reportId());
    } else if (change instanceof Change.PurgeVersion purge) {
      return new FirstRead(List.of(purge.reportId()), purge.reportId(), null);
    } else if (change instanceof Change.Delete delete) {
      return CorrectionDecision.firstRead(delete.reportId());
    } else if (change instanceof Change.Restore restore) {
      // (with the alias of the id's agency: a report deleted before its agency was merged comes back merged)
      FirstRead r = CorrectionDecision.firstRead(restore.reportId());
      int dash = restore.reportId().lastIndexOf('-');
      return dash <= 0 ? r : new FirstRead(r.headIds(), r.reportId(), null, r.deletedIds(),
          restore.reportId().substring(0, dash), List.of());
    } else if (change instanceof Change.Rehome rehome) {
      return RehomeDecision.firstRead(rehome);
    }
    return null;
  }

  /**
   * The time a change is recorded at: the clock's, but strictly after the last change of the report it reads first
   * (its head's {@code updatedAt}, its tombstone's {@code deletedAt}). A report's history is sorted by time, so two
   * changes made within one millisecond (a delete and a quick restore) would otherwise list in the order of their
   * entries' hashes; the same time is the head's {@code updatedAt}, so the next change is later again. Both come
   * from the first read: no request is added. Changes an upload makes are left at the clock's time: they first
   * read the upload's history, which may show them stale before any head is read, and an upload is never stored
   * within a millisecond of a person's change to its report.
   */
  static String changeTime(Snapshot read, Change change, FirstRead first, Instant clock) {
    Instant at = clock.truncatedTo(ChronoUnit.MILLIS);
    boolean byUpload = change instanceof Change.Store || change instanceof Change.Reject
        || change instanceof Change.Remove || change instanceof Change.Detach;
    if (!byUpload && first != null && first.reportId() != null) {
      for (String last : new String[] {read.head(first.reportId()).map(ReportHead::updatedAt).orElse(null),
          read.deleted(first.reportId()).map(DeletedReport::deletedAt).orElse(null)}) {
        if (last != null && !at.isAfter(Instant.parse(last))) {
          at = Instant.parse(last).plusMillis(1);
        }
      }
    }
    return Timestamps.iso(at);
  }

  /**
   * What a change reads in its first BatchGetItem: heads (each with its review record), the version of
   * {@code reportId} with {@code sha256}, the tombstones of {@code deletedIds}, and the year items of
   * {@code agencyKey} of {@code years}.
   */
  record FirstRead(List<String> headIds, String reportId, String sha256, List<String> deletedIds, String agencyKey,
      List<Integer> years) {
    FirstRead(List<String> headIds, String reportId, String sha256) {
      this(headIds, reportId, sha256, List.of(reportId), null, List.of());
    }
  }

  /**
   * The recorded object versions a deletion takes away: with {@code deleteMarker} (a versioned key deleted) every
   * live one not newer than the delete, otherwise the one of the deleted object version.
   */
  public static List<SourceRecord> removalTargets(List<SourceRecord> history, UploadedObject deletion,
      boolean deleteMarker) {
    List<SourceRecord> targets = new ArrayList<>();
    for (SourceRecord s : history) {
      if (SourceRecord.REMOVED.equals(s.status()) || Sequencers.compare(s.sequencer(), deletion.sequencer()) > 0) {
        continue;
      }
      if (deleteMarker || sameObjectVersion(s.versionId(), deletion.objectVersionId())) {
        targets.add(s);
      }
    }
    return targets;
  }

  /**
   * The earlier contents of an object's key that belong to another report (or are another rejected upload) and
   * that {@code upload} — now stored as report {@code reportId} — replaces: a key's new content is a version of
   * whatever report it reads as, and the report the key held before loses that source (it stays listed only
   * through its other sources). Earlier contents of the same report stay its earlier versions.
   */
  public static List<SourceRecord> superseded(List<SourceRecord> history, UploadedObject upload, String reportId) {
    List<SourceRecord> out = new ArrayList<>();
    for (SourceRecord s : history) {
      boolean live = SourceRecord.INGESTED.equals(s.status()) || SourceRecord.REJECTED.equals(s.status());
      if (live && s.reportId() != null && !s.reportId().equals(reportId)
          && !sameObjectVersion(s.versionId(), upload.objectVersionId())
          && Sequencers.compare(s.sequencer(), upload.sequencer()) < 0) {
        out.add(s);
      }
    }
    return out;
  }

  /** What a delete leaves for its key, so that a late creation event older than it is recognised as stale. */
  public static SourceRecord tombstone(UploadedObject deletion, String now) {
    return SourceRecordBuilder.builder(deletion.record(null, null, SourceRecord.REMOVED, null, now)).eTag(null)
        .size(null).build();
  }

  /** An event older than one already applied to its key: an overwrite or a delete came after it. */
  static boolean stale(List<SourceRecord> history, UploadedObject upload) {
    for (SourceRecord s : history) {
      if (Sequencers.compare(s.sequencer(), upload.sequencer()) <= 0) {
        continue;
      }
      if (sameObjectVersion(s.versionId(), upload.objectVersionId())
          || SourceRecord.REMOVED.equals(s.status()) && s.sha256() == null) {
        return true;
      }
    }
    return false;
  }

  /** The record of one object version in the key's history, or null. */
  static SourceRecord find(List<SourceRecord> history, String objectVersionId) {
    for (SourceRecord s : history) {
      if (sameObjectVersion(s.versionId(), objectVersionId)) {
        return s;
      }
    }
    return null;
  }

  static boolean sameObjectVersion(String a, String b) {
    return Objects.equals(Keys.sourceVersion(a), Keys.sourceVersion(b));
  }
}
