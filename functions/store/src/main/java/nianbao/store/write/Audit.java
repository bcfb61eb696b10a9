package nianbao.store.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import nianbao.core.json.ReportMapper;
import nianbao.store.Identity;
import nianbao.store.item.HistoryEntry;

/**
 * The history entry of a change, made by the decision itself so that it is written in the change's transaction:
 * either both are stored or neither.
 */
final class Audit {
  static final String REVIEW = "review";
  static final String REVIEW_WITHDRAWN = "review.withdrawn";
  static final String CORRECTION = "correction";
  static final String CORRECTION_WITHDRAWN = "correction.withdrawn";
  /** A rectification notice issued (its record as {@code after}). */
  static final String NOTICE = "notice";
  static final String VERSION_CURRENT = "version.current";
  static final String VERSION_REMOVED = "version.removed";
  /** A removed version's files and body deleted for good, its retention over ({@code by} {@link #PURGE}). */
  static final String VERSION_PURGED = "version.purged";
  static final String DELETED = "deleted";
  static final String RESTORED = "restored";
  /** The report moved to the agency it was merged into, or back by a split ({@code agency.split}). */
  static final String AGENCY_MERGED = "agency.merged";
  static final String AGENCY_SPLIT = "agency.split";
  /** Who a change made by an upload is recorded as (ingest knows no caller). */
  static final String UPLOAD = "upload";
  /** Who the scheduled purge is recorded as. */
  static final String PURGE = "purge";

  private Audit() {}

  /**
   * An entry of {@code reportId}'s history; {@code before} and {@code after} are written as JSON (null stays
   * null). Its id is a hash of what it records, so two entries of one millisecond keep apart.
   */
  static HistoryEntry entry(String reportId, String action, String by, String target, Object before, Object after,
      long revision, String now) {
    String b = json(before);
    String a = json(after);
    String id = Identity.hash(reportId + "|" + action + "|" + target + "|" + revision + "|" + b + "|" + a)
        .substring(0, 8);
    return new HistoryEntry(reportId, now, id, action, by, target, b, a, revision);
  }

  /** A cell as the history names it: {@code 三/newReceived/naturalPerson}. */
  static String cell(nianbao.core.model.Location at) {
    return at.section() + (at.row() == null ? "" : "/" + at.row()) + (at.column() == null ? "" : "/" + at.column());
  }

  private static String json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return ReportMapper.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
