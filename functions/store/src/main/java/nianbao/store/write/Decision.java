package nianbao.store.write;

/**
 * What {@link WriteRules#decide} made of a change: its result, the report it concerns, and the writes — one
 * transaction, empty when nothing changes.
 *
 * @param status the report's status when the change leaves its current state as it was (else null)
 * @param superseded what the stored object's key held before for other reports, each to leave its report next
 *     ({@link WriteRules#superseded}); empty for every other change
 */
public record Decision(WriteResult result, String reportId, String status, Writes writes,
    java.util.List<nianbao.store.item.SourceRecord> superseded) {

  public Decision(WriteResult result, String reportId, String status, Writes writes) {
    this(result, reportId, status, writes, java.util.List.of());
  }

  static Decision nothing(WriteResult result, String reportId, String status) {
    return new Decision(result, reportId, status, new Writes());
  }

  /** A reviewer's change refused: no report ({@code head} null), or not at the revision the reviewer saw; else null. */
  static Decision refused(String reportId, nianbao.store.item.ReportHead head, Long expectedRevision) {
    if (head == null) {
      return nothing(WriteResult.NOT_FOUND, reportId, null);
    }
    if (expectedRevision != null && expectedRevision != head.revision()) {
      return nothing(WriteResult.REVISION_MISMATCH, reportId, head.status());
    }
    return null;
  }
}
