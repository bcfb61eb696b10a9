package nianbao.store.write;

/** What a change did. */
public enum WriteResult {
  /** the first version of a new report */
  CREATED,
  /** a new version that became the current one */
  NEW_CURRENT_VERSION,
  /** a new version older than the current one: kept and listed, not current */
  OLDER_VERSION_KEPT,
  /** the same bytes again: nothing changed */
  UNCHANGED,
  /** re-read with a newer reader or rules: the stored version was replaced */
  REPROCESSED,
  REJECTED,
  REMOVED,
  /** an event older than what is already applied for its key */
  STALE,
  /** a reviewer's decision recorded (or withdrawn) */
  REVIEWED,
  /** a correction made (or withdrawn): the report counted again on the corrected values */
  CORRECTED,
  /** the location names no cell of the report's tables */
  NO_SUCH_CELL,
  /** no such report, or no such finding in it */
  NOT_FOUND,
  /** a finding that is not for review (a reading note) */
  NOT_REVIEWABLE,
  /** a rectification notice recorded: the report is NOTIFIED */
  NOTIFIED,
  /** a notice asked for while an error finding awaits a decision */
  NOT_REVIEWED,
  /** a notice asked for a report with no confirmed finding */
  NOTHING_CONFIRMED,
  /** a version chosen as the current one */
  CURRENT_CHOSEN,
  /** a version removed by a reviewer */
  VERSION_REMOVED,
  /** a removed version's files and body purged, its retention over */
  VERSION_PURGED,
  /** the version asked for was removed, or every file of it deleted: it cannot be current */
  VERSION_WITHDRAWN,
  /** the report's only remaining version: removing it would remove the report */
  LAST_VERSION,
  /** a report deleted (kept for its retention period) */
  DELETED,
  /** a deleted report brought back */
  RESTORED,
  /** a restore of a report that is listed (not deleted, or uploaded again since) */
  NOT_DELETED,
  /** the head is not at the revision the change expected */
  REVISION_MISMATCH,
  /** a report moved to another agency by a merge or a split */
  REHOMED,
  /** a report not moved: the agency it would move to already has another report of its year */
  YEAR_TAKEN
}
