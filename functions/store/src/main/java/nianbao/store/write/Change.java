package nianbao.store.write;

import nianbao.core.model.Report;
import nianbao.store.item.SourceRecord;

/**
 * A change asked of the store. Each is decided by {@link WriteRules#decide} over what was read and written by
 * {@link ReportWriter} as one transaction.
 */
public sealed interface Change {

  /** An object whose bytes read as {@code report}: a version of that report, current if it is the latest upload. */
  record Store(Report report, UploadedObject upload) implements Change {}

  /**
   * An object that is not a readable report, with the reason to show to whoever uploaded it. {@code notAReport}:
   * the reader read it and found it is no report at all (docs/FORMAT.md, "What is a report") — a certainty, unlike
   * a reader that fails, so an object taken for a report by an older reader leaves that report.
   */
  record Reject(UploadedObject upload, String format, String reason, String fileName, boolean notAReport)
      implements Change {
    public Reject(UploadedObject upload, String format, String reason, String fileName) {
      this(upload, format, reason, fileName, false);
    }
  }

  /**
   * The object version {@code recorded} was deleted ({@code deletion} is the delete's event): its version of the
   * report loses it, a rejected upload leaves, and the record says REMOVED.
   */
  record Remove(SourceRecord recorded, UploadedObject deletion) implements Change {}

  /**
   * Re-processing found that {@code upload} now reads as another report, which it already joined: it leaves
   * version {@code sha256} of {@code reportId}; its own record (now the other report's) is left alone.
   */
  record Detach(String reportId, String sha256, UploadedObject upload) implements Change {}

  /**
   * A reviewer's decision on the finding {@code fingerprint} of report {@code reportId}: {@code decision}
   * confirmed or dismissed with {@code reason}, or null to withdraw the decision. {@code expectedRevision}, when
   * given, is the head's revision the reviewer saw: another revision refuses the change.
   */
  record Review(String reportId, String fingerprint, String decision, String reason, String by,
      Long expectedRevision) implements Change {}

  /**
   * A reviewer's correction of one cell of report {@code reportId}: {@code value} (digits, a decimal string for
   * an amount, or null for a blank) with {@code reason}; a correction of a cell already corrected replaces it.
   */
  record Correct(String reportId, nianbao.core.model.Location location, String value, String reason, String by,
      Long expectedRevision) implements Change {}

  /** Withdraws the correction {@code correctionId} of report {@code reportId}: the cell is as read again. */
  record Uncorrect(String reportId, String correctionId, String by, Long expectedRevision) implements Change {}

  /**
   * A rectification notice issued to the agency of report {@code reportId} on its confirmed findings, with the
   * deadline (ISO date), the issuing office and the reviewer's note (each may be null): the report becomes
   * 已通知整改 (NOTIFIED). Refused while an error finding awaits a decision, or when none is confirmed.
   */
  record Notify(String reportId, String deadline, String issuer, String note, String by, Long expectedRevision)
      implements Change {}

  /**
   * A reviewer makes version {@code sha256} of report {@code reportId} its current one (设为当前版本): the report is
   * counted on that version from now on, its cross-year findings and Y+1's checked again.
   */
  record ChooseVersion(String reportId, String sha256, String by, Long expectedRevision) implements Change {}

  /**
   * A reviewer removes version {@code sha256} of report {@code reportId} without removing the report: it is never
   * current again (until its bytes are uploaded anew); if it was current, the newest remaining version is. The last
   * version is not removed this way. Its files and body are purged at {@code purgeAt} (ISO) unless its bytes are
   * uploaded again before.
   */
  record RemoveVersion(String reportId, String sha256, String by, String purgeAt, Long expectedRevision)
      implements Change {}

  /**
   * The purge of version {@code sha256} of report {@code reportId}, removed at {@code removedAt} and due: once its
   * files are deleted from the bucket, its item and body chunks go, with a history entry. Nothing when the version
   * was brought back (or removed again) since; its due item alone goes.
   */
  record PurgeVersion(String reportId, String sha256, String removedAt) implements Change {}

  /**
   * An administrator deletes report {@code reportId} (a soft delete): it leaves the lists, the summaries and the
   * cross-year rules at once; its versions, review, history and files are kept until {@code expiresAt} (ISO), when
   * the purge removes them, and {@link Restore} brings it back until then.
   */
  record Delete(String reportId, String by, String expiresAt, Long expectedRevision) implements Change {}

  /** An administrator restores report {@code reportId}, deleted and still kept: it is current again as it was. */
  record Restore(String reportId, String by) implements Change {}

  /**
   * Report {@code reportId} moves from agency {@code fromKey} to {@code intoKey}, one step of an administrator's
   * merge ({@code split} false) or split ({@code split} true) of agencies: its id, versions, review and history
   * stay; its head, lists and year item follow the agency, and the cross-year findings are computed again on both
   * sides. Refused when {@code intoKey} already has another report of that year.
   */
  record Rehome(String reportId, String fromKey, String intoKey, boolean split, String by, String reason)
      implements Change {}
}
